import { expect, type Locator, type Page } from '@playwright/test';

/** `/{instance}/~/console`: the raw request console. */
export class ConsolePage {
  readonly heading: Locator;
  readonly method: Locator;
  readonly path: Locator;
  readonly rawQueryMode: Locator;
  readonly rawQuery: Locator;
  readonly body: Locator;
  readonly format: Locator;
  readonly send: Locator;
  readonly cancel: Locator;
  readonly curl: Locator;
  readonly response: Locator;
  readonly status: Locator;
  readonly time: Locator;
  readonly size: Locator;
  readonly headers: Locator;
  readonly responseBody: Locator;
  readonly productionNotice: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: 'Request console' });
    this.method = main.getByRole('combobox', { name: 'Method' });
    this.path = main.getByRole('textbox', { name: 'Path' });
    this.rawQueryMode = main.getByText('Raw', { exact: true });
    this.rawQuery = main.getByRole('textbox', { name: 'Raw query string' });
    this.body = main.getByRole('textbox', { name: 'JSON body' });
    this.format = main.getByRole('button', { name: 'Format' });
    this.send = main.getByRole('button', { name: 'Send' });
    this.cancel = main.getByRole('button', { name: 'Cancel' });
    this.curl = main.getByTestId('console-curl');
    this.response = main.getByTestId('console-response');
    this.status = main.getByTestId('response-status');
    this.time = main.getByTestId('response-time');
    this.size = main.getByTestId('response-size');
    this.headers = main.getByTestId('response-headers');
    this.responseBody = main.getByTestId('response-body');
    this.productionNotice = main.getByRole('note', { name: 'Production instance' });
  }

  /** Opens the console from the header link of whatever view is showing. */
  async openFromHeader(): Promise<void> {
    await this.page.getByRole('banner').getByRole('link', { name: 'Console' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Fills method, path, raw query and body, then sends and waits for the answer. */
  async request(
    method: string,
    path: string,
    options: { query?: string; body?: string } = {},
  ): Promise<void> {
    await this.method.selectOption(method);
    await this.path.fill(path);
    if (options.query !== undefined) {
      if (!(await this.rawQuery.isVisible())) await this.rawQueryMode.click();
      await this.rawQuery.fill(options.query);
    }
    if (options.body !== undefined) await this.body.fill(options.body);
    await this.sendAndWait(method, path);
  }

  /** Clicks Send and waits until the console shows the answer to `method path`. */
  async sendAndWait(method: string, path: string): Promise<void> {
    const answered = this.page.waitForResponse(
      (r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(path),
    );
    await this.send.click();
    await answered;
    await expect(this.response).toBeVisible();
    await expect(this.send).toBeEnabled();
  }

  /** The response body parsed (it is shown pretty-printed JSON). */
  async json(): Promise<unknown> {
    return JSON.parse((await this.responseBody.textContent()) ?? 'null') as unknown;
  }

  link(name: string | RegExp): Locator {
    return this.response.getByRole('link', { name });
  }

  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
