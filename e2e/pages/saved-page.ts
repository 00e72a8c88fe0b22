import { expect, type Locator, type Page } from '@playwright/test';

/** `/{instance}/~/saved`: the saved queries and pinned records of an instance (ADR 0032). */
export class SavedPage {
  readonly heading: Locator;
  readonly queries: Locator;
  readonly pins: Locator;
  readonly noQueries: Locator;
  readonly noPins: Locator;
  readonly undo: Locator;
  readonly headerLink: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: 'Saved queries and pins', level: 2 });
    this.queries = main.getByRole('list', { name: 'Saved queries' }).getByTestId('saved-entry');
    this.pins = main.getByRole('list', { name: 'Pinned records' }).getByTestId('saved-entry');
    this.noQueries = main.getByTestId('saved-queries-empty');
    this.noPins = main.getByTestId('pins-empty');
    this.undo = main.getByRole('button', { name: 'Undo' });
    // The header shows a text button from 992 px and an icon below; both are named "Saved".
    this.headerLink = page.getByRole('banner').getByRole('link', { name: 'Saved', exact: true });
  }

  async goto(instance: string): Promise<void> {
    await this.page.goto(`/${instance}/~/saved`);
    await expect(this.heading).toBeVisible();
  }

  async openFromHeader(): Promise<void> {
    await this.headerLink.click();
    await expect(this.heading).toBeVisible();
  }

  /** The entry (saved query or pin) whose link is named `name` exactly. */
  entry(name: string): Locator {
    return this.page
      .getByRole('main')
      .getByTestId('saved-entry')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  link(name: string): Locator {
    return this.entry(name).getByRole('link', { name, exact: true });
  }

  async rename(name: string, next: string): Promise<void> {
    await this.entry(name)
      .getByRole('button', { name: `Rename “${name}”` })
      .click();
    // The entry turns into a form in place, named after what it renames.
    const form = this.page.getByRole('main').getByRole('form', { name: `Rename “${name}”` });
    await expect(form.getByRole('textbox', { name: 'New name' })).toBeFocused();
    await form.getByRole('textbox', { name: 'New name' }).fill(next);
    await form.getByRole('button', { name: 'Save name' }).click();
    await expect(this.link(next)).toBeVisible();
  }

  async remove(name: string): Promise<void> {
    await this.entry(name)
      .getByRole('button', { name: new RegExp(`^(Remove|Unpin) “`) })
      .click();
    await expect(this.entry(name)).toHaveCount(0);
  }
}

/** The controls a list and a record gain: Save query (with its name dialog) and Pin. */
export class SaveControls {
  readonly saveQuery: Locator;
  readonly dialog: Locator;
  readonly name: Locator;
  readonly pin: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.saveQuery = main.getByRole('button', { name: /^Save(d)? query$/ });
    this.dialog = page.getByRole('dialog', { name: /^Save(d)? query$/ });
    this.name = this.dialog.getByRole('textbox', { name: 'Name' });
    this.pin = main.getByRole('button', { name: /^Pin(ned)?$/ });
  }

  async openSaveDialog(): Promise<void> {
    await this.saveQuery.click();
    await expect(this.name).toBeFocused();
  }

  /** Saves the list's query under `name` (or renames it when already saved). */
  async saveAs(name: string): Promise<void> {
    await this.openSaveDialog();
    await this.name.fill(name);
    await this.dialog.getByRole('button', { name: /^(Save|Rename)$/ }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.saveQuery).toHaveText('Saved query');
  }
}
