// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from '../../api/http/client.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { discoverApi } from '../../api/schema/discover.ts';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';
import { renderApp } from '../../testing/render.tsx';

describe('the list view against the sandbox', () => {
  let sandbox: SandboxInstance;
  let instance: InstanceConfig;
  let token: string;
  /** The model the app discovers from this very sandbox, not a hand-built one. */
  let models: Record<string, ApiModel>;

  beforeAll(async () => {
    sandbox = await startSandboxInstance({ faults: true });
    instance = sandbox.instance;
    token = await createAlyxClient({ baseUrl: instance.baseUrl }).login('admin', 'admin');
    models = {
      sandbox: await discoverApi(createAlyxClient({ baseUrl: instance.baseUrl, getToken: () => token })),
    };
  }, 120_000);

  const faults = (method: 'POST' | 'DELETE', rule?: Record<string, unknown>) =>
    sandbox.fetch(
      new Request(`${instance.baseUrl}/__sandbox/faults`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(rule ? { body: JSON.stringify(rule) } : {}),
      }),
    );

  afterAll(async () => {
    await sandbox?.close();
  });

  const open = (path: string) =>
    renderApp(path, { instances: [instance], models, tokens: { sandbox: token } });

  it('shows the count, the range and rows whose cells link to records and relations', async () => {
    open('/sandbox/sessions?limit=25');
    const range = await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    expect(range.textContent).toMatch(/^1–25 of [\d,]+$/);
    expect(screen.getByTestId('list-count').textContent).toMatch(/^[\d,]+ records$/);
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

  it('says "1 record" for a single match', async () => {
    const client = createAlyxClient({ baseUrl: instance.baseUrl, getToken: () => token });
    const page = await client.listPage<Record<string, unknown>>('subjects', { limit: '1' });
    const nickname = String(page.results[0]?.['nickname']);
    open(`/sandbox/subjects?nickname=${encodeURIComponent(nickname)}`);
    await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    expect(screen.getByTestId('list-count').textContent).toBe('1 record');
  });

  it('never shows the rows or count of another endpoint while the next one loads', async () => {
    const { router } = open('/sandbox/subjects?limit=25');
    await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    const subjectsCount = screen.getByTestId('list-count').textContent;
    expect(
      (await faults('POST', { path: '^/projects(\\?|$)', kind: 'latency', latencyMs: 8000 })).status,
    ).toBe(201);
    try {
      await router.navigate('/sandbox/projects');
      await screen.findByRole('heading', { name: 'projects' });
      expect(screen.getByText('Loading projects…')).toBeTruthy();
      expect(screen.queryByTestId('list-count')).toBeNull();
      expect(screen.queryByRole('region', { name: 'projects records' })).toBeNull();
      const count = await screen.findByTestId('list-count', {}, { timeout: 15_000 });
      const projects = await createAlyxClient({ baseUrl: instance.baseUrl, getToken: () => token }).listPage(
        'projects',
        {},
      );
      expect(count.textContent).toMatch(projects.count === 1 ? /^1 record$/ : /records$/);
      expect(count.textContent).toContain(projects.count.toLocaleString('en-US'));
      expect(count.textContent === subjectsCount && projects.count === 0).toBe(false);
    } finally {
      await faults('DELETE');
    }
  });

  it('offers only filters that are not shown, and labels choices as the table does', async () => {
    open('/sandbox/subjects?limit=25');
    await screen.findByTestId('list-range', {}, { timeout: 15_000 });
    const form = screen.getByRole('form', { name: 'Filters' });
    const box = (name: string) =>
      within(form).queryByRole('textbox', { name }) ?? within(form).getByRole('combobox', { name });
    /** The options of the listbox this input opens (its aria-controls). */
    const optionsOf = async (input: HTMLElement) => {
      fireEvent.click(input);
      const listbox = await waitFor(() => {
        const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
        if (!found) throw new Error('no listbox open');
        return found;
      });
      return within(listbox).getAllByRole('option', { hidden: true });
    };
    const addable = async () => {
      const names = (await optionsOf(box('Add a filter'))).map((option) => option.textContent ?? '');
      fireEvent.keyDown(box('Add a filter'), { key: 'Escape' });
      return names;
    };
    const shown = () =>
      Array.from(form.querySelectorAll('label'), (label) => label.textContent ?? '').filter(Boolean);
    const before = await addable();
    expect(shown()).toContain('nickname');
    expect(before).toContain('sex');
    for (const name of shown()) expect(before).not.toContain(name);
    const sexOption = (await optionsOf(box('Add a filter'))).find((option) => option.textContent === 'sex');
    if (!sexOption) throw new Error('sex is not offered');
    fireEvent.click(sexOption);
    await waitFor(() => expect(shown()).toContain('sex'));
    const after = await addable();
    for (const name of shown()) expect(after).not.toContain(name);
    const sexes = (await optionsOf(box('sex'))).map((option) => option.textContent);
    expect(sexes).toEqual(expect.arrayContaining(['Male', 'Female']));
    expect(sexes).not.toContain('M');
  });
});
