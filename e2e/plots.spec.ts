import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminApi } from './support/alyx-api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { signIn } from './pages/login-page.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

interface Page<T> {
  count: number;
  results: T[];
}
interface Restriction {
  subject: string;
  start_time: string;
  end_time: string | null;
  reference_weight: number;
}
interface Weighing {
  date_time: string;
  weight: number;
}

/** A seeded subject under an open water restriction that has weighings inside it. */
async function restrictedSubject(request: APIRequestContext) {
  const api = await adminApi(request);
  const restrictions = await api.get<Page<Restriction>>('/water-restriction?limit=50');
  for (const restriction of restrictions.results) {
    if (restriction.end_time !== null || !(restriction.reference_weight > 0)) continue;
    const weighings = await api.get<Page<Weighing>>(
      `/weighings?subject=${encodeURIComponent(restriction.subject)}&limit=1000`,
    );
    const inside = weighings.results.filter((w) => w.date_time >= restriction.start_time);
    if (inside.length < 3) continue;
    const subject = await api.get<{ lab: string }>(`/subjects/${encodeURIComponent(restriction.subject)}`);
    const lab = await api.get<{ reference_weight_pct: number; zscore_weight_pct: number }>(
      `/labs/${encodeURIComponent(subject.lab)}`,
    );
    const latest = [...weighings.results].sort((a, b) => b.date_time.localeCompare(a.date_time))[0]!;
    return { restriction, weighings: weighings.results, latest, lab };
  }
  throw new Error('no seeded subject under an open restriction with weighings');
}

test.describe('weight curve of a subject', () => {
  test('chart and table from the weighings, restriction and lab; keyboard only; the view is a link', async ({
    page,
    request,
  }) => {
    const { restriction, weighings, latest, lab } = await restrictedSubject(request);
    const nickname = restriction.subject;
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, `/sandbox/subjects/${encodeURIComponent(nickname)}`);
    const tab = page.getByRole('tab', { name: 'Weight curve' });
    await expect(tab).toBeVisible({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Fields' }).focus();
    await page.keyboard.press('End');
    await expect(tab).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]tab=weight(&|$)/);

    const chart = page.getByTestId('weight-chart');
    await expect(chart.locator('canvas')).toBeVisible({ timeout: 30_000 });
    await expect(chart).toHaveAccessibleName(
      new RegExp(`^Weight of ${nickname}: ${weighings.length} weighings`),
    );
    const threshold = Math.round((lab.reference_weight_pct + lab.zscore_weight_pct) * 100);
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText(`Threshold (${threshold} %)`);
    // The canvas is drawn: background, shading, grid and several lines give many colours.
    const colours = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(5);

    await page.getByText('Table', { exact: true }).click();
    await expect(page).toHaveURL(/[?&]weights=table(&|$)/);
    const table = page.getByTestId('weight-table');
    await expect(table.locator('tbody tr')).toHaveCount(weighings.length);
    const first = table.locator('tbody tr').first().locator('td');
    await expect(first.nth(1)).toHaveText(`${latest.weight.toFixed(1)} g`);
    if (latest.date_time >= restriction.start_time) {
      const reference = restriction.reference_weight;
      await expect(first.nth(2)).toHaveText(`${reference.toFixed(1)} g`);
      const pct = lab.reference_weight_pct + lab.zscore_weight_pct;
      await expect(first.nth(3)).toHaveText(`${(reference * pct).toFixed(1)} g`);
      await expect(first.nth(4)).toHaveText(`${(reference * 0.7).toFixed(1)} g`);
      await expect(first.nth(5)).toHaveText(`${((100 * latest.weight) / reference).toFixed(1)} %`);
    }

    // A deep link to the table view shows the same rows after a reload.
    await page.reload();
    await expect(page.getByTestId('weight-table').locator('tbody tr')).toHaveCount(weighings.length, {
      timeout: 30_000,
    });
  });

  test('a subject without weighings says so', async ({ page, request }) => {
    const api = await adminApi(request);
    const nickname = `e2e-noweigh-${Date.now().toString(36)}`;
    const lab = (await api.get<Page<{ name: string }>>('/labs?limit=1')).results[0]!.name;
    await api.send('POST', '/subjects', { nickname, lab, sex: 'F' });
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, `/sandbox/subjects/${nickname}?tab=weight`);
    await expect(page.getByText(`No weighings are recorded for ${nickname}.`)).toBeVisible({
      timeout: 30_000,
    });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      test(`no serious axe violations on the chart and the table, ${colorScheme} at ${width} px`, async ({
        page,
        request,
      }) => {
        test.setTimeout(120_000);
        const { restriction } = await restrictedSubject(request);
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        const path = `/sandbox/subjects/${encodeURIComponent(restriction.subject)}?tab=weight`;
        await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, path);
        await expect(page.getByTestId('weight-chart').locator('canvas')).toBeVisible({ timeout: 30_000 });
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByText('Table', { exact: true }).click();
        await expect(page.getByTestId('weight-table')).toBeVisible();
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    }
  }
});

test.describe('records over time on a list', () => {
  test('bars per bucket of the filtered list add up to its count, and each bucket opens its own list', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const api = await adminApi(request);
    const { subject } = (await api.get<Page<{ subject: string }>>('/sessions?limit=1')).results[0]!;
    const total = (await api.get<Page<unknown>>(`/sessions?subject=${encodeURIComponent(subject)}&limit=1`))
      .count;
    await signIn(
      page,
      'sandbox',
      DEMO_ACCOUNTS.alice,
      `/sandbox/sessions?subject=${encodeURIComponent(subject)}`,
    );
    await page.getByRole('button', { name: 'Over time' }).click();
    await expect(page).toHaveURL(/#over-time$/);
    const panel = page.getByRole('region', { name: 'Records over time' });
    await expect(panel.getByText(new RegExp(`^${total} sessions by start_time, per `))).toBeVisible({
      timeout: 60_000,
    });
    await expect(panel.getByTestId('over-time-chart').locator('canvas')).toBeVisible();

    await panel.getByText(/^The numbers/).click();
    const links = panel.getByTestId('over-time-table').getByRole('link');
    const counts = (await links.allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total);

    // The first bucket's link: its list holds exactly that many, and the panel stays open over it.
    await links.first().click();
    await expect(page).toHaveURL(/django=start_time__range/);
    await expect(page).toHaveURL(/#over-time$/);
    await expect(page.getByTestId('list-count')).toHaveText(
      `${counts[0]} record${counts[0] === 1 ? '' : 's'}`,
      {
        timeout: 30_000,
      },
    );
    const url = new URL(page.url());
    const alyxQuery = url.search.replace(/^\?/, '');
    const direct = (await api.get<Page<unknown>>(`/sessions?${alyxQuery}&limit=1`)).count;
    expect(direct).toBe(counts[0]);
    await expect(panel.getByText(new RegExp(`^${counts[0]} sessions by start_time`))).toBeVisible({
      timeout: 60_000,
    });

    // Another unit is a link too; Close by the same button drops the hash.
    await panel.getByText('Year', { exact: true }).click();
    await expect(page).toHaveURL(/#over-time&unit=year$/);
    await page.getByRole('button', { name: 'Over time' }).click();
    await expect(page).not.toHaveURL(/#over-time/);
    await expect(panel).toBeHidden();
  });

  for (const [colorScheme, width] of [
    ['light', 1280],
    ['dark', 800],
  ] as const) {
    test(`no serious axe violations in the panel, ${colorScheme} at ${width} px`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice, '/sandbox/weighings#over-time');
      const panel = page.getByRole('region', { name: 'Records over time' });
      await expect(panel.getByTestId('over-time-chart').locator('canvas')).toBeVisible({ timeout: 60_000 });
      await panel.getByText(/^The numbers/).click();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});
