import { expect, type Locator, type Page } from '@playwright/test';

/** `/{instance}/{endpoint}?{query}`: one Alyx list page. */
export class ListPage {
  readonly count: Locator;
  readonly range: Locator;
  readonly table: Locator;
  readonly filters: Locator;
  readonly applyFilters: Locator;
  readonly pageSize: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly rawQuery: Locator;
  readonly heading: Locator;
  readonly loading: Locator;

  constructor(
    readonly page: Page,
    readonly endpoint: string,
  ) {
    this.count = page.getByTestId('list-count');
    this.range = page.getByTestId('list-range');
    this.table = page.getByRole('region', { name: `${endpoint} records` });
    this.filters = page.getByRole('form', { name: 'Filters' });
    this.applyFilters = page.getByRole('button', { name: 'Apply filters' });
    this.pageSize = page.getByRole('combobox', { name: 'Page size' });
    this.next = page.getByRole('group', { name: 'Pages' }).getByRole('button', { name: 'Next' });
    this.previous = page.getByRole('group', { name: 'Pages' }).getByRole('button', { name: 'Previous' });
    this.rawQuery = page.getByLabel('Alyx query');
    this.heading = page.getByRole('main').getByRole('heading', { name: endpoint, exact: true });
    this.loading = page.getByRole('status').filter({ hasText: `Loading ${endpoint}…` });
  }

  async goto(instance: string, query = ''): Promise<void> {
    await this.page.goto(`/${instance}/${this.endpoint}${query ? `?${query}` : ''}`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.range).toBeVisible();
    await expect(this.table.getByRole('row').nth(1)).toBeVisible();
  }

  /** The total the range reports ("1–250 of 2,000" → 2000). */
  async total(): Promise<number> {
    const text = (await this.range.textContent()) ?? '';
    const match = /of ([\d,]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no total in "${text}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  filter(name: string): Locator {
    return this.filters
      .getByRole('textbox', { name, exact: true })
      .or(this.filters.getByRole('combobox', { name, exact: true }));
  }

  /** Every text box and select of the filter panel (the date range gives two). */
  filterInputs(): Locator {
    return this.filters.getByRole('textbox').or(this.filters.getByRole('combobox'));
  }

  /** A suggestion a picker offers. */
  suggestion(text: string): Locator {
    // A relation option also says what the record is; its lookup is the line of its own.
    return this.page.getByRole('option').filter({ has: this.page.getByText(text, { exact: true }) });
  }

  /** A body row (0 = first data row). */
  row(index: number): Locator {
    return this.table.getByRole('row').nth(index + 1);
  }

  /** The text of `column` in the first data row. */
  async firstRowValue(column: string): Promise<string> {
    const headers = await this.table.getByRole('columnheader').allTextContents();
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return ((await this.row(0).getByRole('cell').nth(index).textContent()) ?? '').trim();
  }

  async setPageSize(size: number): Promise<void> {
    await this.pageSize.click();
    await this.page.getByRole('option', { name: String(size), exact: true }).click();
  }

  async filterBy(name: string, value: string): Promise<void> {
    await this.filter(name).fill(value);
    await this.applyFilters.click();
  }

  /** Types a whole Alyx query string (`subject=KS005&limit=25`) into the raw query editor and runs it. */
  async runQuery(query: string): Promise<void> {
    await this.rawQuery.fill(query);
    await this.page.getByRole('button', { name: 'Run query' }).click();
  }

  /** Opens the record of the first row through its record link. */
  async openFirstRecord(): Promise<void> {
    await this.row(0).getByRole('link').first().click();
  }
}
