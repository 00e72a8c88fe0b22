import type { Locator, Page } from '@playwright/test';

export type SnippetTab = 'ONE' | 'Python requests' | 'curl' | 'TypeScript';

/** The "Snippets" dialog of the list and record views. */
export class SnippetsPanel {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly reveal: Locator;
  readonly warning: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole('button', { name: 'Snippets', exact: true });
    this.dialog = page.getByRole('dialog', { name: /^Code for / });
    this.reveal = this.dialog.getByRole('switch', { name: 'Show my real token in the snippets' });
    this.warning = this.dialog.getByText('The snippets now hold your token');
  }

  tab(name: SnippetTab): Locator {
    return this.dialog.getByRole('tab', { name, exact: true });
  }

  /** Selects a language, copies it with its button and returns what the clipboard holds. */
  async copy(name: SnippetTab): Promise<string> {
    await this.tab(name).click();
    await this.dialog.getByRole('button', { name: `Copy ${name}` }).click();
    await this.dialog.getByRole('button', { name: 'Copied' }).waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
