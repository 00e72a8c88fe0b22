/**
 * Saved queries and pinned records (ADR 0032) on the sandbox: a filtered list saved under a name
 * and reopened from the Saved view, a record pinned and found in the palette, rename, remove, a
 * reload and a logout keep them; hostile names render as text; axe at 1280 and 800 px, light and
 * dark, on the Saved view and the palette with items.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { ListPage } from './pages/list-page.ts';
import { signIn } from './pages/login-page.ts';
import { PalettePage } from './pages/palette-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SaveControls, SavedPage } from './pages/saved-page.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { MARKUP_PAYLOADS, XSS_FLAG } from './support/xss-corpus.ts';
import { expectNoXss, watchDialogs } from './support/xss-guard.ts';

const INSTANCE = 'sandbox';
const QUERIES_KEY = `alyx-explorer:saved-queries:${INSTANCE}`;
const PINS_KEY = `alyx-explorer:pins:${INSTANCE}`;
const slow = { timeout: 30_000 };

const params = (page: Page): URLSearchParams => new URL(page.url()).searchParams;

test('a filtered list saved under a name reopens from the Saved view; a pinned record is in the palette; rename, remove, reload and logout', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.alice, `/${INSTANCE}/sessions?limit=25`);
  const sessions = new ListPage(page, 'sessions');
  await expect(sessions.range).toBeVisible(slow);
  await sessions.expectLoaded();
  const total = await sessions.total();
  const subject = await sessions.firstRowValue('subject');
  await sessions.filterBy('subject', subject);
  await expect(page).toHaveURL(new RegExp(`subject=${subject}`));
  await expect.poll(() => sessions.total(), slow).toBeLessThan(total);
  await expect(sessions.row(0)).toContainText(subject, slow);
  const range = (await sessions.range.textContent()) ?? '';
  const firstId = await sessions.firstRowValue('id');

  // Save it: the default name says what it is; the typed one is kept.
  const controls = new SaveControls(page);
  await expect(controls.saveQuery).toHaveText('Save query');
  await controls.openSaveDialog();
  await expect(controls.name).toHaveValue(`sessions · subject=${subject}`);
  await page.keyboard.press('Escape');
  await expect(controls.dialog).toBeHidden();
  await expect(controls.saveQuery).toHaveText('Save query');
  await controls.saveAs(`Sessions of ${subject}`);
  const stored = (await page.evaluate((key) => localStorage.getItem(key), QUERIES_KEY)) ?? '';
  const token = (await page.evaluate(() => sessionStorage.getItem('alyx-explorer:token:sandbox'))) ?? '';
  expect(token.length).toBeGreaterThan(10);
  expect(stored).toContain(`subject=${subject}`);
  expect(stored).not.toContain(token);

  // From elsewhere, the header's Saved link lists it; its link lands on the same filtered list.
  await page.goto(`/${INSTANCE}/subjects`);
  await new ListPage(page, 'subjects').expectLoaded();
  const saved = new SavedPage(page);
  await saved.openFromHeader();
  await expect(page).toHaveTitle(/^Saved · sandbox/);
  await expect(saved.queries).toHaveCount(1);
  await expect(saved.noPins).toBeVisible();
  await saved.link(`Sessions of ${subject}`).click();
  await expect(page).toHaveURL((url) => url.pathname === `/${INSTANCE}/sessions`);
  expect(params(page).get('subject')).toBe(subject);
  expect(params(page).get('limit')).toBe('25');
  await sessions.expectLoaded();
  await expect(sessions.range).toHaveText(range);
  expect(await sessions.firstRowValue('id')).toBe(firstId);
  await expect(controls.saveQuery).toHaveText('Saved query');

  // Pin its first record; the palette finds the pin and the saved query by name.
  await sessions.openFirstRecord();
  const record = new RecordPage(page);
  await expect(record.fields).toBeVisible(slow);
  const title = ((await record.heading.textContent()) ?? '').trim();
  const recordUrl = page.url();
  await expect(controls.pin).toHaveAttribute('aria-pressed', 'false');
  await controls.pin.click();
  await expect(controls.pin).toHaveAttribute('aria-pressed', 'true');
  await expect(controls.pin).toHaveText('Pinned');
  const palette = new PalettePage(page);
  await palette.open();
  await expect(palette.option('Unpin this record')).toHaveCount(1);
  await page.keyboard.insertText(`of ${subject}`);
  await expect(palette.options.first()).toContainText(`Sessions of ${subject}`);
  await expect(palette.options.first()).toContainText('Saved query');
  await palette.input.fill('');
  await page.keyboard.insertText(title.slice(0, 12));
  const pinned = palette.ofKind('Pinned');
  await expect(pinned).toHaveCount(1);
  await expect(pinned).toContainText(title);
  await page.goto(`/${INSTANCE}/labs`);
  await new ListPage(page, 'labs').expectLoaded();
  await palette.open();
  await page.keyboard.insertText(title.slice(0, 12));
  await palette.ofKind('Pinned').click();
  await expect(page).toHaveURL(recordUrl);
  await expect(record.heading).toHaveText(title, slow);

  // The Saved view: rename both, unpin with undo, reload keeps what is there.
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(saved.heading).toBeVisible();
  await expect(saved.pins).toHaveCount(1);
  await saved.rename(`Sessions of ${subject}`, `${subject} — all sessions`);
  await saved.rename(title, 'The session I check');
  await expect(saved.link('The session I check')).toHaveAttribute('href', new URL(recordUrl).pathname);
  await saved.remove('The session I check');
  await expect(saved.noPins).toBeVisible();
  await saved.undo.click();
  await expect(saved.pins).toHaveCount(1);
  await saved.remove('The session I check');
  await page.reload();
  await expect(saved.heading).toBeVisible();
  await expect(saved.noPins).toBeVisible();
  await expect(saved.link(`${subject} — all sessions`)).toBeVisible();
  await page.goto(recordUrl);
  await expect(controls.pin).toHaveAttribute('aria-pressed', 'false', slow);

  // Bookmarks, not secrets: a logout keeps them.
  await new AppShell(page).logout();
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.alice, `/${INSTANCE}/~/saved`);
  await expect(saved.heading).toBeVisible();
  await expect(saved.link(`${subject} — all sessions`)).toBeVisible();
  await saved.remove(`${subject} — all sessions`);
  await expect(saved.noQueries).toBeVisible();
  await page.reload();
  await expect(saved.noQueries).toBeVisible(slow);
});

test('hostile names, typed or stored, render as text and run nothing; another tab sees changes', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.alice, `/${INSTANCE}/subjects?limit=5`);
  const subjects = new ListPage(page, 'subjects');
  await expect(subjects.range).toBeVisible(slow);
  const typed = `<img src=x onerror=window.${XSS_FLAG}=1>`;
  await new SaveControls(page).saveAs(typed);
  const payloads = MARKUP_PAYLOADS.slice(0, 8);
  await page.evaluate(
    ({ key, names }) => {
      const current = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
      const more = names.map((name, index) => ({
        name,
        endpoint: 'sessions',
        query: `number=${index}&token=should-not-survive`,
        savedAt: Date.now(),
      }));
      localStorage.setItem(key, JSON.stringify([...current, ...more, { name: 1 }, 'junk']));
    },
    { key: QUERIES_KEY, names: payloads },
  );
  const saved = new SavedPage(page);
  await saved.goto(INSTANCE);
  await expect(saved.link(typed)).toBeVisible();
  await expect(saved.queries).toHaveCount(1 + payloads.length);
  await expect(saved.entry(typed)).toContainText('subjects?limit=5');
  await expect(page.getByRole('main')).not.toContainText('should-not-survive');
  await expectNoXss(page, dialogs, 'saved view');
  const palette = new PalettePage(page);
  await palette.open();
  await page.keyboard.insertText('onerror');
  await expect(palette.option(typed)).toHaveCount(1);
  await expect(palette.ofKind('Saved query')).toHaveCount(
    1 + payloads.filter((p) => /onerror/i.test(p)).length,
  );
  await expectNoXss(page, dialogs, 'palette with saved queries');
  await page.keyboard.press('Escape');

  // A second tab of the same browser removes one: this tab's view follows.
  const other = await context.newPage();
  await other.goto(`/${INSTANCE}/~/saved`);
  const otherSaved = new SavedPage(other);
  await expect(otherSaved.link(typed)).toBeVisible(slow);
  await otherSaved.remove(typed);
  await expect(saved.entry(typed)).toHaveCount(0);
  await other.close();
});

test('the Saved view and the palette with items have no serious axe violations at 1280 and 800 px, light and dark', async ({
  page,
}) => {
  // Four layouts, three axe runs each: minutes on the shared 2-core machine.
  test.setTimeout(480_000);
  await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}/sessions?limit=10`);
  await expect(page.getByTestId('list-range')).toBeVisible(slow);
  const saved = new SavedPage(page);
  await saved.goto(INSTANCE);
  await expect(saved.noQueries).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  const now = Date.now();
  await page.evaluate(
    ({ queriesKey, pinsKey, at }) => {
      localStorage.setItem(
        queriesKey,
        JSON.stringify([
          {
            name: 'Ephys sessions',
            endpoint: 'sessions',
            query: 'task_protocol=ephys&limit=25',
            savedAt: at,
          },
          {
            name: 'Trials tables of one subject',
            endpoint: 'datasets',
            query: 'dataset_type=trials.table&django=session__subject__nickname__icontains,ZM',
            savedAt: at - 3_600_000,
          },
        ]),
      );
      localStorage.setItem(
        pinsKey,
        JSON.stringify([
          { name: 'cortexlab', endpoint: 'labs', lookup: 'cortexlab', pinnedAt: at - 86_400_000 },
        ]),
      );
    },
    { queriesKey: QUERIES_KEY, pinsKey: PINS_KEY, at: now },
  );
  const found: string[] = [];
  mkdirSync('docs/screenshots', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      const where = `${scheme} ${width}`;
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await saved.goto(INSTANCE);
      await expect(saved.queries).toHaveCount(2);
      await expect(saved.pins).toHaveCount(1);
      await expect(saved.headerLink).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/saved-${scheme}-${width}.png` });
      found.push(...(await seriousA11yViolations(page)).map((line) => `${where}: ${line}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${where}: sideways scroll`).toBeLessThanOrEqual(0);

      const palette = new PalettePage(page);
      await palette.open();
      await expect(palette.ofKind('Saved query')).toHaveCount(2);
      await expect(palette.ofKind('Pinned')).toHaveCount(1);
      found.push(...(await seriousA11yViolations(page)).map((line) => `${where} palette: ${line}`));
      await page.keyboard.press('Escape');
      await expect(palette.dialog).toBeHidden();

      // The list's Save query dialog, on the saved list.
      await page.goto(`/${INSTANCE}/sessions?task_protocol=ephys&limit=25`);
      await new ListPage(page, 'sessions').expectLoaded();
      const controls = new SaveControls(page);
      await expect(controls.saveQuery).toHaveText('Saved query');
      await controls.openSaveDialog();
      await expect(controls.name).toHaveValue('Ephys sessions');
      found.push(...(await seriousA11yViolations(page)).map((line) => `${where} save dialog: ${line}`));
      if ((scheme === 'light' && width === 1280) || (scheme === 'dark' && width === 800))
        await page.screenshot({ path: `docs/screenshots/save-query-${scheme}-${width}.png` });
      await page.keyboard.press('Escape');
      await expect(controls.dialog).toBeHidden();
    }
  }
  expect(found).toEqual([]);
});
