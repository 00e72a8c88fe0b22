import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminApi } from './support/alyx-api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { LoginPage, signIn } from './pages/login-page.ts';
import { PalettePage } from './pages/palette-page.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

interface SessionRow {
  id: string;
  subject: string;
  start_time: string;
  number: number;
  lab: string;
}
interface DatasetRow {
  url: string;
  name: string;
  collection: string;
  session: string;
}

const lastSegment = (url: string): string => url.split('/').filter(Boolean).at(-1) ?? '';

test.describe('command palette', () => {
  test('a UUID pasted with Ctrl-K right after login lands on its record', async ({ page, request }) => {
    const api = await adminApi(request);
    const session = (await api.get<{ results: SessionRow[] }>('/sessions?limit=1&offset=3')).results[0];
    expect(session).toBeDefined();
    // The schema answers late, as on a loaded machine or a large real Alyx: the page shows first.
    await page.route('**/api/sandbox/api/schema*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const login = new LoginPage(page);
    await login.goto('sandbox');
    await login.loginWithPassword(DEMO_ACCOUNTS.alice.username, DEMO_ACCOUNTS.alice.password);
    // The user acts as soon as the header shows, not when every request has settled.
    await expect(page.getByRole('banner').getByRole('button', { name: 'Log out' })).toBeVisible({
      timeout: 30_000,
    });
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.insertText(session!.id);
    await page.keyboard.press('Enter');
    // Generous: on the shared 2-core machine the browser itself stalled for seconds at a time.
    await expect(page).toHaveURL(new RegExp(`/sandbox/sessions/${session!.id}$`), { timeout: 40_000 });
  });

  test('each kind of input lands on its view; recent records and actions, keyboard only', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const api = await adminApi(request);
    const dataset = (
      await api.get<{ results: DatasetRow[] }>('/datasets?django=collection__isnull,False&limit=1')
    ).results[0]!;
    const datasetId = lastSegment(dataset.url);
    const session = await api.get<SessionRow>(`/sessions/${lastSegment(dataset.session)}`);
    const alf = `${session.subject}/${session.start_time.slice(0, 10)}/${String(session.number).padStart(3, '0')}`;
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice);
    const palette = new PalettePage(page);
    const slow = { timeout: 30_000 };

    // Each run lands somewhere other than the one before, so that landing proves it.
    await palette.go(
      `/mnt/s0/Data/${session.lab}/Subjects/${alf}/${dataset.collection}/${dataset.name}`,
      new RegExp(`/sandbox/datasets/${datasetId}$`),
    );
    await palette.go(
      `https://data.example.org/${session.lab}/Subjects/${alf}`,
      new RegExp(`/sandbox/sessions/${session.id}$`),
    );
    await palette.go(
      session.subject,
      new RegExp(`/sandbox/subjects/${encodeURIComponent(session.subject)}$`),
    );
    await palette.go(alf, new RegExp(`/sandbox/sessions/${session.id}$`));
    await palette.go(datasetId.slice(0, 8), new RegExp(`/sandbox/datasets/${datasetId}$`));
    await palette.go('weighings', /\/sandbox\/weighings$/);

    // Nothing matches: said in the palette, which stays open with the text.
    await palette.run('nosuchsubject-zz');
    await expect(palette.dialog.getByRole('alert')).toContainText('Nothing matches', slow);
    await page.keyboard.press('Escape');
    await expect(palette.dialog).toBeHidden();

    // The records opened above are offered again, most recent first, without typing.
    await palette.open();
    const recent = palette.options.filter({ hasText: 'Recent' });
    await expect(recent.first()).toContainText(`datasets / ${datasetId}`);
    await expect(recent.filter({ hasText: `sessions / ${session.id}` })).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(palette.options.nth(1)).toHaveAttribute('aria-selected', 'true');
    const second = (await palette.options.nth(1).textContent()) ?? '';
    expect(second).toContain('Recent');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/sandbox\/(sessions|subjects)\//, slow);

    // Actions: edit this record, theme, console.
    await page.goto(`/sandbox/sessions/${session.id}`);
    await expect(page.getByRole('table', { name: 'Fields' })).toBeVisible(slow);
    await palette.go('Edit this', new RegExp(`/sandbox/sessions/${session.id}/~/edit$`));
    const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme');
    const before = await scheme();
    await palette.run('theme');
    await expect.poll(scheme).not.toBe(before);
    await palette.go('console', /\/sandbox\/~\/console$/);
    await palette.run('log out');
    await new LoginPage(page).expectShown();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      test(`no serious axe violations in the palette, ${colorScheme} at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, '/sandbox/sessions');
        await expect(page.getByTestId('list-range')).toHaveText(/^1–/, { timeout: 30_000 });
        const palette = new PalettePage(page);
        await palette.open();
        await page.keyboard.insertText('se');
        await expect(palette.options.first()).toBeVisible();
        expect(await seriousA11yViolations(page)).toEqual([]);
        mkdirSync('docs/screenshots', { recursive: true });
        if ((colorScheme === 'light' && width === 1280) || (colorScheme === 'dark' && width === 800))
          await page.screenshot({ path: `docs/screenshots/palette-${colorScheme}-${width}.png` });
      });
    }
  }
});
