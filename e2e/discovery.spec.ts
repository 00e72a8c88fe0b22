import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './support/stack.ts';
import { AppShell } from './pages/app-shell.ts';
import { signIn } from './pages/login-page.ts';

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
