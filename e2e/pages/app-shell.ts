import { expect, type Locator, type Page } from '@playwright/test';
import { TreePage } from './tree-page.ts';

const SLOW = /Still waiting for the instance… \d+ s/;
/** The slow notice comes after 3 s; a navigation on this shared 2-core machine took up to 8 s more. */
export const SLOW_NOTICE_TIMEOUT = 20_000;

/** The frame around every view: header controls, navbar tree, main content. */
export class AppShell {
  readonly goTo: Locator;
  readonly main: Locator;
  readonly account: Locator;
  readonly readOnlyBadge: Locator;
  readonly reload: Locator;
  readonly colorScheme: Locator;
  readonly instanceSelect: Locator;
  readonly banner: Locator;
  /** The badge naming the current instance's kind (production, sandbox…). */
  readonly instanceKind: Locator;
  readonly tree: TreePage;
  /** "Still waiting for the instance…" over a slow request, with Cancel. */
  readonly slowNotice: Locator;
  /** What a cancelled request leaves, with Retry. */
  readonly cancelledNotice: Locator;

  constructor(readonly page: Page) {
    this.goTo = page.getByLabel('Go to', { exact: true });
    this.main = page.getByRole('main');
    this.account = page.getByRole('status', { name: /^Account:/ });
    this.readOnlyBadge = page.getByRole('banner').getByText('read-only', { exact: true });
    this.reload = page.getByRole('button', { name: 'Reload data' });
    this.colorScheme = page.getByRole('button', { name: /^Color scheme:/ });
    this.instanceSelect = page.getByLabel('Instance', { exact: true });
    this.banner = page.getByRole('banner');
    this.instanceKind = this.banner.getByTestId('instance-kind');
    this.tree = new TreePage(page);
    this.slowNotice = this.main.getByRole('status').filter({ hasText: SLOW });
    this.cancelledNotice = this.main.getByRole('status').filter({ hasText: 'Cancelled' });
  }

  /** Waits for the slow notice, cancels the request and sees it cancelled. */
  async cancelSlowRequest(): Promise<void> {
    await expect(this.slowNotice).toBeVisible({ timeout: SLOW_NOTICE_TIMEOUT });
    await this.slowNotice.getByRole('button', { name: 'Cancel the request' }).click();
    await expect(this.cancelledNotice).toBeVisible();
  }

  async retryCancelled(): Promise<void> {
    await this.cancelledNotice.getByRole('button', { name: 'Retry' }).click();
  }

  /** The stripe along the header's top (an inset box shadow): its colour and width, width 0 when none. */
  async headerStripe(): Promise<{ color: string; width: number }> {
    const shadow = await this.banner.evaluate((element) => getComputedStyle(element).boxShadow);
    const match = /(rgba?\([^)]*\)) 0px (\d+)px 0px 0px inset/.exec(shadow);
    return match ? { color: match[1] ?? '', width: Number(match[2]) } : { color: '', width: 0 };
  }

  /** The instance names the switcher lists under a kind's heading. */
  instancesOfKind(kind: string): Locator {
    return this.instanceSelect.locator(`optgroup[label="${kind}"] option`);
  }

  /** The error panel in the main area (ErrorState renders role="alert"). */
  error(title?: string | RegExp): Locator {
    const alerts = this.main.getByRole('alert');
    return title === undefined ? alerts.first() : alerts.filter({ hasText: title }).first();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  }

  async goToInput(text: string): Promise<void> {
    await this.goTo.fill(text);
    await this.goTo.press('Enter');
  }

  async setColorScheme(scheme: 'light' | 'dark' | 'auto'): Promise<void> {
    for (let i = 0; i < 3; i += 1) {
      const label = (await this.colorScheme.getAttribute('aria-label')) ?? '';
      if (label.startsWith(`Color scheme: ${scheme} `)) return;
      await this.colorScheme.click();
    }
    await expect(this.colorScheme).toHaveAttribute('aria-label', new RegExp(`^Color scheme: ${scheme} `));
  }
}
