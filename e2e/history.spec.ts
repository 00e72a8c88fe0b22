/**
 * The request history (ADR 0029) on the sandbox: requests are recorded as the explorer sends them,
 * searched, reopened in the console and as views, kept over a reload, cleared; hostile stored paths
 * render as text; axe at 1280 and 800 px, light and dark.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { ListPage } from './pages/list-page.ts';
import { signIn } from './pages/login-page.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { MARKUP_PAYLOADS } from './support/xss-corpus.ts';
import { expectNoXss, watchDialogs } from './support/xss-guard.ts';

const INSTANCE = 'sandbox';
const HISTORY_KEY = `alyx-explorer:history:${INSTANCE}`;

function historyView(page: Page) {
  const main = page.getByRole('main');
  return {
    heading: main.getByRole('heading', { name: 'Request history' }),
    search: main.getByRole('searchbox', { name: 'Search' }),
    count: main.getByTestId('history-count'),
    rows: main.getByTestId('history-row'),
    row: (path: string) =>
      main.getByTestId('history-row').filter({ has: page.getByText(path, { exact: true }) }),
    clear: main.getByRole('button', { name: 'Clear history' }),
  };
}

test('requests are recorded, searched, reopened in the console and as a view, kept over a reload, and cleared', async ({
  page,
}) => {
  test.slow();
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.alice, `/${INSTANCE}/sessions?limit=5`);
  await new ListPage(page, 'sessions').expectLoaded();
  const consolePage = new ConsolePage(page);
  await consolePage.openFromHeader();
  await consolePage.request('GET', '/subjects', { query: 'limit=1&api_key=not-for-history' });

  await page.getByRole('banner').getByRole('link', { name: 'History' }).click();
  const view = historyView(page);
  await expect(view.heading).toBeVisible();
  await expect(page).toHaveTitle(/^History · sandbox/);
  // Newest first: the console's GET, and the login further down, with nothing of its body.
  const consoleRow = view.row('/subjects?limit=1&api_key=***');
  await expect(consoleRow).toHaveCount(1);
  await expect(consoleRow).toContainText('200');
  await expect(consoleRow).toContainText(/\d ms/);
  await expect(consoleRow).toContainText(/\d B/);
  await expect(view.row('/auth-token')).toContainText('POST');
  const stored = (await page.evaluate((key) => localStorage.getItem(key), HISTORY_KEY)) ?? '';
  expect(stored).not.toContain('not-for-history');
  expect(stored).not.toMatch(/"password"|"username"/);
  const token = (await page.evaluate(() => sessionStorage.getItem('alyx-explorer:token:sandbox'))) ?? '';
  expect(token.length).toBeGreaterThan(10);
  expect(stored).not.toContain(token);

  // The search narrows the rows and lives in the URL.
  const total = await view.rows.count();
  expect(total).toBeGreaterThan(2);
  await view.search.fill('post auth-token');
  await expect(page).toHaveURL(/[?&]q=post\+auth-token/);
  await expect(view.rows).toHaveCount(1);
  await expect(view.count).toContainText(/^1 request of \d+ match/);
  await page.reload();
  await expect(view.search).toHaveValue('post auth-token');
  await expect(view.rows).toHaveCount(1);
  await view.search.fill('');

  // Reopen in the console: method, path and the (masked) query come back.
  await consoleRow.getByRole('link', { name: 'Open in console' }).click();
  await expect(consolePage.heading).toBeVisible();
  await expect(consolePage.path).toHaveValue('/subjects');
  await page.goBack();
  await expect(view.heading).toBeVisible();

  // Open view: the list the explorer showed.
  const listRow = view.rows
    .filter({ hasText: /^GET/ })
    .filter({ has: page.getByTestId('history-path').getByText(/^\/sessions\?/) })
    .first();
  await expect(listRow).toBeVisible();
  await listRow.getByRole('link', { name: 'Open view' }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/${INSTANCE}/sessions`);
  await new ListPage(page, 'sessions').expectLoaded();

  // Clear, with a confirmation; Cancel keeps everything.
  await page.goto(`/${INSTANCE}/~/history`);
  await expect(view.row('/subjects?limit=1&api_key=***')).toHaveCount(1);
  await view.clear.click();
  await page.getByRole('main').getByRole('button', { name: 'Cancel' }).click();
  await expect(view.row('/subjects?limit=1&api_key=***')).toHaveCount(1);
  await view.clear.click();
  await page
    .getByRole('main')
    .getByRole('group', { name: 'Confirm clearing the history' })
    .getByRole('button', { name: 'Clear' })
    .click();
  await expect(view.row('/subjects?limit=1&api_key=***')).toHaveCount(0);
  await expect(view.row('/auth-token')).toHaveCount(0);

  // The shortcut reaches it from anywhere.
  await page.goto(`/${INSTANCE}/sessions?limit=5`);
  await new ListPage(page, 'sessions').expectLoaded();
  await page.keyboard.press('g');
  await page.keyboard.press('y');
  await expect(view.heading).toBeVisible();
});

test('hostile stored paths render as text and run nothing', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.alice, `/${INSTANCE}/~/history`);
  const payloads = MARKUP_PAYLOADS.slice(0, 12);
  await page.evaluate(
    ({ key, paths }) => {
      const entries = paths.map((path, index) => ({
        method: index % 2 ? 'POST' : 'GET',
        path: `/${path}`,
        status: index % 2 ? 400 : 200,
        at: Date.now() - index * 1000,
        durationMs: 3,
        sizeBytes: 10,
        body: index % 2 ? JSON.stringify({ description: path }) : undefined,
      }));
      localStorage.setItem(key, JSON.stringify(entries));
    },
    { key: HISTORY_KEY, paths: payloads },
  );
  await page.reload();
  const view = historyView(page);
  await expect(view.heading).toBeVisible();
  // The reload itself may add a real request or two on top.
  const shown = await page.getByRole('main').getByTestId('history-path').allTextContents();
  for (const payload of payloads) expect(shown).toContain(`/${payload}`);
  await view
    .row(`/${payloads[1] ?? ''}`)
    .getByRole('link', { name: 'Open in console' })
    .click();
  await expect(new ConsolePage(page).heading).toBeVisible();
  await expectNoXss(page, dialogs, 'console from history');
  await page.goBack();
  await expect(view.heading).toBeVisible();
  await expectNoXss(page, dialogs, 'history');
});

test('the history view has no serious axe violations at 1280 and 800 px, light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/sessions?limit=10`);
  // A loaded machine (2 cores, several stacks) has taken over 10 s for the first list after a login.
  await expect(page.getByTestId('list-range')).toBeVisible({ timeout: 30_000 });
  await page.goto(`/${INSTANCE}/no-such-endpoint-for-history`);
  const found: string[] = [];
  mkdirSync('docs/screenshots', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/${INSTANCE}/~/history`);
      const view = historyView(page);
      await expect(view.heading).toBeVisible();
      await expect(view.rows.first()).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/history-${scheme}-${width}.png` });
      found.push(...(await seriousA11yViolations(page)).map((line) => `${scheme} ${width}: ${line}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${scheme} ${width}: sideways scroll`).toBeLessThanOrEqual(0);
    }
  }
  expect(found).toEqual([]);
});
