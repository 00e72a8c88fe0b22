import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppShell } from './pages/app-shell.ts';
import { signIn } from './pages/login-page.ts';
import { ListPage } from './pages/list-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

const INSTANCE = 'sandbox';
const FAULTS = `${sandboxUrl(INSTANCE)}/__sandbox/faults`;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

async function inject(request: APIRequestContext, rule: Record<string, unknown>): Promise<void> {
  const reply = await request.post(FAULTS, { data: rule });
  expect(reply.ok()).toBe(true);
}

/** Pairs of filter inputs whose boxes overlap on screen. */
async function overlappingInputs(list: ListPage): Promise<string[]> {
  const boxes: { name: string; x: number; y: number; width: number; height: number }[] = [];
  for (const input of await list.filterInputs().all()) {
    const box = await input.boundingBox();
    const name = (await input.getAttribute('aria-label')) ?? (await input.getAttribute('id')) ?? '?';
    if (box && box.width > 0) boxes.push({ name, ...box });
  }
  const clashes: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const apart =
        a.x + a.width <= b.x + 0.5 ||
        b.x + b.width <= a.x + 0.5 ||
        a.y + a.height <= b.y + 0.5 ||
        b.y + b.height <= a.y + 0.5;
      if (!apart) clashes.push(`${a.name} × ${b.name}`);
    }),
  );
  return clashes;
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

test.describe('list view fixes', () => {
  test.beforeEach(async ({ page, request }) => {
    await request.delete(FAULTS);
    await signIn(page, INSTANCE, DEMO_ACCOUNTS.alice);
    await new AppShell(page).tree.expectLoaded();
  });

  test.afterEach(async ({ request }) => {
    await request.delete(FAULTS);
  });

  test('opening another endpoint while it loads never shows the previous rows or count', async ({
    page,
    request,
  }) => {
    const subjects = new ListPage(page, 'subjects');
    await subjects.goto(INSTANCE, 'limit=25');
    await inject(request, { path: '^/projects(\\?|$)', kind: 'latency', latencyMs: 4000 });
    const tree = new AppShell(page).tree;
    await tree.filterBy('projects');
    await tree.leaf('projects').click();
    const projects = new ListPage(page, 'projects');
    await expect(projects.heading).toBeVisible();
    await expect(projects.loading).toBeVisible();
    await expect(projects.count).toBeHidden();
    await expect(projects.table).toBeHidden();
    await expect(subjects.table).toBeHidden();
    await expect(projects.range).toBeVisible({ timeout: 15_000 });
    await expect(projects.count).toHaveText(/^[\d,]+ records?$/);
    await expect(projects.table.getByRole('columnheader', { name: 'nickname' })).toHaveCount(0);
  });

  test('a relation picker suggests digit-only values as typed', async ({ page, request }) => {
    const api = await adminApi(request, INSTANCE);
    const labs = await api.get<{ results?: { name: string }[] } | { name: string }[]>('/labs?limit=1');
    const lab = (Array.isArray(labs) ? labs : (labs.results ?? []))[0]?.name;
    const nickname = `12${String(Date.now()).slice(-7)}`;
    await api.send('POST', '/subjects', { nickname, lab, responsible_user: 'admin' });
    const sessions = new ListPage(page, 'sessions');
    await sessions.goto(INSTANCE, 'limit=25');
    await sessions.filter('subject').fill('12');
    await expect(sessions.suggestion(nickname)).toBeVisible();
  });

  for (const width of [1280, 800]) {
    test(`at ${width} px the filters do not overlap and only the table scrolls sideways`, async ({
      page,
    }) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width, height: 900 });
      for (const endpoint of ['subjects', 'sessions']) {
        const list = new ListPage(page, endpoint);
        await list.goto(INSTANCE, 'limit=25');
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await expect(list.filters).toBeVisible();
          expect(await overlappingInputs(list), `${endpoint} filters overlapping`).toEqual([]);
          expect(await pageScrollsSideways(page), `${endpoint}: the page scrolls sideways`).toBe(false);
          const frame = await list.table.evaluate((node) => ({
            height: node.getBoundingClientRect().height,
            bottom: node.getBoundingClientRect().bottom + window.scrollY,
            scrolls: node.scrollWidth > node.clientWidth,
            fits: node.getBoundingClientRect().right <= window.innerWidth,
          }));
          expect(frame.fits, `${endpoint}: table frame wider than the window`).toBe(true);
          expect(frame.height, `${endpoint}: table frame taller than the window`).toBeLessThanOrEqual(900);
          // Its own horizontal scrollbar is at its bottom edge: in view without scrolling the page.
          expect(frame.bottom, `${endpoint}: table frame ends below the fold`).toBeLessThanOrEqual(900);
          await page.screenshot({
            path: path.join(SCREENSHOTS, `${endpoint}-${width}-${colorScheme}.png`),
            fullPage: true,
          });
        }
      }
    });
  }
});
