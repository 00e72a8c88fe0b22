// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from '../../api/http/client.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';
import { renderApp } from '../../testing/render.tsx';
import { testModel } from '../../testing/browse-model.ts';

describe('the list view against the sandbox', () => {
  let sandbox: SandboxInstance;
  let instance: InstanceConfig;
  let token: string;
  const models = { sandbox: testModel() };

  beforeAll(async () => {
    sandbox = await startSandboxInstance();
    instance = sandbox.instance;
    token = await createAlyxClient({ baseUrl: instance.baseUrl }).login('admin', 'admin');
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const open = (path: string) =>
    renderApp(path, { instances: [instance], models, tokens: { sandbox: token } });

  it('shows the count, the range and rows whose cells link to records and relations', async () => {
    open('/sandbox/sessions?limit=25');
    const range = await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    expect(range.textContent).toMatch(/^1–25 of [\d,]+$/);
    expect(screen.getByTestId('list-count').textContent).toMatch(/records$/);
    const table = screen.getByRole('region', { name: 'sessions records' });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(1);
    const firstRow = rows[1] as HTMLElement;
    const links = within(firstRow).getAllByRole('link');
    expect(links[0]?.getAttribute('href')).toMatch(/^\/sandbox\/sessions\/[0-9a-f-]{36}$/);
    expect(links.some((link) => /^\/sandbox\/subjects\/[^/]+$/.test(link.getAttribute('href') ?? ''))).toBe(
      true,
    );
    expect(links.some((link) => /^\/sandbox\/labs\/[^/]+$/.test(link.getAttribute('href') ?? ''))).toBe(true);
  });

  it('pages with offset in the URL', async () => {
    const { router } = open('/sandbox/sessions?limit=25');
    await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Pages' })).getByRole('button', { name: 'Next' }),
    );
    await waitFor(() => expect(router.state.location.search).toBe('?limit=25&offset=25'));
    await waitFor(() => expect(screen.getByTestId('list-range').textContent).toMatch(/^26–50 of /));
  });

  it('runs a raw query (django= included) and keeps it in the URL', async () => {
    const { router } = open('/sandbox/sessions?limit=25');
    await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    const total = screen.getByTestId('list-range').textContent ?? '';
    const editor = screen.getByLabelText('Alyx query');
    fireEvent.change(editor, { target: { value: 'limit=25&django=number__gt,1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run query' }));
    await waitFor(() => expect(router.state.location.search).toBe('?limit=25&django=number__gt,1'));
    await waitFor(() => expect(screen.getByTestId('list-range').textContent).not.toBe(total));
    expect((screen.getByLabelText('Alyx query') as HTMLInputElement).value).toBe(
      'limit=25&django=number__gt,1',
    );
  });

  it('applies typed filters from the panel and restarts paging', async () => {
    const { router } = open('/sandbox/sessions?limit=25&offset=50');
    await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    const form = screen.getByRole('form', { name: 'Filters' });
    fireEvent.change(within(form).getByLabelText('date_range from'), { target: { value: '2025-01-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?limit=25&date_range=2025-01-01,2100-12-31'),
    );
  });
});
