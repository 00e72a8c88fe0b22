import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { ListPage } from './pages/list-page.ts';
import { signIn } from './pages/login-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const INSTANCE = 'sandbox';

/** A subject of this test only, created over the sandbox API as the admin. */
async function createSubject(request: APIRequestContext, prefix: string): Promise<string> {
  const api = await adminApi(request);
  const labs = await api.get<{ results: { name: string }[] }>('/labs?limit=1');
  const nickname = `${prefix}-${Date.now()}`;
  await api.send('POST', '/subjects', { nickname, lab: labs.results[0]?.name, sex: 'U' });
  return nickname;
}

/** Status of GET as the admin, outside the browser. */
async function adminStatus(request: APIRequestContext, path: string): Promise<number> {
  const base = sandboxUrl(INSTANCE);
  const login = await request.post(`${base}/auth-token`, { data: DEMO_ACCOUNTS.admin });
  const { token } = (await login.json()) as { token: string };
  const reply = await request.get(`${base}${path}`, { headers: { authorization: `Token ${token}` } });
  return reply.status();
}

function deleteDialog(page: Page) {
  return page.getByRole('dialog', { name: /^Delete this/ });
}

test.describe('delete a record', () => {
  let consoleErrors: () => string[];

  test.beforeEach(({ page }) => {
    consoleErrors = watchConsoleErrors(page);
  });

  test('the admin deletes a subject after a confirmation naming it, and the list no longer has it', async ({
    page,
    request,
  }) => {
    const nickname = await createSubject(request, 'e2e-delete');
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/subjects`);
    const list = new ListPage(page, 'subjects');
    await list.expectLoaded();
    const before = await list.total();

    await page.goto(`/${INSTANCE}/subjects/${nickname}`);
    const record = new RecordPage(page);
    await record.expectRecord(nickname);
    await record.identity.getByRole('button', { name: 'Delete', exact: true }).click();

    const dialog = deleteDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(nickname);
    await expect(dialog).toContainText(`DELETE /subjects/${nickname}`);
    const confirm = dialog.getByRole('button', { name: `Delete ${nickname}` });
    // Double-clicking sends one DELETE: the button is busy from the first click.
    const deletes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'DELETE') deletes.push(r.url());
    });
    await confirm.dblclick();

    await expect(page).toHaveURL(new RegExp(`/${INSTANCE}/subjects$`));
    await expect(page.getByRole('status').filter({ hasText: `Deleted subjects/${nickname}.` })).toBeVisible();
    await list.expectLoaded();
    await expect.poll(() => list.total()).toBe(before - 1);
    expect(deletes).toHaveLength(1);

    await page.goto(`/${INSTANCE}/subjects?nickname=${nickname}`);
    await expect(page.getByRole('main')).toContainText('No subjects match this query.');
    expect(await adminStatus(request, `/subjects/${nickname}`)).toBe(404);
    expect(consoleErrors()).toEqual([]);
  });

  test('a server error is explained, the record stays, and trying again deletes it', async ({
    page,
    request,
  }) => {
    const nickname = await createSubject(request, 'e2e-retry');
    const faults = `${sandboxUrl(INSTANCE)}/__sandbox/faults`;
    const injected = await request.post(faults, {
      data: { path: `^/subjects/${nickname}$`, method: 'DELETE', kind: 'json500', times: 1 },
    });
    expect(injected.ok()).toBe(true);
    try {
      await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/subjects/${nickname}`);
      const record = new RecordPage(page);
      await record.expectRecord(nickname);
      await record.identity.getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = deleteDialog(page);
      const confirm = dialog.getByRole('button', { name: `Delete ${nickname}` });
      await confirm.click();
      await expect(dialog.getByRole('alert')).toContainText('The instance failed (500)');
      expect(await adminStatus(request, `/subjects/${nickname}`)).toBe(200);
      await expect(confirm).toBeEnabled();
      await confirm.click();
      await expect(page).toHaveURL(new RegExp(`/${INSTANCE}/subjects$`));
      expect(await adminStatus(request, `/subjects/${nickname}`)).toBe(404);
    } finally {
      await request.delete(faults);
    }
    expect(consoleErrors().filter((line) => !/status of 500/.test(line))).toEqual([]);
  });

  test('the public account is told it can only read, before clicking, and nothing is deleted', async ({
    page,
    request,
  }) => {
    const nickname = await createSubject(request, 'e2e-keep');
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.public, `/${INSTANCE}/subjects/${nickname}`);
    const record = new RecordPage(page);
    await record.expectRecord(nickname);
    const remove = record.identity.getByRole('button', { name: 'Delete', exact: true });
    await expect(remove).toBeDisabled();
    await expect(record.identity).toContainText('this account can only read');
    await expect(remove).toHaveAccessibleDescription('this account can only read');
    expect(await adminStatus(request, `/subjects/${nickname}`)).toBe(200);
    expect(consoleErrors()).toEqual([]);
  });

  test('a protected dataset is refused as that record, and the account stays writable', async ({
    page,
    request,
  }) => {
    const api = await adminApi(request);
    const protectedSets = await api.get<{ results: { url: string }[] }>('/datasets?protected=True&limit=1');
    const id = String(protectedSets.results[0]?.url).split('/').pop() ?? '';
    expect(id).not.toBe('');
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/datasets/${id}`);
    const record = new RecordPage(page);
    await record.expectRecord(id);
    await record.identity.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = deleteDialog(page);
    await dialog.getByRole('button', { name: /^Delete / }).click();

    await expect(dialog.getByRole('alert')).toContainText('This record is protected');
    await expect(dialog.getByRole('alert')).toContainText('protected tag');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(new AppShell(page).readOnlyBadge).toBeHidden();
    await expect(record.identity.getByRole('button', { name: 'Delete', exact: true })).toBeEnabled();
    expect(await adminStatus(request, `/datasets/${id}`)).toBe(200);
    // The browser logs the refused DELETE as a failed resource load; nothing else may appear.
    expect(consoleErrors().filter((line) => !/status of 403/.test(line))).toEqual([]);
  });
});
