import { expect, type Locator, type Page } from '@playwright/test';

/** The Ctrl/Cmd-K command palette and the `?` shortcut help sheet. */
export class PalettePage {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.input = this.dialog.getByRole('combobox', { name: 'Go to or run' });
    this.options = this.dialog.getByRole('option');
    this.help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** The results of one kind ('Saved query', 'Pinned', 'Recent', 'Action'…), by the kind's exact text. */
  ofKind(kind: string): Locator {
    return this.options.filter({ has: this.page.getByText(kind, { exact: true }) });
  }

  /** The result whose label is exactly `label`. */
  option(label: string): Locator {
    return this.options.filter({ has: this.page.getByText(label, { exact: true }) });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
    await expect(this.input).toBeFocused();
  }

  /** Opens the palette, types like a paste, presses Enter on the first (selected) result. */
  async run(text: string): Promise<void> {
    await this.open();
    await this.page.keyboard.insertText(text);
    await expect(this.options.first()).toHaveAttribute('aria-selected', 'true');
    await this.page.keyboard.press('Enter');
  }

  /**
   * Runs `text` and waits until it has landed: on `url` with the palette closed. The URL alone does
   * not prove it when the previous run already led there (the palette may still be resolving).
   */
  async go(text: string, url: RegExp): Promise<void> {
    await this.run(text);
    await expect(this.page).toHaveURL(url, { timeout: 30_000 });
    await expect(this.dialog).toBeHidden({ timeout: 30_000 });
  }
}
