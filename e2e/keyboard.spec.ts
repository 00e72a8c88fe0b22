import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminApi } from './support/alyx-api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { signIn } from './pages/login-page.ts';
import { PalettePage } from './pages/palette-page.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

const slow = { timeout: 30_000 };

test.describe('keyboard shortcuts', () => {
  test('paging, record, form and home shortcuts; none fires while typing', async ({ page, request }) => {
    test.setTimeout(180_000);
    const api = await adminApi(request);
    const session = (await api.get<{ results: { id: string }[] }>('/sessions?limit=1')).results[0]!;
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, '/sandbox/sessions?limit=25');
    const range = page.getByTestId('list-range');
    await expect(range).toHaveText(/^1–25 of /, slow);
    await page.keyboard.press(']');
    await expect(page).toHaveURL(/[?&]offset=25/);
    await expect(range).toHaveText(/^26–50 of /, slow);
    await page.keyboard.press('j');
    await expect(range).toHaveText(/^51–75 of /, slow);
    await page.keyboard.press('k');
    await expect(range).toHaveText(/^26–50 of /, slow);
    await page.keyboard.press('[');
    await expect(range).toHaveText(/^1–25 of /, slow);
    // First page: "previous" has nowhere to go.
    await page.keyboard.press('[');
    await expect(range).toHaveText(/^1–25 of /);

    await page.goto(`/sandbox/sessions/${session.id}`);
    await expect(page.getByRole('table', { name: 'Fields' })).toBeVisible(slow);
    await page.keyboard.press('e');
    await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}/~/edit$`), slow);
    const narrative = page.getByRole('form').getByLabel('narrative', { exact: false }).first();
    await narrative.click();
    // Typed into a field, the keys are text, not shortcuts.
    await page.keyboard.type('u e ? j g h');
    await expect(narrative).toHaveValue(/u e \? j g h$/);
    await expect(page).toHaveURL(/\/~\/edit$/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(page).toHaveURL(new RegExp(`/sandbox/sessions/${session.id}$`), slow);
    const saved = await api.get<{ narrative: string }>(`/sessions/${session.id}`);
    expect(saved.narrative).toMatch(/u e \? j g h$/);

    await page.keyboard.press('u');
    await expect(page).toHaveURL(/\/sandbox\/sessions$/, slow);
    await page.keyboard.press('g');
    await page.keyboard.press('h');
    await expect(page).toHaveURL(/\/sandbox$/, slow);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      test(`"?" opens the help sheet from the registry; axe clean, ${colorScheme} at ${width} px`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, '/sandbox/sessions?limit=25');
        await expect(page.getByTestId('list-range')).toHaveText(/^1–/, slow);
        // Focus on the page, not in a field, as after a click on empty space.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('?');
        const help = new PalettePage(page).help;
        await expect(help).toBeVisible();
        for (const action of [
          'Open the command palette',
          'Next page',
          'Previous page',
          'Go home: the instance overview',
          'Go to the saved queries and pinned records',
        ])
          await expect(help.getByRole('cell', { name: action })).toBeVisible();
        // Shortcuts of other views are not offered here.
        await expect(help.getByRole('cell', { name: 'Edit this record' })).toHaveCount(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        mkdirSync('docs/screenshots', { recursive: true });
        if ((colorScheme === 'dark' && width === 1280) || (colorScheme === 'light' && width === 800))
          await page.screenshot({ path: `docs/screenshots/shortcuts-${colorScheme}-${width}.png` });
        await page.keyboard.press('Escape');
        await expect(help).toBeHidden();
      });
    }
  }
});
