import { expect, type Locator, type Page } from '@playwright/test';

/** `/{instance}/{endpoint}/{lookup}`: one record. */
export class RecordPage {
  /** The record's title: what people call it (a session's `subject · date · number`). */
  readonly heading: Locator;
  /** Title, lookup (when the title is something else) and copy button. */
  readonly identity: Locator;
  readonly lookup: Locator;
  readonly fields: Locator;
  readonly rawJson: Locator;
  readonly openInAlyx: Locator;
  readonly copyAlyxUrl: Locator;
  /** "Open in Alyx admin": the record's pages on the instance's own site. */
  readonly adminMenu: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 2 });
    this.identity = main.getByTestId('record-identity');
    this.lookup = main.getByTestId('record-lookup');
    this.fields = page.getByRole('table', { name: 'Fields' });
    this.rawJson = page.getByTestId('raw-json');
    this.openInAlyx = main.getByRole('link', { name: /^Open Alyx/ });
    this.copyAlyxUrl = main.getByRole('button', { name: 'Copy Alyx URL' });
    this.adminMenu = main.getByRole('button', { name: 'Open in Alyx admin' });
  }

  async expectRecord(lookup: string): Promise<void> {
    await expect(this.identity).toContainText(lookup);
    await expect(this.fields).toBeVisible();
  }

  /** Opens the admin menu and returns each entry's name, href, target and rel. */
  async adminLinks(): Promise<{ name: string; href: string; target: string; rel: string }[]> {
    await this.adminMenu.click();
    const items = this.page.getByRole('menu').getByRole('menuitem');
    await expect(items.first()).toBeVisible();
    const links = await items.evaluateAll((nodes) =>
      nodes.map((node) => ({
        name: node.textContent?.trim() ?? '',
        href: node.getAttribute('href') ?? '',
        target: node.getAttribute('target') ?? '',
        rel: node.getAttribute('rel') ?? '',
      })),
    );
    return links;
  }

  /** The value cell of a field. */
  field(name: string): Locator {
    return this.fields
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell');
  }

  fieldLink(name: string): Locator {
    return this.field(name).getByRole('link').first();
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** A nested table (a session's datasets, a subject's weighings), by its heading's name. */
  subTable(name: string): Locator {
    return this.page.getByRole('table', { name, exact: true });
  }

  /** A sub-table's column header (its sort button inside). */
  columnHeader(table: Locator, column: string): Locator {
    return table.getByRole('columnheader', { name: new RegExp(`^${column}\\b`) });
  }

  /** The document is no wider than the window: nothing scrolls sideways. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
