// @vitest-environment jsdom
import '../testing/dom-setup.ts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FieldModel } from '../api/schema/model.ts';
import { findConflicts, resolveConflicts, type FieldConflict } from '../lib/edit-conflicts.ts';
import { TEST_INSTANCE, renderWithProviders } from '../testing/render.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import type { ValueLinks } from './values/ValueView.tsx';

const links: ValueLinks = { instance: TEST_INSTANCE, resolve: () => null };

const FIELDS: FieldModel[] = [
  {
    name: 'sex',
    kind: 'choice',
    required: true,
    readOnly: false,
    writeOnly: false,
    nullable: false,
    choices: [
      { value: 'M', label: 'Male' },
      { value: 'F', label: 'Female' },
      { value: 'U', label: 'Unknown' },
    ],
  },
  { name: 'description', kind: 'text', required: false, readOnly: false, writeOnly: false, nullable: true },
  { name: 'json', kind: 'json', required: false, readOnly: false, writeOnly: false, nullable: true },
];

const opened = { sex: 'U', description: 'first', json: { a: 1 } };
const current = { sex: 'F', description: '<img src=x onerror="alert(1)">', json: { a: 2 } };
const edited = { sex: 'M', description: 'mine', json: { a: 1 } };
const conflicts: FieldConflict[] = findConflicts({ opened, current, edited, fields: FIELDS });

/** The text of what an element's aria-describedby names. */
function describedBy(element: HTMLElement): string {
  const id = element.getAttribute('aria-describedby') ?? '';
  return id
    .split(' ')
    .map((part) => document.getElementById(part)?.textContent ?? '')
    .join(' ');
}

function renderDialog() {
  const onContinue = vi.fn();
  const onCancel = vi.fn();
  renderWithProviders(
    <ConflictDialog
      opened
      conflicts={conflicts}
      fields={FIELDS}
      links={links}
      onContinue={onContinue}
      onCancel={onCancel}
    />,
  );
  return { onContinue, onCancel };
}

describe('ConflictDialog', () => {
  it('shows each conflicting field with the opened, server and own values, through the shared renderer', async () => {
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Changed on the server meanwhile' });
    expect(conflicts.map((c) => c.field)).toEqual(['sex', 'description']);
    const sex = within(dialog).getByRole('radiogroup', { name: 'sex' });
    // Choice labels as the instance names them, with the stored code.
    expect(sex.textContent).toContain('Unknown');
    expect(describedBy(within(sex).getByRole('radio', { name: 'Keep mine' }))).toContain('Male');
    expect(describedBy(within(sex).getByRole('radio', { name: 'Take the server’s' }))).toContain('Female');
    const description = within(dialog).getByRole('radiogroup', { name: 'description' });
    // A hostile value is text, never markup.
    expect(description.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(description.querySelector('img')).toBeNull();
    expect(within(dialog).queryByRole('radiogroup', { name: 'json' })).toBeNull();
  });

  it('continues only once every field has a choice, with those choices', async () => {
    const { onContinue, onCancel } = renderDialog();
    await screen.findByRole('dialog');
    const proceed = screen.getByRole('button', { name: 'Continue' });
    expect((proceed as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('2 left to choose')).toBeTruthy();
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'sex' })).getByRole('radio', {
        name: /Take the server’s/,
      }),
    );
    fireEvent.click(proceed);
    expect(onContinue).not.toHaveBeenCalled();
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'description' })).getByRole('radio', {
        name: /Keep mine/,
      }),
    );
    expect((proceed as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(proceed);
    expect(onContinue).toHaveBeenCalledWith({ sex: 'server', description: 'mine' });
    expect(onCancel).not.toHaveBeenCalled();
    const values = resolveConflicts({
      opened,
      current,
      edited,
      fields: FIELDS,
      choices: onContinue.mock.calls[0]?.[0],
    });
    expect(values).toEqual({ sex: 'F', description: 'mine', json: { a: 2 } });
  });

  it('Cancel and Escape send nothing', async () => {
    const { onContinue, onCancel } = renderDialog();
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onContinue).not.toHaveBeenCalled();
  });

  it('names its close button, which sends nothing either', async () => {
    const { onContinue, onCancel } = renderDialog();
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close without sending' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onContinue).not.toHaveBeenCalled();
  });
});
