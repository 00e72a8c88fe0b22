import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { AppShell } from './pages/app-shell.ts';
import { signIn } from './pages/login-page.ts';
import { ListPage } from './pages/list-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { watchConsoleErrors } from './support/console-errors.ts';

async function endpointNames(
  page: Page,
  instance: string,
): Promise<{ browsable: string[]; actions: string[] }> {
  await signIn(page, instance, DEMO_ACCOUNTS.alice);
  const shell = new AppShell(page);
  await shell.tree.expectLoaded();
  return {
    browsable: await shell.tree.allEndpointNames('browsable'),
    actions: await shell.tree.allEndpointNames('action'),
  };
}

test.describe('discovery from older schema sources', () => {
  test('coreapi-only and root-only instances show the same endpoints as the full sandbox', async ({
    page,
  }) => {
    const full = await endpointNames(page, 'sandbox');
    expect(full.browsable.length).toBeGreaterThan(20);
    expect(full.browsable).toContain('sessions');
    for (const instance of ['coreapi', 'rootonly']) {
      const names = await endpointNames(page, instance);
      expect.soft(names.browsable, `browsable endpoints of ${instance}`).toEqual(full.browsable);
      // Older sources list fewer action endpoints (the root list never named /auth-token), never others.
      for (const action of names.actions)
        expect.soft(full.actions, `actions of ${instance}`).toContain(action);
    }
  });

  test('the overview names the sources each instance was discovered from', async ({ page }) => {
    await signIn(page, 'coreapi', DEMO_ACCOUNTS.alice);
    const main = new AppShell(page).main;
    await expect(main.getByText('coreapi (/docs)')).toBeVisible();
    await expect(main.getByText('OpenAPI (/api/schema)')).toBeHidden();
  });
});

test.describe('browsing instances of older Alyx generations', () => {
  for (const instance of ['coreapi', 'rootonly']) {
    test(`${instance}: list, query, open a record, follow its subject, with no console error`, async ({
      page,
    }) => {
      const consoleErrors = watchConsoleErrors(page);
      await signIn(page, instance, DEMO_ACCOUNTS.alice, `/${instance}/sessions`);
      const sessions = new ListPage(page, 'sessions');
      await sessions.expectLoaded();
      const total = await sessions.total();
      expect(total).toBeGreaterThan(0);

      const subject = await sessions.firstRowValue('subject');
      // A root-only instance documents no filters, so the typed filter panel has none to offer:
      // the raw Alyx query is the way to filter there, and works the same on both.
      await sessions.runQuery(`subject=${subject}`);
      await expect(page).toHaveURL(new RegExp(`subject=${subject}`));
      await expect(sessions.row(0)).toContainText(subject);

      await sessions.openFirstRecord();
      await expect(page).toHaveURL(new RegExp(`/${instance}/sessions/[0-9a-f-]{36}$`));
      const record = new RecordPage(page);
      await record.expectRecord(new URL(page.url()).pathname.split('/').pop() ?? '');
      await record.fieldLink('subject').click();
      await expect(page).toHaveURL(`/${instance}/subjects/${subject}`);
      await record.expectRecord(subject);
      // Discovery's fallbacks (no /api/schema here, no /docs on root-only) are expected answers.
      expect(consoleErrors()).toEqual([]);
    });
  }
});
