import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { ConsolePage } from './pages/console-page.ts';
import { signIn } from './pages/login-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const INSTANCE = 'sandbox';
const SHOTS = 'screenshots';

let nickname: string;

test.beforeAll(async ({ request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const api = await adminApi(request);
  const labs = await api.get<{ results: { name: string }[] }>('/labs?limit=1');
  nickname = `e2e-console-${Date.now()}`;
  await api.send('POST', '/subjects', { nickname, lab: labs.results[0]?.name, sex: 'U' });
});

test.describe('the raw request console', () => {
  let consoleErrors: () => string[];

  test.beforeEach(async ({ page }) => {
    consoleErrors = watchConsoleErrors(page);
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/subjects/${nickname}`);
    // The header's Console link is prefilled from the page it is on: wait for the record, not just the
    // login redirect (clicked mid-navigation it still named the instance page, path "/").
    await new RecordPage(page).expectRecord(nickname);
  });

  test('opened from a record, prefilled: GET shows 200, headers, time, size and a link back to the record', async ({
    page,
  }) => {
    await new RecordPage(page).expectRecord(nickname);
    const consolePage = new ConsolePage(page);
    await consolePage.openFromHeader();
    await expect(page).toHaveURL(
      new RegExp(`/${INSTANCE}/~/console\\?method=GET&path=%2Fsubjects%2F${nickname}$`),
    );
    await expect(consolePage.method).toHaveValue('GET');
    await expect(consolePage.path).toHaveValue(`/subjects/${nickname}`);
    await expect(consolePage.curl).toContainText(`curl '${sandboxUrl(INSTANCE)}/subjects/${nickname}'`);
    await expect(consolePage.curl).toContainText("Authorization: Token ***'");

    await consolePage.sendAndWait('GET', `/subjects/${nickname}`);
    await expect(consolePage.status).toHaveText(/^200\b/);
    await expect(consolePage.time).toHaveText(/^\d[\d,]* ms$/);
    await expect(consolePage.size).toHaveText(/^\d[\d,]* bytes$/);
    await expect(consolePage.headers).toContainText(/content-type: application\/json/i);
    expect(await consolePage.json()).toMatchObject({ nickname });
    const back = consolePage.link('Open this record');
    await expect(back).toHaveAttribute('href', `/${INSTANCE}/subjects/${nickname}`);
    await back.click();
    await new RecordPage(page).expectRecord(nickname);
    expect(consoleErrors()).toEqual([]);
  });

  test('a PATCH with a JSON body changes the record, and the link keeps the request', async ({
    page,
    request,
  }) => {
    const consolePage = new ConsolePage(page);
    await consolePage.openFromHeader();
    const description = `patched from the console ${Date.now()}`;
    await consolePage.method.selectOption('PATCH');
    await consolePage.body.fill(`{"description":"${description}"}`);
    await consolePage.format.click();
    await expect(consolePage.body).toHaveValue(`{\n  "description": "${description}"\n}`);
    await consolePage.sendAndWait('PATCH', `/subjects/${nickname}`);
    await expect(consolePage.status).toHaveText(/^200\b/);
    expect(await consolePage.json()).toMatchObject({ nickname, description });
    expect(await (await adminApi(request)).get(`/subjects/${nickname}`)).toMatchObject({ description });

    // Deep link: a reload shows the same request, ready to send again.
    await expect(page).toHaveURL(/method=PATCH/);
    await page.reload();
    await expect(consolePage.method).toHaveValue('PATCH');
    expect(JSON.parse(await consolePage.body.inputValue())).toEqual({ description });

    await page.goto(`/${INSTANCE}/subjects/${nickname}`);
    await expect(new RecordPage(page).field('description')).toContainText(description);
    expect(consoleErrors()).toEqual([]);
  });

  test('OPTIONS shows the endpoint metadata; a 400 is shown with its body; secrets stay out of the URL', async ({
    page,
  }) => {
    const consolePage = new ConsolePage(page);
    await consolePage.openFromHeader();
    await consolePage.request('OPTIONS', '/subjects');
    await expect(consolePage.status).toHaveText(/^200\b/);
    await expect(consolePage.body).toBeHidden();
    expect(await consolePage.json()).toHaveProperty('actions');
    await expect(consolePage.link('subjects documentation')).toBeVisible();

    await consolePage.request('POST', '/subjects', { body: '{"nickname": "", "password": "hunter2"}' });
    await expect(consolePage.status).toHaveText(/^400\b/);
    const errors = (await consolePage.json()) as Record<string, unknown>;
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    await expect(consolePage.responseBody).toContainText('nickname');
    expect(page.url()).toContain('method=POST');
    expect(page.url()).not.toContain('hunter2');
    expect(decodeURIComponent(page.url())).toContain('"password":"***"');
    // The browser logs the 400 as a failed resource load; nothing else may appear.
    expect(consoleErrors().filter((line) => !/status of 400/.test(line))).toEqual([]);
  });

  test('a slow request can be cancelled, and Send is busy meanwhile', async ({ page, request }) => {
    const faults = `${sandboxUrl(INSTANCE)}/__sandbox/faults`;
    const slow = await request.post(faults, {
      data: { path: '^/labs\\?slow=1$', kind: 'latency', latencyMs: 15_000, times: 1 },
    });
    expect(slow.ok()).toBe(true);
    try {
      const consolePage = new ConsolePage(page);
      await consolePage.openFromHeader();
      await consolePage.method.selectOption('GET');
      await consolePage.path.fill('/labs');
      await consolePage.rawQueryMode.click();
      await consolePage.rawQuery.fill('slow=1');
      await consolePage.send.click();
      await expect(consolePage.cancel).toBeVisible();
      await expect(consolePage.send).toBeDisabled();
      await consolePage.cancel.click();
      await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toBeVisible();
      await expect(consolePage.send).toBeEnabled();
      await expect(consolePage.response).toBeHidden();
    } finally {
      await request.delete(faults);
    }
  });

  test('absolute URLs and .. escapes are refused before sending', async ({ page }) => {
    const consolePage = new ConsolePage(page);
    await consolePage.openFromHeader();
    await consolePage.path.fill('https://evil.example.org/subjects');
    await expect(page.getByRole('main')).toContainText('not absolute URLs');
    await expect(consolePage.send).toBeDisabled();
    await consolePage.path.fill('/subjects/%2e%2e/%2e%2e/admin');
    await expect(consolePage.send).toBeDisabled();
    await consolePage.path.fill('/subjects');
    await expect(consolePage.send).toBeEnabled();
  });

  test('accessible, and nothing overlaps or scrolls sideways at 1280 and 800 px, light and dark', async ({
    page,
  }) => {
    const consolePage = new ConsolePage(page);
    await consolePage.openFromHeader();
    await consolePage.request('GET', '/sessions', { query: 'limit=2' });
    await expect(consolePage.status).toHaveText(/^200\b/);
    await expect(consolePage.link('Open this sessions list')).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const shell = new AppShell(page);
    for (const scheme of ['light', 'dark'] as const) {
      await shell.setColorScheme(scheme);
      for (const width of [1280, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await expect(consolePage.send).toBeVisible();
        expect(await consolePage.horizontalOverflow(), `${width}px ${scheme}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${SHOTS}/console-${width}-${scheme}.png`, fullPage: false });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(consoleErrors()).toEqual([]);
  });
});
