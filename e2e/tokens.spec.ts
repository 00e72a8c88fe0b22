import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './support/alyx-api.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { AppShell } from './pages/app-shell.ts';
import { ConsolePage } from './pages/console-page.ts';
import { FormPage } from './pages/form-page.ts';
import { ListPage } from './pages/list-page.ts';
import { LoginPage, signIn } from './pages/login-page.ts';

const TOKEN_KEY = 'alyx-explorer:token:sandbox';
const HISTORY_KEY = 'alyx-explorer:history:sandbox';

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

test('the token stays out of form snippets, the console (curl, deep links, bodies), logs, error reports and URLs; logout empties the cache', async ({
  page,
  request,
}) => {
  // A form, the console, an error and a logout with a second login, on a shared sandbox.
  test.slow();
  const urls: string[] = [];
  recordUrls(page, urls);
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  page.on('pageerror', (error) => logs.push(String(error)));
  const api = await adminApi(request);
  const labs = await api.get<{ results: { name: string }[] }>('/labs?limit=1');
  const nickname = `tokens-${Date.now().toString(36)}`;
  await api.send('POST', '/subjects', { nickname, lab: labs.results[0]?.name, sex: 'U' });

  await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, `/sandbox/subjects/${nickname}/~/edit`);
  const token = (await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)) ?? '';
  expect(token.length).toBeGreaterThan(10);
  const expectNoToken = async (where: string) => {
    expect(await page.content(), `${where}: the page`).not.toContain(token);
    expect(decodeURIComponent(page.url()), `${where}: the URL`).not.toContain(token);
  };

  // The forms' curl and ONE snippets: a placeholder, never the token.
  const form = new FormPage(page);
  await form.expectOpen('PATCH');
  await form.fill('description', 'snippets must not hold the token');
  await form.showRequest.click();
  await expect(form.curl).toContainText('$ALYX_TOKEN');
  await expect(form.oneCall).toBeVisible();
  for (const snippet of [form.curl, form.oneCall]) expect(await snippet.textContent()).not.toContain(token);
  await expectNoToken('form snippets');
  await form.expectDraftStored();
  const drafts = await form.storedDrafts();
  for (const key of drafts)
    expect(await page.evaluate((k) => sessionStorage.getItem(k), key)).not.toContain(token);

  // The console: its curl masks the token; a token typed into a body or query is masked in the deep link.
  const consolePage = new ConsolePage(page);
  await page.goto(`/sandbox/~/console?method=GET&path=${encodeURIComponent(`/subjects/${nickname}`)}`);
  await expect(consolePage.heading).toBeVisible();
  await expect(consolePage.curl).toContainText('Authorization: Token ***');
  await consolePage.request('GET', `/subjects/${nickname}`);
  await expectNoToken('console GET');
  await consolePage.request('GET', '/subjects', { query: `token=${token}&limit=1` });
  expect(decodeURIComponent(page.url()), 'console deep link with a token in the query').not.toContain(token);
  await consolePage.request('POST', '/subjects', {
    body: JSON.stringify({ nickname: '', auth_token: token }),
  });
  await expect(consolePage.status).toHaveText(/^400\b/);
  expect(decodeURIComponent(page.url()), 'console deep link with a token in the body').not.toContain(token);
  expect(await consolePage.curl.textContent()).not.toContain(token);

  // An error report (a failed request's panel) names the path, not the token.
  await page.goto('/sandbox/subjects/no-such-subject-for-tokens');
  await expect(new AppShell(page).error(/Not found/)).toBeVisible();
  await expectNoToken('error report');

  // Logout: the token, the drafts, the request history and the cached records are gone; back in,
  // the record is fetched again.
  await page.goto(`/sandbox/subjects/${nickname}`);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
  const history = (await page.evaluate((key) => localStorage.getItem(key), HISTORY_KEY)) ?? '';
  expect(history, 'the request history').toContain(`/subjects/${nickname}`);
  expect(history, 'the request history').toContain('token=***');
  expect(history, 'the request history').not.toContain(token);
  await new AppShell(page).logout();
  await new LoginPage(page).expectShown();
  expect(
    await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('alyx-explorer:'))),
  ).toEqual([]);
  expect(
    (await page.evaluate((key) => localStorage.getItem(key), HISTORY_KEY)) ?? '',
    'the request history after logout',
  ).not.toContain(nickname);
  const refetched = page.waitForRequest(
    (r) => new URL(r.url()).pathname === `/api/sandbox/subjects/${nickname}`,
  );
  await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, `/sandbox/subjects/${nickname}`);
  await refetched;

  expect(
    logs.filter((line) => line.includes(token)),
    'console logs',
  ).toEqual([]);
  // The one request that must carry it: the console query the test itself typed the token into.
  const typed = `/api/sandbox/subjects?token=${token}&limit=1`;
  expect(
    urls.filter(
      (url) => !url.endsWith(typed) && (url.includes(token) || decodeURIComponent(url).includes(token)),
    ),
    'URLs',
  ).toEqual([]);
});
