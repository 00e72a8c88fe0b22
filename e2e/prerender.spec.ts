/**
 * The endpoint tree the app server draws into the HTML (ADR 0038): visible before any script runs,
 * only to a signed-in tab, made of real links, safe with a hostile schema, and taken over by the app
 * without a blank frame.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell.ts';
import { signIn } from './pages/login-page.ts';
import { screenshotForDocs, violationsInEveryLook } from './support/axe.ts';
import { watchConsoleErrors } from './support/console-errors.ts';
import { DEMO_ACCOUNTS, E2E_HOSTILE } from './support/stack.ts';
import { expectNoXss, watchDialogs } from './support/xss-guard.ts';

/** Only what the server sent: every script of the build is refused. */
const withoutAppCode = (page: Page) => page.route(/\/assets\/.+\.js(\?.*)?$/, (route) => route.abort());

test.describe('the server-drawn endpoint tree', () => {
  test('a signed-in tab sees it before any script: real links, in every look, accessible', async ({
    page,
  }) => {
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice);
    await withoutAppCode(page);
    const tree = new AppShell(page).tree;
    const violations = await violationsInEveryLook(page, async (look) => {
      await page.goto('/sandbox/sessions');
      if (look.width === 1280) {
        await expect(tree.leaf('subjects')).toBeVisible();
        await expect(tree.leaf('sessions').getByRole('link').first()).toHaveAttribute(
          'href',
          '/sandbox/sessions',
        );
      } else {
        // As in the app: below the md breakpoint the navbar waits for its menu button.
        await expect(tree.tree).toBeHidden();
      }
      await screenshotForDocs(page, `prerendered-tree-${look.scheme}-${look.width}`);
    });
    expect(violations).toEqual([]);

    // The links work without the app: a plain navigation, answered with the tree again.
    await page.setViewportSize({ width: 1280, height: 900 });
    await tree.leaf('subjects').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/sandbox\/subjects$/);
    await expect(tree.leaf('subjects')).toBeVisible();
  });

  test('a tab without a token for the instance does not see it', async ({ page }) => {
    await withoutAppCode(page);
    await page.goto('/sandbox/sessions');
    await expect(page.locator('[data-prerendered]')).toHaveCount(1);
    await expect(page.getByRole('tree')).toBeHidden();
    // With its code the app sends the tab to sign in.
    await page.unrouteAll();
    await page.goto('/sandbox/sessions');
    await expect(page).toHaveURL(/\/sandbox\/~\/login/);
  });

  test('a hostile schema is drawn as text: nothing of it runs', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await signIn(page, E2E_HOSTILE.instance, DEMO_ACCOUNTS.alice);
    await withoutAppCode(page);
    // The server reads a schema it has none of on the first page that needs it, which gets no tree yet.
    await expect(async () => {
      await page.goto(`/${E2E_HOSTILE.instance}`);
      await expect(new AppShell(page).tree.leaf('notes')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expectNoXss(page, dialogs, 'server-drawn tree');
  });

  test('the app takes over without a blank frame, and its tree works', async ({ page }) => {
    const consoleErrors = watchConsoleErrors(page);
    await signIn(page, 'sandbox', DEMO_ACCOUNTS.alice);
    // Every change of #root, from the first parsed node on: how many tree rows it shows, and whose.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __frames: string[] }).__frames = seen;
      new MutationObserver(() => {
        const root = document.getElementById('root');
        if (!root) return;
        const state = `${root.querySelector('[data-prerendered]') ? 'server' : 'app'} ${root.querySelectorAll('[role="treeitem"]').length}`;
        if (seen.at(-1) !== state) seen.push(state);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/sandbox/sessions');
    const shell = new AppShell(page);
    await expect(shell.main.getByRole('heading', { name: 'sessions', exact: true })).toBeVisible();
    await expect(page.locator('[data-prerendered]')).toHaveCount(0);
    const frames = await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames);
    // The parser streams the HTML, so the observer may first see #root empty or the tree half parsed:
    // what matters is that the server drew the first rows, and that none went missing after.
    const drawn = frames.findIndex((frame) => !frame.endsWith(' 0'));
    expect(frames[drawn], frames.join(' → ')).toMatch(/^server [1-9]/);
    // Once drawn, the tree is never missing: the app's first render already holds it.
    const firstApp = frames.findIndex((frame, i) => i > drawn && frame.startsWith('app'));
    expect(firstApp, frames.join(' → ')).toBeGreaterThan(drawn);
    expect(
      frames.slice(drawn).every((frame) => !frame.endsWith(' 0')),
      frames.join(' → '),
    ).toBe(true);

    const tree = shell.tree;
    await expect(tree.leaf('sessions')).toHaveAttribute('aria-selected', 'true');
    await tree.leaf('sessions').focus();
    await page.keyboard.press('ArrowDown');
    await expect(tree.leaf('surgeries')).toBeFocused();
    expect(consoleErrors(), 'console errors (a CSP refusal of the gate script shows here)').toEqual([]);
  });
});
