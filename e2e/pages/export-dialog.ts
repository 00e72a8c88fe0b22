import type { Locator, Page } from '@playwright/test';

/** The list's "Export all…" dialog. */
export class ExportDialog {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly pageSize: Locator;
  readonly progressBar: Locator;
  readonly progressText: Locator;
  readonly cancel: Locator;
  readonly close: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole('button', { name: 'Export all…' });
    this.dialog = page.getByRole('dialog', { name: /^Export all / });
    this.pageSize = this.dialog.getByRole('textbox', { name: 'Rows per request' });
    this.progressBar = this.dialog.getByRole('progressbar', { name: 'Export progress' });
    this.progressText = this.dialog.getByTestId('export-progress');
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel export' });
    this.close = this.dialog.getByRole('button', { name: 'Close', exact: true });
  }

  format(name: 'CSV (spreadsheet)' | 'JSON (array of records)'): Locator {
    return this.dialog.getByText(name, { exact: true });
  }

  start(): Locator {
    return this.dialog.getByRole('button', { name: /^Export [\d,]+ rows?( anyway)?$/ });
  }
}
