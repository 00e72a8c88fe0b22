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
async function newSubject(
  api: AlyxApi,
  nickname = `form-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
): Promise<Row> {
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

    let notFound: string[];

    test.beforeEach(async ({ page, request }) => {
      consoleErrors = watchConsoleErrors(page);
      notFound = [];
      page.on('response', (response) => {
        if (response.status() === 404) notFound.push(new URL(response.url()).pathname);
      });
      api = await adminApi(request, instance);
      await signIn(page, instance, DEMO_ACCOUNTS.admin, `/${instance}`);
    });

    test.afterEach(() => {
      // coreapi and root-only instances lack the OpenAPI document (and answer the root with a redirect to
      // the admin): discovery's probes are the only 404s allowed.
      const probes = new Set([`/api/${instance}/api/schema`, `/api/${instance}/admin`]);
      expect(notFound.filter((path) => !probes.has(path))).toEqual([]);
      const errors = consoleErrors().filter((e) => !/status of 404/.test(e));
      expect(consoleErrors().length - errors.length).toBeLessThanOrEqual(notFound.length);
      expect(errors, 'console errors').toEqual([]);
    });

    test('create a session from a subject’s sessions tab and find it in the list', async ({ page }) => {
      const subject = await newSubject(api);
      const nickname = String(subject['nickname']);
      const record = new RecordPage(page);
      if (instance === 'rootonly') {
        // The root list documents no filters, so a subject shows no reverse tabs there (a tab must be
        // right or absent): the way in is the sessions list filtered by the Alyx query, then "New".
        await page.goto(`/${instance}/sessions?subject=${nickname}`);
        await page.getByTestId('new-record').click();
      } else {
        await page.goto(`/${instance}/subjects/${nickname}?tab=sessions`);
        await page
          .getByRole('button', { name: 'New sessions' })
          .or(page.getByRole('link', { name: 'New sessions' }))
          .click();
      }
      const form = new FormPage(page);
      await form.expectOpen('POST');
      await expect(form.input('subject')).toHaveValue(nickname);
      await form.fill('task_protocol', 'forms-spec-protocol');
      await form.fill('start_time', '2024-01-02T10:00:00');
      const posted = page.waitForRequest(
        (r) => r.method() === 'POST' && /\/sessions$/.test(new URL(r.url()).pathname),
      );
      await form.submit.click();
      const body = jsonBody(await posted) as Row;
      expect(body).toMatchObject({
        subject: nickname,
        task_protocol: 'forms-spec-protocol',
        start_time: '2024-01-02T10:00:00',
      });
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
      // The read-only context arrives with the second wave of inputs, and shows the record's values.
      const readOnly = page
        .getByTestId('record-form')
        .getByText('Read-only (shown, never sent)')
        .locator('..');
      await expect(readOnly).toContainText(String(subject['id']));
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

test.describe('forms: refusals, pickers and accessibility on the sandbox', () => {
  const instance = 'sandbox';
  let consoleErrors: () => string[];
  let api: AlyxApi;

  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  test.beforeEach(async ({ page, request }) => {
    consoleErrors = watchConsoleErrors(page);
    api = await adminApi(request, instance);
  });

  test('a 400 lands on its field and the typed value stays', async ({ page }) => {
    const subject = await newSubject(api);
    const nickname = String(subject['nickname']);
    await signIn(page, instance, DEMO_ACCOUNTS.admin, `/${instance}/subjects/${nickname}/~/edit`);
    const form = new FormPage(page);
    await form.expectOpen('PATCH');
    await form.fill('lab', 'no-such-lab');
    await form.fill('description', 'kept after the 400');
    await form.submit.click();
    await expect(form.fieldError('lab')).toContainText(/no-such-lab|does not exist/i);
    await expect(
      page.getByRole('alert').filter({ hasText: 'The instance rejected the values' }),
    ).toBeVisible();
    await expect(form.input('lab')).toHaveValue('no-such-lab');
    await expect(form.input('description')).toHaveValue('kept after the 400');
    const stored = await api.get<Row>(`/subjects/${nickname}`);
    expect(stored['description']).toBe('made by forms.spec');
    expect(consoleErrors().filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  test('the public account is told before typing, and refused with a clear message; nothing is written', async ({
    page,
    request,
  }) => {
    const subject = await newSubject(api);
    const nickname = String(subject['nickname']);
    await signIn(page, instance, DEMO_ACCOUNTS.public, `/${instance}/subjects/${nickname}`);
    await expect(page.getByTestId('edit-record')).toHaveText(/this account can only read/);
    await expect(page.getByTestId('edit-record')).toBeDisabled();
    await page.goto(`/${instance}/subjects/${nickname}/~/edit`);
    const form = new FormPage(page);
    await expect(form.readOnlyNotice).toBeVisible();
    await expect(form.submit).toBeDisabled();

    // Signed in with a bare token the app cannot know the account: the server's 403 must say it.
    const login = await request.post(
      `http://127.0.0.1:${8101 + (Number(process.env.E2E_PORT_OFFSET ?? 0) || 0)}/auth-token`,
      {
        data: DEMO_ACCOUNTS.public,
      },
    );
    const { token } = (await login.json()) as { token: string };
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('tab', { name: 'Use a token instead' }).click();
    await page.getByLabel('Token', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).not.toHaveURL(/\/~\/login/);
    await page.goto(`/${instance}/subjects/${nickname}/~/edit`);
    await form.expectOpen('PATCH');
    await form.fill('description', 'the public account tried');
    await form.submit.click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'This account can only read' }).first(),
    ).toBeVisible();
    await expect(form.input('description')).toHaveValue('the public account tried');
    const stored = await api.get<Row>(`/subjects/${nickname}`);
    expect(stored['description']).toBe('made by forms.spec');
    expect(consoleErrors().filter((e) => !/status of 403/.test(e))).toEqual([]);
  });

  test('the subject picker finds one subject among ~200 by typing, says what it is, and finds a digits-only nickname', async ({
    page,
  }) => {
    const tag = Math.random().toString(36).slice(2, 8);
    const named = await newSubject(api, `pick-${tag}`);
    const digits = await newSubject(api, `0${String(Date.now()).slice(-7)}`);
    const total = await api.get<{ count: number }>('/subjects?limit=1');
    expect(total.count).toBeGreaterThan(150);
    await signIn(page, instance, DEMO_ACCOUNTS.admin, `/${instance}/sessions/~/new`);
    const form = new FormPage(page);
    await form.expectOpen('POST');
    await form.fill('subject', tag);
    await expect(form.option(String(named['nickname']))).toBeVisible();
    await expect(form.options('subject')).toHaveCount(1);
    // Each option says what it is: the subject's lab (and sex), not its nickname alone.
    await expect(form.option(String(named['nickname']))).toContainText(`${String(named['lab'])} · `);
    await form.fill('subject', 'CSHL0');
    await expect(form.options('subject')).toHaveCount(8);
    expect(await seriousA11yViolations(page), 'the picker open').toEqual([]);
    await form.fill('subject', String(digits['nickname']));
    await form.option(String(digits['nickname'])).click();
    await expect(form.input('subject')).toHaveValue(String(digits['nickname']));
    expect(consoleErrors()).toEqual([]);
  });

  test('a JSON field’s editor undoes and redoes what was typed', async ({ page }) => {
    await signIn(page, instance, DEMO_ACCOUNTS.admin, `/${instance}/sessions/~/new`);
    const form = new FormPage(page);
    await form.expectOpen('POST');
    const editor = page.getByTestId('json-editor').first().getByRole('textbox');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('{"typed": 1}');
    await expect(editor).toHaveText('{"typed": 1}');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(editor).not.toContainText('typed');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(editor).toHaveText('{"typed": 1}');
    expect(consoleErrors()).toEqual([]);
  });

  test('the forms pass axe in light and dark at 1280 and 800 px', async ({ page }) => {
    test.setTimeout(240_000);
    const subject = await newSubject(api);
    const nickname = String(subject['nickname']);
    await signIn(page, instance, DEMO_ACCOUNTS.admin, `/${instance}`);
    const views = [
      { name: 'form-edit-subject', path: `/${instance}/subjects/${nickname}/~/edit` },
      { name: 'form-new-session', path: `/${instance}/sessions/~/new?subject=${nickname}` },
    ];
    for (const view of views)
      for (const width of [1280, 800])
        for (const scheme of ['light', 'dark'] as const) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          // A fresh document each time (the same tab keeps the session token).
          await page.goto('about:blank');
          await page.goto(view.path);
          await expect(page.getByTestId('record-form')).toBeVisible();
          if (view.name === 'form-new-session')
            await expect(page.getByTestId('json-editor').first()).toBeVisible();
          await showRequest(page);
          expect(await seriousA11yViolations(page), `${view.name} ${scheme} ${width}`).toEqual([]);
          await page.screenshot({ path: `${SHOTS}/${view.name}-${scheme}-${width}.png`, fullPage: true });
        }
    expect(consoleErrors()).toEqual([]);
  });
});

async function showRequest(page: Page): Promise<void> {
  const form = new FormPage(page);
  await form.input('description').or(form.input('narrative')).first().fill('a change to show');
  await form.showRequest.click();
  await expect(form.oneCall).toBeVisible();
}
