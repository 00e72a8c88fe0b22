import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { ConsolePage } from './pages/console-page.ts';
import { FormPage } from './pages/form-page.ts';
import { LoginPage, signIn } from './pages/login-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { adminApi } from './support/alyx-api.ts';
import { seriousA11yViolations } from './support/axe.ts';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';

// e2e/support/stack.ts configures `coreapi` as kind production with its Django admin linked;
// `sandbox` is a plain sandbox (kind sandbox, no admin).
const PRODUCTION = 'coreapi';
const SANDBOX = 'sandbox';
/** --mantine-color-red-8 (#e03131), the production stripe. */
const RED = 'rgb(224, 49, 49)';

interface Subject {
  id: string;
  nickname: string;
}

async function firstSubject(page: Page, instance: string): Promise<Subject> {
  const api = await adminApi(page.request, instance);
  const list = await api.get<{ results: Subject[] }>('/subjects?limit=1');
  const subject = list.results[0];
  if (!subject) throw new Error(`no subject on ${instance}`);
  return subject;
}

test.describe('several instances without mistakes', () => {
  for (const width of [1280, 800]) {
    test(`a production instance is red with its badge in the header at ${width} px, the sandbox says sandbox`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await signIn(page, PRODUCTION, DEMO_ACCOUNTS.admin);
      const shell = new AppShell(page);
      await expect(shell.instanceKind).toHaveText('production');
      await expect(shell.instanceKind).toBeVisible();
      await expect(shell.instanceSelect).toHaveValue(PRODUCTION);
      await expect(shell.instanceSelect).toBeVisible();
      expect(await shell.headerStripe()).toEqual({ color: RED, width: 5 });

      await signIn(page, SANDBOX, DEMO_ACCOUNTS.admin);
      await expect(shell.instanceKind).toHaveText('sandbox');
      await expect(shell.instanceSelect).toHaveValue(SANDBOX);
      expect((await shell.headerStripe()).width).toBe(0);
    });
  }

  test('the home page and the switcher name each instance’s kind', async ({ page }) => {
    await page.goto('/');
    const cards = page.getByRole('list', { name: 'Instances' }).getByRole('listitem');
    await expect(cards.filter({ hasText: PRODUCTION }).getByTestId('instance-kind')).toHaveText('production');
    await expect(cards.filter({ hasText: 'rootonly' }).getByTestId('instance-kind')).toHaveText('sandbox');
    const shell = new AppShell(page);
    await expect(shell.instanceSelect.locator('optgroup[label="production"] option')).toHaveText([
      PRODUCTION,
    ]);
  });

  test('writing to production says so beside submit, in forms and the console; reading and the sandbox do not', async ({
    page,
  }) => {
    const subject = await firstSubject(page, PRODUCTION);
    await signIn(page, PRODUCTION, DEMO_ACCOUNTS.admin, `/${PRODUCTION}/subjects/${subject.nickname}/~/edit`);
    const form = new FormPage(page);
    await form.expectOpen('PATCH');
    await expect(form.productionNotice).toContainText(`You are writing to production instance ${PRODUCTION}`);

    await page.goto(`/${PRODUCTION}/~/console`);
    const consolePage = new ConsolePage(page);
    await expect(consolePage.heading).toBeVisible();
    await consolePage.method.selectOption('GET');
    await expect(consolePage.productionNotice).toHaveCount(0);
    await consolePage.method.selectOption('POST');
    await expect(consolePage.productionNotice).toContainText(PRODUCTION);

    await signIn(page, SANDBOX, DEMO_ACCOUNTS.admin, `/${SANDBOX}/sessions/~/new`);
    await form.expectOpen('POST');
    await expect(form.submit).toBeVisible();
    await expect(form.productionNotice).toHaveCount(0);
  });

  test('logging into one instance does not log into another; the header says who is signed in where', async ({
    page,
  }) => {
    await signIn(page, SANDBOX, DEMO_ACCOUNTS.alice);
    const shell = new AppShell(page);
    await expect(shell.account).toHaveAccessibleName('Account: alice on sandbox');

    await page.goto(`/${PRODUCTION}/subjects`);
    await new LoginPage(page).expectShown();
    await signIn(page, PRODUCTION, DEMO_ACCOUNTS.public);
    await expect(shell.account).toHaveAccessibleName(`Account: public on ${PRODUCTION}`);
    await expect(shell.readOnlyBadge).toBeVisible();

    await page.goto(`/${SANDBOX}`);
    await expect(shell.account).toHaveAccessibleName('Account: alice on sandbox');
    await expect(shell.readOnlyBadge).toHaveCount(0);
    await shell.logout();
    await page.goto(`/${PRODUCTION}`);
    await expect(shell.account).toHaveAccessibleName(`Account: public on ${PRODUCTION}`);
  });

  test('a record links to its Django admin pages where the instance has them, and not on the sandbox', async ({
    page,
  }) => {
    const subject = await firstSubject(page, PRODUCTION);
    await signIn(page, PRODUCTION, DEMO_ACCOUNTS.admin, `/${PRODUCTION}/subjects/${subject.nickname}`);
    const record = new RecordPage(page);
    await record.expectRecord(subject.nickname);
    const base = sandboxUrl(PRODUCTION);
    expect(await record.adminLinks()).toEqual(
      [
        ['Change page (Django admin)', `${base}/admin/subjects/subject/${subject.id}/change/`],
        ['History (Django admin)', `${base}/admin/subjects/subject/${subject.id}/history/`],
        ['Water history', `${base}/admin-actions/water-history/${subject.id}`],
        ['Weighing plot', `${base}/admin-actions/weighing-plot/${subject.id}`],
      ].map(([name, href]) => ({ name, href, target: '_blank', rel: 'noopener noreferrer' })),
    );
    await page.keyboard.press('Escape');

    const plain = await firstSubject(page, SANDBOX);
    await signIn(page, SANDBOX, DEMO_ACCOUNTS.admin, `/${SANDBOX}/subjects/${plain.nickname}`);
    await record.expectRecord(plain.nickname);
    await expect(record.adminMenu).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the header has no serious axe violations, production and sandbox, ${scheme} at 1280 and 800 px; screenshots`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      const subject = await firstSubject(page, PRODUCTION);
      await signIn(page, PRODUCTION, DEMO_ACCOUNTS.admin);
      await signIn(page, SANDBOX, DEMO_ACCOUNTS.admin);
      mkdirSync('docs/screenshots', { recursive: true });
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      const shell = new AppShell(page);
      const record = new RecordPage(page);
      for (const width of [1280, 800]) {
        await page.setViewportSize({ width, height: 800 });
        for (const instance of [SANDBOX, PRODUCTION]) {
          await page.goto(`/${instance}`);
          await expect(shell.instanceKind).toBeVisible();
          // Below 992 px the endpoint tree is a closed overlay; the overview lists the endpoints.
          await expect(page.getByRole('region', { name: 'Endpoints' })).toBeVisible({ timeout: 30_000 });
          const violations = await seriousA11yViolations(page);
          found.push(...violations.map((line) => `${instance} ${width}: ${line}`));
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${instance} ${width}: sideways scroll`).toBeLessThanOrEqual(0);
          await shell.banner.screenshot({
            path: `docs/screenshots/header-${instance}-${scheme}-${width}.png`,
          });
        }
        await page.goto(`/${PRODUCTION}/subjects/${subject.nickname}`);
        await record.expectRecord(subject.nickname);
        await record.adminLinks();
        found.push(...(await seriousA11yViolations(page)).map((line) => `admin menu ${width}: ${line}`));
        await page.screenshot({ path: `docs/screenshots/admin-links-${scheme}-${width}.png` });
        await page.keyboard.press('Escape');
      }
      expect(found).toEqual([]);
    });
  }
});
