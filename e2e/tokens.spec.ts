import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { AppShell } from './pages/app-shell.ts';
import { ListPage } from './pages/list-page.ts';
import { LoginPage, signIn } from './pages/login-page.ts';

const TOKEN_KEY = 'alyx-explorer:token:sandbox';

/** Every URL a page navigates to or requests, to prove the token never appears in one. */
function recordUrls(page: Page, urls: string[]): void {
  page.on('request', (request) => urls.push(request.url()));
  page.on('framenavigated', (frame) => urls.push(frame.url()));
}

test('a record opened in a new tab is signed in without the login page, and logout reaches every tab', async ({
  context,
  page,
}) => {
  const urls: string[] = [];
  recordUrls(page, urls);
  await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, '/sandbox/sessions');
  const list = new ListPage(page, 'sessions');
  await list.expectLoaded();
  const token = await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);
  expect(token).toBeTruthy();
  const recordHref = await list.row(0).getByRole('link').first().getAttribute('href');
  expect(recordHref).toMatch(/^\/sandbox\/sessions\//);

  // Like ctrl-click: a new page of the same browser context, with its own (empty) sessionStorage.
  const second = await context.newPage();
  recordUrls(second, urls);
  const secondUrls: string[] = [];
  second.on('framenavigated', (frame) => {
    if (frame === second.mainFrame()) secondUrls.push(frame.url());
  });
  await second.goto(recordHref ?? '');
  await expect(second).toHaveURL((url) => url.pathname === recordHref);
  await expect(second.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
  await expect(new AppShell(second).account).toContainText('alice');
  expect(secondUrls.filter((url) => url.includes('/~/login'))).toEqual([]);
  await expect(second.getByLabel('Username', { exact: true })).toHaveCount(0);

  for (const tab of [page, second]) {
    const local = await tab.evaluate(() => Object.entries(localStorage));
    expect(
      local.filter(([key, value]) => key.includes('token') || value.includes(token ?? '')),
      'localStorage',
    ).toEqual([]);
  }

  // Logging out in the new tab logs the first tab out too: its next navigation shows the login page.
  await new AppShell(second).logout();
  await new LoginPage(second).expectShown();
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
  await page.goto('/sandbox/subjects');
  await new LoginPage(page).expectShown();

  expect(urls.length).toBeGreaterThan(0);
  expect(
    urls.filter((url) => url.includes(token ?? '') || decodeURIComponent(url).includes(token ?? '')),
  ).toEqual([]);
});

test('a new tab with no signed-in tab shows the login page', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/sandbox/sessions');
  await new LoginPage(page).expectShown();
});
