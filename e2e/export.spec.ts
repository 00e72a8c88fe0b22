/** Whole-list export on the sandbox: every row, in order, a page at a time, with progress and cancel. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ExportDialog } from './pages/export-dialog.ts';
import { ListPage } from './pages/list-page.ts';
import { signIn } from './pages/login-page.ts';
import { screenshotForDocs, violationsInEveryLook } from './support/axe.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

const INSTANCE = 'sandbox';
const FILTER = 'sex=F';
const PAGE_SIZE = 15;

/** The whole filtered list in one request, straight from the instance, to compare the export with. */
async function expectedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    async ([instance, filter]) => {
      const token = sessionStorage.getItem(`alyx-explorer:token:${instance}`);
      const reply = await fetch(`/api/${instance}/subjects?${filter}&limit=1000`, {
        headers: { authorization: `Token ${token}` },
      });
      return ((await reply.json()) as { results: { id: string }[] }).results.map((row) => row.id);
    },
    [INSTANCE, FILTER] as const,
  );
}

/** Export page requests, each held back a little so the progress can be seen mid-way. */
async function slowExportPages(page: Page, delayMs: number): Promise<string[]> {
  const seen: string[] = [];
  await page.route(`**/api/${INSTANCE}/subjects?*`, async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('limit') !== String(PAGE_SIZE)) return route.continue();
    seen.push(url.search);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return route.continue();
  });
  return seen;
}

test.describe('export of a whole filtered list', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}`);
  });

  test('every row arrives once, in order, page after page, with a visible progress bar', async ({ page }) => {
    test.setTimeout(120_000);
    const ids = await expectedIds(page);
    expect(ids.length, 'the filter must span several export pages').toBeGreaterThan(PAGE_SIZE * 3);
    const list = new ListPage(page, 'subjects');
    await list.goto(INSTANCE, `${FILTER}&limit=25&offset=25`);
    const seen = await slowExportPages(page, 500);

    const dialog = new ExportDialog(page);
    await dialog.open.click();
    await expect(dialog.dialog).toBeVisible();
    await dialog.format('JSON (array of records)').click();
    await dialog.pageSize.fill(String(PAGE_SIZE));
    await expect(dialog.dialog).toContainText(`${Math.ceil(ids.length / PAGE_SIZE)} requests`);
    const download = page.waitForEvent('download');
    await dialog.start().click();
    // Mid-way: the bar is there and the text counts rows so far of the total (which page it is on
    // when the assertion first looks depends on the machine: each page takes 500 ms here).
    await expect(dialog.progressBar).toBeVisible();
    await expect(dialog.progressText).toHaveText(
      new RegExp(`^\\d+ of ${ids.length} rows · (about \\d+ s left|estimating…)$`),
    );
    const file = await download;
    await expect(dialog.progressText).toHaveText(
      new RegExp(`^${ids.length} of ${ids.length} rows · saved as `),
    );
    await expect(dialog.progressBar).toHaveAttribute('aria-valuenow', '100');

    const rows = JSON.parse(readFileSync(await file.path(), 'utf8')) as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(file.suggestedFilename()).toBe('subjects-sex-F.json');
    // One request per page, in offset order, each keeping the filter (the list's own offset is not kept).
    const asked = seen.map((search) => Object.fromEntries(new URLSearchParams(search)));
    expect(asked).toEqual(
      Array.from({ length: Math.ceil(ids.length / PAGE_SIZE) }, (_, i) => ({
        sex: 'F',
        limit: String(PAGE_SIZE),
        ...(i === 0 ? {} : { offset: String(i * PAGE_SIZE) }),
      })),
    );
  });

  test('the CSV opens in a spreadsheet: BOM, header of every field, one line per record', async ({
    page,
  }) => {
    const ids = await expectedIds(page);
    const list = new ListPage(page, 'subjects');
    await list.goto(INSTANCE, FILTER);
    const dialog = new ExportDialog(page);
    await dialog.open.click();
    await dialog.pageSize.fill('50');
    const download = page.waitForEvent('download');
    await dialog.start().click();
    const bytes = readFileSync(await (await download).path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const header = text.split('\r\n')[0]?.split(',') ?? [];
    expect(header).toContain('id');
    expect(header).toContain('nickname');
    const idColumn = header.indexOf('id');
    // Ids are UUIDs, so a simple scan finds each record's line start.
    const found = text.split('\r\n').flatMap((line) => {
      const cell = line.split(',')[idColumn];
      return cell && /^[0-9a-f-]{36}$/.test(cell) ? [cell] : [];
    });
    expect(found).toEqual(ids);
  });

  test('Cancel aborts the request in flight and downloads nothing', async ({ page }) => {
    const list = new ListPage(page, 'subjects');
    await list.goto(INSTANCE, FILTER);
    const seen = await slowExportPages(page, 1500);
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    const dialog = new ExportDialog(page);
    await dialog.open.click();
    await dialog.pageSize.fill(String(PAGE_SIZE));
    await dialog.start().click();
    await expect(dialog.progressText).toHaveText(new RegExp(`^${PAGE_SIZE} of \\d+ rows`));
    await dialog.cancel.click();
    await expect(dialog.progressText).toContainText('cancelled, nothing downloaded');
    const sent = seen.length;
    await page.waitForTimeout(2000);
    expect(seen.length, 'no page is requested after Cancel').toBe(sent);
    expect(downloads).toBe(0);
    await expect(dialog.start()).toBeEnabled();
  });

  test('the dialog has no serious axe violations at 1280 and 800 px, light and dark', async ({ page }) => {
    test.setTimeout(180_000);
    const found = await violationsInEveryLook(page, async ({ scheme, width }) => {
      const list = new ListPage(page, 'subjects');
      await list.goto(INSTANCE, FILTER);
      const dialog = new ExportDialog(page);
      await dialog.open.click();
      await dialog.pageSize.fill('20');
      const download = page.waitForEvent('download');
      await dialog.start().click();
      await download;
      await expect(dialog.progressText).toContainText('saved as');
      if ((scheme === 'light' && width === 1280) || (scheme === 'dark' && width === 800))
        await screenshotForDocs(page, `export-dialog-${scheme}-${width}`);
    });
    expect(found).toEqual([]);
  });
});
