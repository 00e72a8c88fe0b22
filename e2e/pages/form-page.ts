import { expect, type Locator, type Page } from '@playwright/test';

/** `/{instance}/{endpoint}/~/new`, `…/{lookup}/~/edit`, `…/{lookup}/~/replace`: one record form. */
export class FormPage {
  readonly form: Locator;
  readonly submit: Locator;
  readonly showRequest: Locator;
  readonly changes: Locator;
  readonly problem: Locator;
  readonly readOnlyNotice: Locator;
  readonly oneCall: Locator;
  readonly curl: Locator;
  readonly draftBanner: Locator;
  readonly restoreDraft: Locator;
  readonly discardDraft: Locator;
  readonly leaveDialog: Locator;
  readonly conflictDialog: Locator;
  /** "You are writing to production instance …", beside the submit button. */
  readonly productionNotice: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('record-form');
    this.submit = this.form.getByRole('button', { name: /^(Create|Save changes|Replace)$/ });
    this.showRequest = this.form.getByRole('button', { name: 'Show request' });
    this.changes = page.getByTestId('changes-summary');
    this.problem = this.form.getByRole('alert').first();
    this.readOnlyNotice = page.getByTestId('read-only-account');
    this.oneCall = page.getByTestId('request-one');
    this.curl = page.getByTestId('request-curl');
    this.draftBanner = page.getByTestId('draft-banner');
    this.restoreDraft = this.draftBanner.getByRole('button', { name: 'Restore' });
    this.discardDraft = this.draftBanner.getByRole('button', { name: 'Discard' });
    this.leaveDialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    this.conflictDialog = page.getByRole('dialog', { name: 'Changed on the server meanwhile' });
    this.productionNotice = this.form.getByRole('note', { name: 'Production instance' });
  }

  async expectOpen(method: 'POST' | 'PATCH' | 'PUT'): Promise<void> {
    await expect(this.form).toHaveAttribute('data-method', method);
  }

  /** A field's input by the field's name as Alyx spells it. */
  input(name: string): Locator {
    // The field's own input (a picker is a combobox), never its "empty (null)" checkbox.
    return this.form
      .locator(`[data-field="${name}"]`)
      .locator('input:not([type="checkbox"]), textarea')
      .first();
  }

  /** The message shown under a field (client-side or from the server). */
  fieldError(name: string): Locator {
    return this.form.locator(`[data-field="${name}"] .mantine-InputWrapper-error`).first();
  }

  /** A picker's suggestions. */
  options(field: string): Locator {
    return this.page.getByRole('listbox', { name: field }).getByRole('option');
  }

  /** A picker's suggestion. */
  option(text: string): Locator {
    // A relation option also says what the record is; its lookup is the line of its own.
    return this.page.getByRole('option').filter({ has: this.page.getByText(text, { exact: true }) });
  }

  async fill(name: string, value: string): Promise<void> {
    await this.input(name).fill(value);
  }

  /** The conflict dialog's choice for one field: 'mine' or 'server'. */
  conflictChoice(field: string, choice: 'mine' | 'server'): Locator {
    return this.conflictDialog
      .getByRole('radiogroup', { name: field })
      .getByRole('radio', { name: choice === 'mine' ? 'Keep mine' : 'Take the server’s' });
  }

  /** Draft keys in this tab's sessionStorage (ADR 0020). */
  async storedDrafts(): Promise<string[]> {
    return this.page.evaluate(() =>
      Object.keys(sessionStorage).filter((key) => key.startsWith('alyx-explorer:draft:')),
    );
  }

  /** Waits until the debounced draft save has reached sessionStorage. */
  async expectDraftStored(count = 1): Promise<void> {
    await expect.poll(() => this.storedDrafts()).toHaveLength(count);
  }
}
