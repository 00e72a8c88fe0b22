import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, E2E_APP_URL } from './support/stack.ts';
import { AppShell } from './pages/app-shell.ts';
import { LoginPage, signIn } from './pages/login-page.ts';
import { watchConsoleErrors } from './support/console-errors.ts';

const TOKEN_KEY = 'alyx-explorer:token:sandbox';

test.describe('logging in and out', () => {
  test('a wrong password shows the server’s message, keeps what was typed and logs no console error', async ({
    page,
  }) => {
    const consoleErrors = watchConsoleErrors(page);
    const login = new LoginPage(page);
    await login.goto('sandbox');
    await login.loginWithPassword('alice', 'not-her-password');
    await expect(login.error).toContainText('Unable to log in with provided credentials.');
    await expect(login.username).toHaveValue('alice');
    await expect(login.password).toHaveValue('not-her-password');
    expect(consoleErrors()).toEqual([]);
  });

  test('the sandbox login names its demo accounts', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto('sandbox');
    await expect(page.getByRole('note', { name: 'Demo accounts' })).toContainText('alice');
  });

  test('a data page sends a visitor to login and back to that page afterwards', async ({ page }) => {
    await page.goto('/sandbox/sessions/~/docs');
    const login = new LoginPage(page);
    await login.expectShown();
    await login.loginWithPassword(DEMO_ACCOUNTS.alice.username, DEMO_ACCOUNTS.alice.password);
    await expect(page).toHaveURL(/\/sandbox\/sessions\/~\/docs$/);
    const shell = new AppShell(page);
    await expect(shell.account).toContainText('alice');
    await shell.tree.expectLoaded();
  });

  test('a token works instead of a password', async ({ page, request }) => {
    const reply = await request.post(`${E2E_APP_URL}/api/sandbox/auth-token`, { data: DEMO_ACCOUNTS.alice });
    const { token } = (await reply.json()) as { token: string };
    const login = new LoginPage(page);
    await login.goto('sandbox');
    await login.loginWithToken(token);
    await expect(page).toHaveURL(/\/sandbox$/);
    await new AppShell(page).tree.expectLoaded();
  });

  test('logging out forgets the token and the cached data and returns to login', async ({ page }) => {
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice);
    const shell = new AppShell(page);
    await shell.tree.expectLoaded();
    await shell.logout();
    await new LoginPage(page).expectShown();
    expect(
      await page.evaluate((key) => sessionStorage.getItem(key) ?? localStorage.getItem(key), TOKEN_KEY),
    ).toBeNull();
    await expect(shell.tree.tree).toBeHidden();
    // Back in history: the page needs a token again, so it is login once more.
    await page.goto('/sandbox/sessions/~/docs');
    await new LoginPage(page).expectShown();
  });

  test('remember me keeps the token in localStorage', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto('sandbox');
    await login.remember.check();
    await login.loginWithPassword(DEMO_ACCOUNTS.alice.username, DEMO_ACCOUNTS.alice.password);
    await expect(page).toHaveURL(/\/sandbox$/);
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).not.toBeNull();
  });

  test('the public account is marked read-only', async ({ page }) => {
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.public);
    const shell = new AppShell(page);
    await expect(shell.account).toContainText('public');
    await expect(shell.readOnlyBadge).toBeVisible();
  });
});
