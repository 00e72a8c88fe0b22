import { expect, test, type Page } from '@playwright/test';
import { signIn } from './pages/login-page.ts';
import { ListPage } from './pages/list-page.ts';
import { DEMO_ACCOUNTS, E2E_APP_URL, E2E_HOSTILE, E2E_HOSTILE_URL } from './support/stack.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { PWNED_PATH, PWNED_TITLE } from './support/hostile-server.ts';

/** Every CSP violation the page reports, collected from the first script on. */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

test.describe('the app under its own security policy', () => {
  test('logs in, browses a list and a record with no CSP violation and no console error', async ({
    page,
  }) => {
    const consoleErrors = watchConsoleErrors(page);
    const violations = await watchCspViolations(page);
    const shell = await page.request.get('/');
    expect(shell.headers()['content-security-policy']).toContain("script-src 'self'");

    await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, '/sandbox/sessions');
    const sessions = new ListPage(page, 'sessions');
    await sessions.expectLoaded();
    await sessions.openFirstRecord();
    await expect(page).toHaveURL(/\/sandbox\/sessions\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('main')).toContainText('subject');

    expect(await violations()).toEqual([]);
    expect(consoleErrors(), 'console errors').toEqual([]);
  });
});

test.describe('a hostile instance', () => {
  test('cannot run script on the explorer origin through the proxy, so cannot read any token', async ({
    page,
  }) => {
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice);
    const token = await page.evaluate(() => sessionStorage.getItem('alyx-explorer:token:sandbox'));
    expect(token, 'the victim is logged in').toBeTruthy();

    const reports: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(PWNED_PATH)) reports.push(request.url());
    });

    // The link a hostile instance would hand out: its page, served on the explorer's origin.
    for (const target of [`/api/${E2E_HOSTILE.instance}/pwn.html`, `/api/${E2E_HOSTILE.instance}/pwn.svg`]) {
      const download = page.waitForEvent('download', { timeout: 5000 }).catch(() => undefined);
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        document.body.append(link);
        link.click();
      }, target);
      await download;
      await page.waitForTimeout(500);
    }

    expect(reports, 'the hostile script reported stolen tokens').toEqual([]);
    expect(await page.title()).not.toBe(PWNED_TITLE);
    for (const popup of page.context().pages()) expect(await popup.title()).not.toBe(PWNED_TITLE);
    const response = await page.request.get(`/api/${E2E_HOSTILE.instance}/pwn.html`);
    expect(response.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(await response.text(), 'the bytes are kept, as text').toContain('<script>');
  });

  test('cannot frame the explorer', async ({ page }) => {
    const framed: string[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(E2E_APP_URL) && response.request().frame() !== page.mainFrame())
        framed.push(response.headers()['x-frame-options'] ?? 'none');
    });
    await page.goto(`${E2E_HOSTILE_URL}/frame.html`);
    await expect(page.locator('#victim')).toHaveAttribute('data-loaded', '1');
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame, 'the iframe exists').toBeDefined();
    expect(framed, 'the explorer answered the frame request').not.toEqual([]);
    // A blocked frame holds the browser's error page: none of the explorer's markup, no login form.
    await expect(frame!.locator('#root')).toHaveCount(0);
    await expect(frame!.getByLabel('Username', { exact: true })).toHaveCount(0);
  });
});
