/**
 * Every fault the sandbox injects (sandbox/http/faults.ts), on a form's submit and on the console:
 * a clear message, the page still standing, and nothing the user typed lost.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { FormPage } from './pages/form-page.ts';
import { signIn } from './pages/login-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const FAULTS = `${sandboxUrl('sandbox')}/__sandbox/faults`;

interface Fault {
  name: string;
  rule: Record<string, unknown>;
  message: RegExp;
}

const FAULTS_ON_WRITE: readonly Fault[] = [
  { name: 'a JSON 500', rule: { kind: 'json500' }, message: /server error|500/i },
  { name: 'an HTML 500', rule: { kind: 'html500' }, message: /server error|500|HTML/i },
  { name: 'an HTML page with 200', rule: { kind: 'html200' }, message: /HTML/i },
  { name: 'malformed JSON', rule: { kind: 'malformed' }, message: /unreadable|JSON/i },
  { name: 'a dropped connection', rule: { kind: 'drop' }, message: /cannot reach|network|unreachable/i },
  { name: 'a 503', rule: { kind: 'status', status: 503 }, message: /503|unavailable|server error/i },
  { name: 'a 403', rule: { kind: 'status', status: 403 }, message: /permission|refuse|only read|403/i },
  { name: 'a 429', rule: { kind: 'status', status: 429, retryAfter: 30 }, message: /slow down|throttl|429/i },
];

async function inject(request: APIRequestContext, rule: Record<string, unknown>): Promise<void> {
  const reply = await request.post(FAULTS, { data: rule });
  expect(reply.ok(), await reply.text()).toBe(true);
}

let nickname: string;

test.beforeAll(async ({ request }) => {
  const api = await adminApi(request);
  const labs = await api.get<{ results: { name: string }[] }>('/labs?limit=1');
  nickname = `faults-${Date.now().toString(36)}`;
  await api.send('POST', '/subjects', {
    nickname,
    lab: labs.results[0]?.name,
    sex: 'U',
    description: 'before',
  });
});

test.afterEach(async ({ request }) => {
  await request.delete(FAULTS);
});

test.describe('a form submit meets a fault', () => {
  for (const fault of FAULTS_ON_WRITE) {
    test(`${fault.name}: a clear message, the form standing, the typed value kept`, async ({
      page,
      request,
    }) => {
      await request.delete(FAULTS);
      await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, `/sandbox/subjects/${nickname}/~/edit`);
      const form = new FormPage(page);
      await form.expectOpen('PATCH');
      const typed = `typed before ${fault.name}`;
      await form.fill('description', typed);
      await inject(request, { ...fault.rule, path: `^/subjects/${nickname}$`, method: 'PATCH', times: 1 });
      await form.submit.click();
      const shown = page.getByRole('main').getByRole('alert').filter({ hasText: fault.message });
      await expect(shown.first()).toBeVisible({ timeout: 20_000 });
      await expect(form.form).toBeVisible();
      await expect(form.input('description')).toHaveValue(typed);
      // A blanket 403 marks the account read-only (use-read-only.ts): Submit then stays disabled by design.
      if (fault.rule.status !== 403) await expect(form.submit).toBeEnabled();
    });
  }

  test('a slow submit can be waited out: the value arrives once the instance answers', async ({
    page,
    request,
  }) => {
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, `/sandbox/subjects/${nickname}/~/edit`);
    const form = new FormPage(page);
    await form.expectOpen('PATCH');
    await form.fill('description', 'sent slowly');
    await inject(request, {
      path: `^/subjects/${nickname}$`,
      method: 'PATCH',
      kind: 'latency',
      latencyMs: 3000,
      times: 1,
    });
    await form.submit.click();
    await expect(page).toHaveURL(new RegExp(`/sandbox/subjects/${nickname}$`), { timeout: 20_000 });
    await expect(page.getByRole('main')).toContainText('sent slowly');
  });
});

test.describe('the console meets a fault', () => {
  for (const fault of FAULTS_ON_WRITE.filter((f) => f.rule.kind !== 'drop')) {
    test(`${fault.name}: the answer is shown as it came, the request kept`, async ({ page, request }) => {
      await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, '/sandbox/~/console');
      const consolePage = new ConsolePage(page);
      await expect(consolePage.heading).toBeVisible();
      await inject(request, { ...fault.rule, path: `^/subjects/${nickname}$`, method: 'PATCH', times: 1 });
      const body = '{"description": "console typed"}';
      await consolePage.request('PATCH', `/subjects/${nickname}`, { body });
      await expect(consolePage.status).toBeVisible();
      await expect(consolePage.path).toHaveValue(`/subjects/${nickname}`);
      await expect(consolePage.body).toHaveValue(body);
    });
  }

  test('a dropped connection is named, and the request stays to send again', async ({ page, request }) => {
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin, '/sandbox/~/console');
    const consolePage = new ConsolePage(page);
    await expect(consolePage.heading).toBeVisible();
    await inject(request, { kind: 'drop', path: `^/subjects/${nickname}$`, method: 'PATCH', times: 1 });
    const body = '{"description": "console typed"}';
    await consolePage.method.selectOption('PATCH');
    await consolePage.path.fill(`/subjects/${nickname}`);
    await consolePage.body.fill(body);
    await consolePage.send.click();
    // Through the proxy a dropped upstream is the proxy's own 502, which names the instance.
    await expect(consolePage.status).toHaveText(/^502\b/, { timeout: 20_000 });
    await expect(consolePage.responseBody).toContainText('Cannot reach sandbox');
    await expect(consolePage.body).toHaveValue(body);
    await consolePage.sendAndWait('PATCH', `/subjects/${nickname}`);
    await expect(consolePage.status).toHaveText(/^200\b/);
  });
});
