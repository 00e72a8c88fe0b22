import { expect, test } from '@playwright/test';
import { adminApi } from './support/alyx-api.ts';
import { LoginPage } from './pages/login-page.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

interface SessionRow {
  id: string;
}

test.describe('command palette', () => {
  test('a UUID pasted with Ctrl-K right after login lands on its record', async ({ page, request }) => {
    const api = await adminApi(request);
    const session = (await api.get<{ results: SessionRow[] }>('/sessions?limit=1&offset=3')).results[0];
    expect(session).toBeDefined();
    // The schema answers late, as on a loaded machine or a large real Alyx: the page shows first.
    await page.route('**/api/sandbox/api/schema*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const login = new LoginPage(page);
    await login.goto('sandbox');
    await login.loginWithPassword(DEMO_ACCOUNTS.alice.username, DEMO_ACCOUNTS.alice.password);
    // The user acts as soon as the header shows, not when every request has settled.
    await expect(page.getByRole('banner').getByRole('button', { name: 'Log out' })).toBeVisible({
      timeout: 30_000,
    });
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.insertText(session!.id);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sandbox/sessions/${session!.id}$`), { timeout: 40_000 });
  });
});
