// @vitest-environment jsdom
import '../testing/dom-setup.ts';
import { MantineProvider, TextInput } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { Link, RouterProvider, createMemoryRouter, useNavigate, type DataRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LeaveGuardDialog } from '../components/LeaveGuardDialog.tsx';
import { PASS_LEAVE_GUARD, useLeaveGuard } from './use-leave-guard.ts';

const FORM = '/sandbox/subjects/KS005/~/edit';

/** The smallest form the guard is meant for: one field, dirty when changed, submit navigates. */
function Form({ draftKept, failSubmit = false }: { draftKept: boolean; failSubmit?: boolean }) {
  const [value, setValue] = useState('M');
  const [saved, setSaved] = useState('M');
  const dirty = value !== saved;
  const guard = useLeaveGuard(dirty);
  const navigate = useNavigate();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        guard.disarm();
        if (failSubmit) {
          guard.arm();
          return;
        }
        setSaved(value);
        void navigate('/sandbox/subjects/KS005');
      }}
    >
      <TextInput label="sex" value={value} onChange={(event) => setValue(event.currentTarget.value)} />
      <button type="submit">Save</button>
      <Link to="/sandbox/subjects">All subjects</Link>
      <Link to={`${FORM}?tab=json`}>JSON tab</Link>
      <LeaveGuardDialog
        opened={guard.asking}
        draftKept={draftKept}
        onStay={guard.stay}
        onLeave={guard.leave}
      />
    </form>
  );
}

function renderForm(props: { draftKept: boolean; failSubmit?: boolean }): DataRouter {
  const router = createMemoryRouter(
    [
      { path: FORM, element: <Form {...props} /> },
      { path: '/sandbox/subjects', element: <h1>Subjects</h1> },
      { path: '/sandbox/subjects/KS005', element: <h1>KS005</h1> },
      { path: '/sandbox/~/login', element: <h1>Log in</h1> },
    ],
    { initialEntries: ['/sandbox/subjects', FORM], initialIndex: 1 },
  );
  render(
    <MantineProvider env="test">
      <RouterProvider router={router} />
    </MantineProvider>,
  );
  return router;
}

function type(text: string): void {
  fireEvent.change(screen.getByLabelText('sex'), { target: { value: text } });
}

function beforeUnloadPrevented(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('useLeaveGuard with a real router', () => {
  it('lets a clean form go without asking', async () => {
    const router = renderForm({ draftKept: true });
    fireEvent.click(screen.getByRole('link', { name: 'All subjects' }));
    expect(await screen.findByRole('heading', { name: 'Subjects' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox/subjects');
    expect(beforeUnloadPrevented()).toBe(false);
  });

  it('asks before a dirty form is left by a link; Stay keeps the form and what was typed', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    fireEvent.click(screen.getByRole('link', { name: 'All subjects' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(dialog.textContent).toContain('kept as a draft');
    fireEvent.click(screen.getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe(FORM);
    expect((screen.getByLabelText('sex') as HTMLInputElement).value).toBe('F');
  });

  it('names its close button, which means Stay', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    fireEvent.click(screen.getByRole('link', { name: 'All subjects' }));
    await screen.findByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(screen.getByRole('button', { name: 'Close and stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe(FORM);
  });

  it('Leave lets the held navigation through; the dialog says when changes will be lost', async () => {
    const router = renderForm({ draftKept: false });
    type('F');
    fireEvent.click(screen.getByRole('link', { name: 'All subjects' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(dialog.textContent).toContain('will be lost');
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { name: 'Subjects' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox/subjects');
  });

  it('holds the browser back button too', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(FORM);
  });

  it('does not ask for a change of query or hash within the form', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    fireEvent.click(screen.getByRole('link', { name: 'JSON tab' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=json'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks the browser before reload or close only while dirty', () => {
    renderForm({ draftKept: true });
    expect(beforeUnloadPrevented()).toBe(false);
    type('F');
    expect(beforeUnloadPrevented()).toBe(true);
    type('M');
    expect(beforeUnloadPrevented()).toBe(false);
  });

  it('does not ask after a successful submit', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'KS005' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox/subjects/KS005');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks again after a failed submit re-arms it', async () => {
    renderForm({ draftKept: true, failSubmit: true });
    type('F');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(beforeUnloadPrevented()).toBe(true);
    fireEvent.click(screen.getByRole('link', { name: 'All subjects' }));
    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeTruthy();
  });

  it('lets a navigation marked to pass go without asking (an expired session sent to login)', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    await act(() => router.navigate('/sandbox/~/login', { replace: true, state: PASS_LEAVE_GUARD }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox/~/login');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('still asks for the same navigation without the mark', async () => {
    const router = renderForm({ draftKept: true });
    type('F');
    await act(() => router.navigate('/sandbox/~/login', { replace: true }));
    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(FORM);
  });
});
