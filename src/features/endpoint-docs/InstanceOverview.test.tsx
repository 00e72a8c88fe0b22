// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from '../../api/http/client.ts';
import { setAccount } from '../../lib/account-store.ts';
import { renderApp } from '../../testing/render.tsx';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';

describe('instance overview on the sandbox (model discovered from it)', () => {
  let sandbox: SandboxInstance;
  let token: string;
  let sessions: number;

  beforeAll(async () => {
    sandbox = await startSandboxInstance();
    const baseUrl = sandbox.instance.baseUrl;
    token = await createAlyxClient({ baseUrl }).login('alice', 'alice');
    const client = createAlyxClient({ baseUrl, getToken: () => token });
    sessions = (await client.listPage('sessions', { limit: '1' })).count;
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('says what the instance is and who is signed in', async () => {
    setAccount('sandbox', { username: 'alice', readOnly: false });
    renderApp('/sandbox', { instances: [sandbox.instance], tokens: { sandbox: token } });
    expect(await screen.findByRole('heading', { level: 1, name: 'sandbox' })).toBeTruthy();
    expect(await screen.findByText('Current Alyx (OpenAPI schema)', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('OpenAPI (/api/schema)')).toBeTruthy();
    const account = screen.getByText('Signed in as').parentElement as HTMLElement;
    expect(within(account).getByText('alice')).toBeTruthy();
    expect(within(account).getByText(/can write/)).toBeTruthy();
    expect(screen.getByText(/browsable, \d+ actions?$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh schema' })).toBeTruthy();
  });

  it('lists every endpoint at first sight, with its record count and a link to its list', async () => {
    renderApp('/sandbox', { instances: [sandbox.instance], tokens: { sandbox: token } });
    const directory = await screen.findByRole('region', { name: 'Endpoints' }, { timeout: 15_000 });
    const link = within(directory).getByRole('link', { name: 'sessions' });
    expect(link.getAttribute('href')).toBe('/sandbox/sessions');
    const row = link.closest('li') as HTMLElement;
    await waitFor(
      () => expect(within(row).getByLabelText(`${sessions.toLocaleString('en-US')} records`)).toBeTruthy(),
      {
        timeout: 15_000,
      },
    );
    expect(within(directory).getByRole('link', { name: 'subjects documentation' }).getAttribute('href')).toBe(
      '/sandbox/subjects/~/docs',
    );
    // Action endpoints lead to their documentation, not to a list.
    expect(within(directory).getByRole('link', { name: 'auth-token' }).getAttribute('href')).toBe(
      '/sandbox/auth-token/~/docs',
    );
  });

  it('shows a clear page for an instance that is not configured', async () => {
    renderApp('/nowhere', { models: {} });
    expect(await screen.findByText('No instance named “nowhere” is configured.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the start page' }).getAttribute('href')).toBe('/');
  });
});
