import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './pages/login-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const INSTANCE = 'sandbox';
const SHOTS = 'screenshots';

type Row = Record<string, unknown>;

interface Records {
  session: Row;
  sessionPath: string;
  subjectPath: string;
  datasetPath: string;
}

let records: Records;

test.beforeAll(async ({ request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const api = await adminApi(request);
  const sessions = await api.get<{ results: Row[] }>('/sessions?limit=1');
  const session = sessions.results[0] ?? {};
  const datasets = await api.get<{ results: Row[] }>(`/datasets?session=${String(session['id'])}&limit=1`);
  const datasetId = String(datasets.results[0]?.['url']).split('/').pop() ?? '';
  records = {
    session,
    sessionPath: `/${INSTANCE}/sessions/${String(session['id'])}`,
    subjectPath: `/${INSTANCE}/subjects/${String(session['subject'])}`,
    datasetPath: `/${INSTANCE}/datasets/${datasetId}`,
  };
});

test.describe('a record as a new user reads it', () => {
  let consoleErrors: () => string[];

  test.beforeEach(async ({ page }) => {
    consoleErrors = watchConsoleErrors(page);
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}`);
  });

  test.afterEach(() => {
    expect(consoleErrors(), 'console errors on the record').toEqual([]);
  });

  test('a session is titled by subject, date and number, with people-named sub-tables and its Alyx URL', async ({
    page,
  }) => {
    const { session } = records;
    await page.goto(records.sessionPath);
    const record = new RecordPage(page);
    await record.expectRecord(String(session['id']));
    const date = String(session['start_time']).slice(0, 10);
    const number = String(session['number']).padStart(3, '0');
    await expect(record.heading).toHaveText(`${String(session['subject'])} · ${date} · ${number}`);
    await expect(record.lookup).toHaveText(String(session['id']));

    await expect(record.subTable('datasets')).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('_related');

    // The record's own hyperlink, at the instance's address rather than the proxy's.
    const alyxUrl = `${sandboxUrl(INSTANCE)}/sessions/${String(session['id'])}`;
    await expect(record.field('url')).toHaveText(alyxUrl);
    await expect(record.field('url')).not.toContainText('/api/sandbox');

    // The sandbox has no browsable page at that URL (a 403 JSON reply): nothing offers to open it.
    await expect(record.openInAlyx).toHaveCount(0);
    await expect(record.copyAlyxUrl).toBeVisible();
  });

  test('a subject’s weighings come newest first and re-sort from the keyboard', async ({ page }) => {
    await page.goto(records.subjectPath);
    const record = new RecordPage(page);
    await record.expectRecord(String(records.session['subject']));
    const weighings = record.subTable('weighings');
    const header = record.columnHeader(weighings, 'date_time');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const dates = () =>
      weighings
        .getByRole('row')
        .locator('time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    const before = await dates();
    expect(before.length).toBeGreaterThan(1);
    expect(before).toEqual([...before].sort().reverse());
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(await dates()).toEqual([...before].reverse());
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      test(`session, subject and dataset records do not scroll sideways, ${scheme} at ${width} px`, async ({
        page,
      }) => {
        test.setTimeout(120_000);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, path] of [
          ['session', records.sessionPath],
          ['subject', records.subjectPath],
          ['dataset', records.datasetPath],
        ] as const) {
          await page.goto(path);
          const record = new RecordPage(page);
          // A session's detail is heavy; the shared machine is slow.
          await expect(record.fields).toBeVisible({ timeout: 30_000 });
          await expect(page.getByText(/loading full record/)).toHaveCount(0, { timeout: 30_000 });
          await page.screenshot({ path: `${SHOTS}/record-${name}-${scheme}-${width}.png`, fullPage: true });
          expect(await record.horizontalOverflow(), `${name} at ${width} px`).toBeLessThanOrEqual(0);
        }
      });
    }
  }
});
