// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getToken } from '../../api/auth/token-store.ts';
import { clientFor, type InstanceConfig } from '../../api/instances.ts';
import { apiModelQuery } from '../../api/queries/schema-query.ts';
import { testApiModel } from '../../testing/model.ts';
import { renderApp } from '../../testing/render.tsx';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';

let sandbox: SandboxInstance;
let instance: InstanceConfig;

beforeAll(async () => {
  sandbox = await startSandboxInstance();
  instance = sandbox.instance;
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('login form against a real sandbox', () => {
  it('shows the server’s error without clearing the inputs, then logs in and goes back to next', async () => {
    const model = testApiModel();
    const { router, queryClient } = renderApp('/sandbox/~/login?next=%2Fsandbox%2Fsessions%2F~%2Fdocs', {
      instances: [instance],
      models: { sandbox: model },
    });
    await screen.findByLabelText('Username');
    fill('Username', 'alice');
    fill('Password', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Unable to log in with provided credentials.')).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('alice');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('wrong');
    expect(getToken('sandbox')).toBeNull();

    fill('Password', 'alice');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'sessions' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox/sessions/~/docs');
    expect(getToken('sandbox')).toMatch(/\w{20,}/);
    expect(window.localStorage.getItem('alyx-explorer:token:sandbox')).toBeNull();
    // Logging in drops the previous account's records but keeps the schema (throttled on real instances).
    expect(queryClient.getQueryData(apiModelQuery(instance).queryKey)).toBe(model);
  });

  it('refuses a bad token with the server’s words and accepts a good one', async () => {
    const token = await clientFor(instance).login('alice', 'alice');
    const { router } = renderApp('/sandbox/~/login', {
      instances: [instance],
      models: { sandbox: testApiModel() },
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Use a token instead' }));
    fill('Token', 'not-a-token');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(getToken('sandbox')).toBeNull();
    fill('Token', `Token ${token}`);
    fireEvent.click(screen.getByLabelText('Remember me'));
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'sandbox' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox');
    expect(window.localStorage.getItem('alyx-explorer:token:sandbox')).toBe(token);
  });
});
