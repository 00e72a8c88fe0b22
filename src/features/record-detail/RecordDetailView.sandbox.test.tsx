// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastSegment } from '../../api/http/alyx-urls.ts';
import { createAlyxClient, type AlyxClient } from '../../api/http/client.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { listQuery } from '../../api/queries/record-queries.ts';
import { discoverApi } from '../../api/schema/discover.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';
import { renderApp } from '../../testing/render.tsx';

describe('the record view against the sandbox', () => {
  let sandbox: SandboxInstance;
  let instance: InstanceConfig;
  let token: string;
  let admin: AlyxClient;
  let session: Record<string, unknown>;
  let models: Record<string, ApiModel>;

  beforeAll(async () => {
    sandbox = await startSandboxInstance({ faults: true });
    instance = sandbox.instance;
    token = await createAlyxClient({ baseUrl: instance.baseUrl }).login('admin', 'admin');
    admin = createAlyxClient({ baseUrl: instance.baseUrl, getToken: () => token });
    const page = await admin.listPage('sessions', { limit: 1 });
    session = page.results[0] ?? {};
    // The model discovered from this very sandbox (once: discovery is the slow part), not a hand-built one.
    models = { sandbox: await discoverApi(admin) };
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const open = (path: string) =>
    renderApp(path, { instances: [instance], models, tokens: { sandbox: token } });

  it('renders fields by type with relation links, nested sub-tables and raw JSON', async () => {
    const id = String(session['id']);
    open(`/sandbox/sessions/${id}`);
    const fields = await screen.findByRole('table', { name: 'Fields' }, { timeout: 15_000 });
    await waitFor(() => expect(screen.queryByText(/loading full record/)).toBeNull());
    const number = String(session['number']).padStart(3, '0');
    const date = String(session['start_time']).slice(0, 10);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      `${String(session['subject'])} · ${date} · ${number}`,
    );
    expect(screen.getByTestId('record-lookup').textContent).toBe(id);
    const subjectRow = within(fields)
      .getByRole('rowheader', { name: 'subject' })
      .closest('tr') as HTMLElement;
    expect(within(subjectRow).getByRole('link').getAttribute('href')).toBe(
      `/sandbox/subjects/${String(session['subject'])}`,
    );
    expect(within(fields).getByRole('rowheader', { name: 'narrative' })).toBeTruthy();
    const detail = await admin.get<Record<string, unknown>>(`/sessions/${id}`);
    const datasets = detail['data_dataset_session_related'];
    expect(Array.isArray(datasets) && datasets.length > 0).toBe(true);
    expect(screen.queryByText(/_related/)).toBeNull();
    const nested = screen.getByRole('table', { name: 'datasets' });
    expect(
      screen.getByRole('heading', { level: 4, name: `datasets (${(datasets as unknown[]).length})` }),
    ).toBeTruthy();
    expect(within(nested).getAllByRole('row')).toHaveLength((datasets as unknown[]).length + 1);
    expect(within(nested).getAllByRole('link')[0]?.getAttribute('href')).toMatch(
      /^\/sandbox\/datasets\/[0-9a-f-]{36}$/,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Raw JSON' }));
    expect((await screen.findByTestId('raw-json')).textContent).toContain(`"id": "${id}"`);
  });

  it('starts from the cached list row while the detail loads, then shows the detail', async () => {
    const id = String(session['id']);
    // A slow detail, as on a real instance (session detail is heavy), so the placeholder is on screen.
    const fault = await sandbox.fetch(
      new Request(`${instance.baseUrl}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          path: `^/sessions/${id}`,
          method: 'GET',
          kind: 'latency',
          latencyMs: 5000,
          times: 1,
        }),
      }),
    );
    expect(fault.status).toBeLessThan(300);
    const { queryClient } = open(`/sandbox/sessions/${id}`);
    // As when arriving from the list: a cached page holds the row (marked so the test can see it was used).
    queryClient.setQueryData(listQuery(instance, 'sessions', { limit: 1 }).queryKey, {
      count: 1,
      next: null,
      previous: null,
      results: [{ ...session, task_protocol: 'FROM-THE-LIST-ROW' }],
    });
    expect(await screen.findByText('FROM-THE-LIST-ROW', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText(/loading full record/)).toBeTruthy();
    const fields = screen.getByRole('table', { name: 'Fields' });
    await waitFor(() => expect(within(fields).getByRole('rowheader', { name: 'narrative' })).toBeTruthy());
    expect(screen.queryByText('FROM-THE-LIST-ROW')).toBeNull();
  });

  // The discovered model gives a subject a dozen reverse tabs, each counted over HTTP: slow on a shared machine.
  it('shows reverse relations as tabs with counts and a link to the full list', async () => {
    const nickname = String(session['subject']);
    open(`/sandbox/subjects/${nickname}`);
    const tab = await screen.findByRole('tab', { name: /^sessions/ }, { timeout: 40_000 });
    await waitFor(() => expect(tab.textContent).toMatch(/sessions\s*\(\d+\)/), { timeout: 40_000 });
    // Tabs read as words, not endpoint slugs.
    expect(screen.getByRole('tab', { name: /^water administrations/ })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: /^water-administrations/ })).toBeNull();
    fireEvent.click(tab);
    const fullList = await screen.findByRole('link', { name: 'Open full list' }, { timeout: 40_000 });
    expect(fullList.getAttribute('href')).toBe(`/sandbox/sessions?subject=${nickname}`);
    const preview = await screen.findByRole('table', { name: 'sessions' }, { timeout: 40_000 });
    expect(within(preview).getAllByRole('link')[0]?.getAttribute('href')).toMatch(
      /^\/sandbox\/sessions\/[0-9a-f-]{36}$/,
    );
  }, 90_000);

  it("sorts a subject's weighings newest first, re-sorts by a header, and names its sub-tables for people", async () => {
    const nickname = String(session['subject']);
    const detail = await admin.get<Record<string, unknown>>(`/subjects/${nickname}`);
    const weighings = detail['weighings'] as { date_time: string }[];
    expect(weighings.length).toBeGreaterThan(1);
    open(`/sandbox/subjects/${nickname}`);
    const table = await screen.findByRole('table', { name: 'weighings' }, { timeout: 15_000 });
    await waitFor(() => expect(screen.queryByText(/loading full record/)).toBeNull());
    expect(screen.getByRole('table', { name: 'water administrations' })).toBeTruthy();
    const header = within(table).getByRole('columnheader', { name: /^date_time/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const shownDates = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.querySelector('time')?.getAttribute('datetime'));
    const newestFirst = weighings
      .map((w) => w.date_time)
      .sort()
      .reverse();
    expect(shownDates()).toEqual(newestFirst);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(shownDates()).toEqual([...newestFirst].reverse());
  });

  it('renders a dataset by name and collection, with a readable size and the exact bytes on hover', async () => {
    const page = await admin.listPage('datasets', { limit: 1, file_size__gt: 1000 });
    const dataset = page.results[0] ?? {};
    const bytes = Number(dataset['file_size']);
    expect(bytes).toBeGreaterThan(1000);
    // Dataset list rows carry their hyperlink, not their id.
    open(`/sandbox/datasets/${lastSegment(String(dataset['url']))}`);
    const fields = await screen.findByRole('table', { name: 'Fields' }, { timeout: 15_000 });
    await waitFor(() => expect(screen.queryByText(/loading full record/)).toBeNull());
    const name = String(dataset['name']);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(name);
    const size = within(fields).getByRole('rowheader', { name: 'file_size' }).closest('tr') as HTMLElement;
    const cell = within(size).getByRole('cell');
    expect(cell.textContent).toMatch(/^\d+(\.\d)? (kB|MB|GB|TB)$/);
    expect(within(cell).getByTitle(`${bytes.toLocaleString('en-US')} bytes`)).toBeTruthy();
  });

  it('says what Alyx path was not found', async () => {
    open('/sandbox/sessions/00000000-0000-4000-8000-000000000000');
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toContain('Not found');
    expect(alert.textContent).toContain('/sessions/00000000-0000-4000-8000-000000000000');
    expect(screen.getByRole('link', { name: 'Back to the sessions list' }).getAttribute('href')).toBe(
      '/sandbox/sessions',
    );
  });
});
