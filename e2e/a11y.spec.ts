import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './pages/login-page.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { DEMO_ACCOUNTS } from './support/stack.ts';

const INSTANCE = 'sandbox';
const SHOTS = 'screenshots';

/** The views a user spends time in, each with what says it has loaded. */
const VIEWS: { name: string; path: (page: Page) => Promise<string>; ready: (page: Page) => Promise<void> }[] =
  [
    {
      name: 'instance',
      path: () => Promise.resolve(`/${INSTANCE}`),
      ready: async (page) => {
        const directory = page.getByRole('region', { name: 'Endpoints' });
        await expect(directory.getByLabel(/^[\d,]+ records?$/).first()).toBeVisible();
        await expect(directory.getByLabel('counting')).toHaveCount(0);
      },
    },
    {
      name: 'list',
      path: () => Promise.resolve(`/${INSTANCE}/sessions?limit=25`),
      ready: (page) => expect(page.getByTestId('list-range')).toHaveText(/^1–25 of /),
    },
    {
      name: 'record',
      path: async (page) => {
        const id = await page.evaluate(async (instance) => {
          const token = sessionStorage.getItem(`alyx-explorer:token:${instance}`);
          const reply = await fetch(`/api/${instance}/sessions?limit=1`, {
            headers: { authorization: `Token ${token}` },
          });
          return ((await reply.json()) as { results: { id: string }[] }).results[0]?.id;
        }, INSTANCE);
        return `/${INSTANCE}/sessions/${id}`;
      },
      ready: (page) => expect(page.getByRole('table', { name: 'Fields' })).toBeVisible(),
    },
    {
      name: 'docs',
      path: () => Promise.resolve(`/${INSTANCE}/sessions/~/docs`),
      ready: (page) => expect(page.getByRole('table', { name: 'Filters' })).toBeVisible(),
    },
  ];

test.describe('accessibility and looks of the main views', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 800]) {
      test(`no serious axe violations and no sideways scroll, ${scheme} at ${width} px`, async ({ page }) => {
        test.setTimeout(180_000);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await signIn(page, INSTANCE, DEMO_ACCOUNTS.admin, `/${INSTANCE}`);
        const found: string[] = [];
        for (const view of VIEWS) {
          await page.goto(await view.path(page));
          await view.ready(page);
          await page.screenshot({ path: `${SHOTS}/${view.name}-${scheme}-${width}.png`, fullPage: false });
          found.push(...(await seriousA11yViolations(page)).map((line) => `${view.name}: ${line}`));
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${view.name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
        }
        expect(found).toEqual([]);
      });
    }
  }
});
