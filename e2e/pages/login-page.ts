import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly remember: Locator;
  readonly tokenTab: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('Username', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.remember = page.getByLabel('Remember me');
    this.tokenTab = page.getByRole('tab', { name: 'Use a token instead' });
    this.token = page.getByLabel('Token', { exact: true });
    this.submit = page.getByRole('button', { name: 'Log in' });
    this.error = page.getByRole('alert').filter({ hasText: 'Login failed' });
  }

  async goto(instance: string, next?: string): Promise<void> {
    await this.page.goto(`/${instance}/~/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await expect(this.username).toBeVisible();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/~\/login/);
    await expect(this.username).toBeVisible();
  }

  async loginWithPassword(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  async loginWithToken(token: string): Promise<void> {
    await this.tokenTab.click();
    await this.token.fill(token);
    await this.submit.click();
  }
}

/** Logs in through the form and waits for the app to come back to `next` (or the instance overview). */
export async function signIn(
  page: Page,
  instance: string,
  account: { username: string; password: string },
  next?: string,
): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(instance, next);
  await login.loginWithPassword(account.username, account.password);
  // On a loaded machine (2 cores, several stacks) the login's follow-up requests took over 10 s.
  await expect(page).not.toHaveURL(/\/~\/login/, { timeout: 30_000 });
}
