import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FormPage } from './pages/form-page.ts';
import { signIn } from './pages/login-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { adminApi, type AlyxApi } from './support/alyx-api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

const SHOTS = 'screenshots';

type Row = Record<string, unknown>;

/** A subject of its own for each test, so journeys never share state. */
async function newSubject(api: AlyxApi, nickname = `form-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`): Promise<Row> {
  const labs = await api.get<{ results: Row[] } | Row[]>('/labs?limit=1');
  const lab = (Array.isArray(labs) ? labs[0] : labs.results[0])?.['name'];
  return api.send<Row>('POST', '/subjects', { nickname, lab, description: 'made by forms.spec' });
}

function jsonBody(request: { postData(): string | null }): unknown {
  return JSON.parse(request.postData() ?? 'null');
}

for (const instance of ['sandbox', 'coreapi', 'rootonly'] as const) {
  test.describe(`forms on the ${instance} instance`, () => {
    let consoleErrors: () => string[];
    let api: AlyxApi;

    test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

    test.beforeEach(async ({ page, request }) => {
      consoleErrors = watchConsoleErrors(page);
      api = await adminApi(request, instance);
      await signIn(page, instance, DEMO_ACCOUNTS.admin, `/${instance}`);
    });

    test.afterEach(() => {
      expect(consoleErrors(), 'console errors').toEqual([]);
    });

    test('create a session from a subject’s sessions tab and find it in the list', async ({ page }) => {
      const subject = await newSubject(api);
      const nickname = String(subject['nickname']);
      const record = new RecordPage(page);
      await page.goto(`/${instance}/subjects/${nickname}?tab=sessions`);
      await page.getByRole('button', { name: 'New sessions' }).or(page.getByRole('link', { name: 'New sessions' })).click();
      const form = new FormPage(page);
      await form.expectOpen('POST');
      await expect(form.input('subject')).toHaveValue(nickname);
      await form.fill('task_protocol', 'forms-spec-protocol');
      await form.fill('start_time', '2024-01-02T10:00:00');
      const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/sessions$/.test(new URL(r.url()).pathname));
      await form.submit.click();
      const body = jsonBody(await posted) as Row;
      expect(body).toMatchObject({ subject: nickname, task_protocol: 'forms-spec-protocol', start_time: '2024-01-02T10:00:00' });
      await expect(page).toHaveURL(new RegExp(`/${instance}/sessions/[0-9a-f-]{36}$`));
      await expect(record.fields).toBeVisible();
      await expect(page.getByTestId('notice')).toContainText('Created sessions');
      await page.goto(`/${instance}/sessions?subject=${nickname}`);
      await expect(page.getByTestId('list-range')).toHaveText(/^1–1 of 1$/);
    });

    test('PATCH sends only the changed field and the record shows it', async ({ page }) => {
      const subject = await newSubject(api);
      const nickname = String(subject['nickname']);
      await page.goto(`/${instance}/subjects/${nickname}`);
      await page.getByTestId('edit-record').click();
      const form = new FormPage(page);
      await form.expectOpen('PATCH');
      await form.fill('description', 'edited through the form');
      await expect(form.changes).toContainText('description');
      await expect(form.changes).toContainText('made by forms.spec');
      await form.showRequest.click();
      await expect(form.oneCall).toHaveText(
        `one.alyx.rest('subjects', 'partial_update', id='${nickname}', data={'description': 'edited through the form'})`,
      );
      await expect(form.curl).toContainText('Token $ALYX_TOKEN');
      const patched = page.waitForRequest((r) => r.method() === 'PATCH');
      await form.submit.click();
      expect(jsonBody(await patched)).toEqual({ description: 'edited through the form' });
      await expect(page).toHaveURL(new RegExp(`/${instance}/subjects/${nickname}$`));
      await expect(new RecordPage(page).field('description')).toHaveText('edited through the form');
    });

    test('PUT sends the full writable representation', async ({ page }) => {
      const subject = await newSubject(api);
      const nickname = String(subject['nickname']);
      await page.goto(`/${instance}/subjects/${nickname}/~/replace`);
      const form = new FormPage(page);
      await form.expectOpen('PUT');
      await expect(form.input('nickname')).toHaveValue(nickname);
      await form.fill('description', 'replaced through the form');
      const put = page.waitForRequest((r) => r.method() === 'PUT');
      await form.submit.click();
      const body = jsonBody(await put) as Row;
      expect(body).toMatchObject({ nickname, lab: subject['lab'], description: 'replaced through the form' });
      expect(body).not.toHaveProperty('id');
      await expect(new RecordPage(page).field('description')).toHaveText('replaced through the form');
    });
  });
}
