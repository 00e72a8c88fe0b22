/**
 * The XSS corpus (support/xss-corpus.ts) in every view: a hostile instance whose schema, records and
 * error bodies are all payloads (support/hostile-alyx.ts), and the sandbox holding payloads written
 * through its API. No payload may run, no script link render, no view go down.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { ConsolePage } from './pages/console-page.ts';
import { FormPage } from './pages/form-page.ts';
import { signIn } from './pages/login-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { HOSTILE_404_ID, HOSTILE_500_ID } from './support/hostile-alyx.ts';
import { DEMO_ACCOUNTS, E2E_HOSTILE } from './support/stack.ts';
import { MARKUP_PAYLOADS, XSS_CORPUS, hostileJson } from './support/xss-corpus.ts';
import { expectNoXss, watchDialogs } from './support/xss-guard.ts';

const HOSTILE = E2E_HOSTILE.instance;
const id = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
const LONG_INDEX = XSS_CORPUS.findIndex((payload) => payload.length >= 100_000);

async function visit(
  page: Page,
  dialogs: string[],
  path: string,
  view: string,
  stands: 'heading' | 'error' = 'heading',
): Promise<AppShell> {
  await page.goto(path);
  const shell = new AppShell(page);
  // The view stands: a heading (or its error panel) in the main area, even with 100k-character values.
  const shown = stands === 'heading' ? shell.main.getByRole('heading').first() : shell.error();
  await expect(shown, `${view}: ${stands}`).toBeVisible({ timeout: 15_000 });
  await expectNoXss(page, dialogs, view);
  return shell;
}

test.describe('a hostile instance: schema, records and errors are all payloads', () => {
  let dialogs: string[];

  test.beforeEach(async ({ page }) => {
    dialogs = watchDialogs(page);
    await signIn(page, HOSTILE, DEMO_ACCOUNTS.alice);
  });

  test('tree, overview and endpoint docs', async ({ page }) => {
    const shell = await visit(page, dialogs, `/${HOSTILE}`, 'overview');
    await shell.tree.expectLoaded();
    await expect(shell.tree.leaf('notes')).toBeVisible();
    await visit(page, dialogs, `/${HOSTILE}/notes/~/docs`, 'endpoint docs');
    await expect(page.getByRole('main').getByText('click').first()).toBeVisible();
  });

  test('the list of every payload, and the long value does not stall it', async ({ page }) => {
    const started = Date.now();
    const shell = await visit(page, dialogs, `/${HOSTILE}/notes?limit=100`, 'list');
    await expect(shell.main.getByTestId('list-range')).toHaveText(new RegExp(`of ${XSS_CORPUS.length}`));
    expect(Date.now() - started).toBeLessThan(15_000);
    // Text, not markup: the payload shows as typed.
    await expect(shell.main.getByText(MARKUP_PAYLOADS[0] ?? '').first()).toBeVisible();
  });

  test('record details, their JSON, and hostile error bodies', async ({ page }) => {
    for (const i of [0, 1, 2, 10, 30, LONG_INDEX]) {
      const shell = await visit(page, dialogs, `/${HOSTILE}/notes/${id(i)}`, `record ${i}`);
      await expect(shell.error()).toBeHidden();
    }
    const raw = page.getByTestId('raw-json');
    if (await raw.count()) await raw.first().scrollIntoViewIfNeeded();
    await expectNoXss(page, dialogs, 'record JSON');

    const broken = await visit(page, dialogs, `/${HOSTILE}/notes/${HOSTILE_500_ID}`, '500 error', 'error');
    await expect(broken.error(/Server error/)).toBeVisible();
    const missing = await visit(page, dialogs, `/${HOSTILE}/notes/${HOSTILE_404_ID}`, '404 error', 'error');
    await expect(missing.error(/Not found/)).toBeVisible();
  });

  test('new and edit forms: hostile labels, values, snippets and field errors', async ({ page }) => {
    await visit(page, dialogs, `/${HOSTILE}/notes/~/new`, 'new form');
    const form = new FormPage(page);
    await form.expectOpen('POST');
    await form.fill('name', MARKUP_PAYLOADS[2] ?? '');
    await form.fill('text', MARKUP_PAYLOADS[0] ?? '');
    await form.showRequest.click();
    await expect(form.curl).toBeVisible();
    await expectNoXss(page, dialogs, 'new form snippets');
    await form.submit.click();
    await expect(form.problem).toBeVisible();
    await expectNoXss(page, dialogs, 'new form refused');
    // The typed values survive the refusal.
    await expect(form.input('name')).toHaveValue(MARKUP_PAYLOADS[2] ?? '');

    await visit(page, dialogs, `/${HOSTILE}/notes/${id(1)}/~/edit`, 'edit form');
    await form.expectOpen('PATCH');
    await form.fill('text', `${MARKUP_PAYLOADS[4] ?? ''} edited`);
    await form.submit.click();
    await expect(form.problem).toBeVisible();
    await expectNoXss(page, dialogs, 'edit form refused');
  });

  test('the console shows hostile answers as text', async ({ page }) => {
    const consolePage = new ConsolePage(page);
    await visit(page, dialogs, `/${HOSTILE}/~/console`, 'console');
    for (const path of [`/notes/${id(3)}`, `/notes/${HOSTILE_500_ID}`, '/notes']) {
      await consolePage.request('GET', path);
      await expect(consolePage.responseBody).toBeVisible();
      await expectNoXss(page, dialogs, `console GET ${path}`);
    }
    await consolePage.request('POST', '/notes', { body: JSON.stringify(hostileJson()) });
    await expect(consolePage.status).toContainText('400');
    await expectNoXss(page, dialogs, 'console POST');
  });
});

test('payloads written to the sandbox through its API stay text in every view', async ({ page, request }) => {
  // Six views on the shared sandbox, each checked whole: slower than one journey.
  test.slow();
  const api = await adminApi(request);
  const labs = await api.get<{ results: { name: string }[] }>('/labs?limit=1');
  const nickname = `xss-${Date.now().toString(36)}`;
  const description = XSS_CORPUS.filter(
    (payload) => payload.length < 1000 && !payload.includes('\u0000'),
  ).join('\n');
  await api.send('POST', '/subjects', { nickname, lab: labs.results[0]?.name, sex: 'U', description });
  const project = `${MARKUP_PAYLOADS[2] ?? ''} ${Date.now()}`;
  await api.send('POST', '/projects', {
    name: project,
    description: MARKUP_PAYLOADS.join(' ').slice(0, 1000),
  });
  const sessions = await api.get<{ results: { id: string }[] }>(`/sessions?limit=1&subject=${nickname}`);
  expect(sessions.results).toEqual([]);

  const dialogs = watchDialogs(page);
  await signIn(page, 'sandbox', DEMO_ACCOUNTS.admin);
  await visit(page, dialogs, `/sandbox/subjects/${nickname}`, 'sandbox subject');
  await expect(
    page
      .getByRole('main')
      .getByText(MARKUP_PAYLOADS[0] ?? '')
      .first(),
  ).toBeVisible();
  await visit(page, dialogs, `/sandbox/subjects?nickname=${nickname}`, 'sandbox subjects list');
  await visit(page, dialogs, `/sandbox/projects?limit=250`, 'sandbox projects list');
  await visit(page, dialogs, `/sandbox/subjects/${nickname}/~/edit`, 'sandbox subject edit form');
  const consolePage = new ConsolePage(page);
  await visit(page, dialogs, `/sandbox/~/console`, 'sandbox console');
  await consolePage.request('GET', `/subjects/${nickname}`);
  await expectNoXss(page, dialogs, 'sandbox console answer');
});
