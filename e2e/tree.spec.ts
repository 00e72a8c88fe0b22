import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, sandboxUrl } from './support/stack.ts';
import { AppShell } from './pages/app-shell.ts';
import { signIn } from './pages/login-page.ts';
import { watchConsoleErrors } from './support/console-errors.ts';

test.describe('endpoint tree and docs', () => {
  let consoleErrors: () => string[];

  test.beforeEach(async ({ page }) => {
    consoleErrors = watchConsoleErrors(page);
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice);
  });

  test.afterEach(() => {
    // Go-to probes with filtered lists, so even a miss leaves no failed request in the console.
    expect(consoleErrors(), 'console errors').toEqual([]);
  });

  test('filter the tree, open an endpoint, read its docs', async ({ page }) => {
    const shell = new AppShell(page);
    const tree = shell.tree;
    await tree.expectLoaded();

    await tree.filterBy('sessions');
    await expect(tree.leaf('sessions')).toBeVisible();
    await expect(tree.leaf('subjects')).toBeHidden();

    await tree.filterBy('{nickname}');
    await expect(tree.leaf('subjects')).toBeVisible();
    await expect(tree.leaf('sessions')).toBeHidden();

    await tree.filterBy('sessions');
    await tree.leaf('sessions').click();
    await expect(page).toHaveURL(/\/sandbox\/sessions(\?.*)?$/);
    await tree.filterBy('');
    await expect(tree.leaf('sessions')).toHaveAttribute('aria-selected', 'true');

    await tree.docsLink('sessions').click();
    await expect(page).toHaveURL(/\/sandbox\/sessions\/~\/docs$/);
    await expect(shell.main.getByRole('heading', { level: 1, name: 'sessions' })).toBeVisible();
    const filters = shell.main.getByRole('table', { name: 'Filters' });
    await expect(filters).toBeVisible();
    await expect(filters.getByRole('cell', { name: 'subject', exact: true })).toBeVisible();
    await expect(shell.main.getByRole('table', { name: 'Fields' })).toBeVisible();
  });

  test('every group starts open; the selected endpoint comes from the URL', async ({ page }) => {
    await page.goto('/sandbox/dataset-types/~/docs');
    const tree = new AppShell(page).tree;
    await expect(tree.leaf('dataset-types')).toHaveAttribute('aria-selected', 'true');
    await expect(tree.group('Data')).toHaveAttribute('aria-expanded', 'true');
    await expect(tree.group('Subjects')).toHaveAttribute('aria-expanded', 'true');
    await expect(tree.leaf('sessions')).toBeVisible();
  });

  test('keyboard: arrows move through the tree, Enter opens an endpoint, Left goes back to the group', async ({
    page,
  }) => {
    const tree = new AppShell(page).tree;
    await tree.expectLoaded();
    await tree.filterBy('sessions');
    // Down from the filter box enters the tree at its tab stop.
    await tree.filter.press('ArrowDown');
    await expect(tree.group('Actions')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(tree.leaf('sessions')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/sandbox\/sessions(\?.*)?$/);
    await tree.leaf('sessions').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(tree.group('Actions')).toBeFocused();
  });

  test('"/" focuses the go-to box; a nickname, a UUID or an Alyx URL goes to its view, anything else is explained', async ({
    page,
  }) => {
    const shell = new AppShell(page);
    await shell.tree.expectLoaded();
    await shell.main.click();
    await page.keyboard.press('/');
    await expect(shell.goTo).toBeFocused();
    await shell.goToInput('no-such-thing-anywhere');
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing matches' })).toBeVisible();

    const session = await page.evaluate(async () => {
      const token = sessionStorage.getItem('alyx-explorer:token:sandbox');
      const reply = await fetch('/api/sandbox/sessions?limit=1', {
        headers: { authorization: `Token ${token}` },
      });
      const page = (await reply.json()) as { results: { id: string; subject: string }[] };
      return page.results[0];
    });
    expect(session).toBeDefined();
    await shell.goToInput(session!.subject);
    await expect(page).toHaveURL(new RegExp(`/sandbox/subjects/${encodeURIComponent(session!.subject)}$`));
    await shell.goToInput(session!.id);
    await expect(page).toHaveURL(new RegExp(`/sandbox/sessions/${session!.id}$`));

    // An Alyx URL of a configured instance becomes the same view here: only the base changes.
    await shell.goToInput(`${sandboxUrl('sandbox')}/sessions?subject=${session!.subject}&limit=25`);
    await expect(page).toHaveURL(new RegExp(`/sandbox/sessions\\?subject=${session!.subject}&limit=25$`));
    await expect(page.getByTestId('list-range')).toHaveText(/^1–\d+ of /);
    await shell.goToInput(`${sandboxUrl('sandbox')}/subjects/${session!.subject}`);
    await expect(page).toHaveURL(new RegExp(`/sandbox/subjects/${encodeURIComponent(session!.subject)}$`));
  });
});
