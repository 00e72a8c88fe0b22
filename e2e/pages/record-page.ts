import { expect, type Locator, type Page } from '@playwright/test';

/** `/{instance}/{endpoint}/{lookup}`: one record. */
export class RecordPage {
  readonly heading: Locator;
  readonly fields: Locator;
  readonly rawJson: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 2 });
    this.fields = page.getByRole('table', { name: 'Fields' });
    this.rawJson = page.getByTestId('raw-json');
  }

  async expectRecord(lookup: string): Promise<void> {
    await expect(this.heading).toHaveText(lookup);
    await expect(this.fields).toBeVisible();
  }

  /** The value cell of a field. */
  field(name: string): Locator {
    return this.fields
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell');
  }

  fieldLink(name: string): Locator {
    return this.field(name).getByRole('link').first();
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }
}
