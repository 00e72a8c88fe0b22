// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testApiModel } from '../../testing/model.ts';
import { expectRequestsTo } from '../../testing/request-guard.ts';
import { renderApp, TEST_INSTANCE } from '../../testing/render.tsx';

const models = { sandbox: testApiModel() };
const tokens = { sandbox: 'test-token' };

describe('endpoint tree', () => {
  it('shows every group open at first sight and marks the endpoint of the URL selected', async () => {
    renderApp('/sandbox/dataset-types/~/docs', { models, tokens });
    const tree = await screen.findByRole('tree', { name: 'Endpoints' });
    const leaf = within(tree).getByRole('treeitem', { name: /^dataset-types/ });
    expect(leaf.getAttribute('aria-selected')).toBe('true');
    expect(leaf.getAttribute('tabindex')).toBe('0');
    expect(within(tree).getByRole('treeitem', { name: /^Data/ }).getAttribute('aria-expanded')).toBe('true');
    const subjectsGroup = within(tree).getByRole('treeitem', { name: /^Subjects/ });
    expect(subjectsGroup.getAttribute('aria-expanded')).toBe('true');
    expect(within(tree).getByRole('treeitem', { name: /^subjects/ })).toBeTruthy();
    fireEvent.click(subjectsGroup);
    expect(subjectsGroup.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: /^subjects/ })).toBeNull();
  });

  it('follows the URL when navigating elsewhere', async () => {
    const { router } = renderApp('/sandbox/dataset-types/~/docs', { models, tokens });
    const tree = await screen.findByRole('tree', { name: 'Endpoints' });
    await router.navigate('/sandbox/labs/~/docs');
    const labs = await within(tree).findByRole('treeitem', { name: /^labs/, selected: true });
    expect(labs.getAttribute('aria-selected')).toBe('true');
    expect(
      within(tree)
        .getByRole('treeitem', { name: /^dataset-types/ })
        .getAttribute('aria-selected'),
    ).toBe('false');
  });

  it('filters by name or path, opening every matching group', async () => {
    renderApp('/sandbox/labs/~/docs', { models, tokens });
    const tree = await screen.findByRole('tree', { name: 'Endpoints' });
    fireEvent.change(screen.getByLabelText('Filter endpoints'), { target: { value: '{name}' } });
    const names = within(tree)
      .getAllByRole('treeitem')
      .map((item) => item.getAttribute('data-endpoint'))
      .filter((name) => name !== null);
    expect(names).toEqual(['dataset-types', 'labs']);
    expect(screen.getByText('2 of 13 endpoints')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Filter endpoints'), { target: { value: 'nothing-like-this' } });
    expect(screen.getByText(/No endpoint matches/)).toBeTruthy();
  });

  it('links leaves to the list view, action endpoints to their docs, and shows methods and routes', async () => {
    renderApp('/sandbox/labs/~/docs', { models, tokens });
    const tree = await screen.findByRole('tree', { name: 'Endpoints' });
    const datasets = within(tree).getByRole('treeitem', { name: /^datasets/ });
    expect(within(datasets).getAllByRole('link')[0]?.getAttribute('href')).toBe('/sandbox/datasets');
    expect(datasets.textContent).toContain('/datasets/{id}');
    expect(datasets.textContent).toContain('PATCH');
    const action = within(tree).getByRole('treeitem', { name: /^register-file/ });
    expect(within(action).getAllByRole('link')[0]?.getAttribute('href')).toBe(
      '/sandbox/register-file/~/docs',
    );
    expect(action.getAttribute('data-action')).toBe('true');
    expect(within(tree).getByRole('link', { name: 'datasets documentation' }).getAttribute('href')).toBe(
      '/sandbox/datasets/~/docs',
    );
  });

  it('is keyboard navigable: arrows move, Right opens a group, Enter opens the endpoint', async () => {
    // Opening surgeries asks for its first page; this test is about the tree, so that page may fail.
    const forget = expectRequestsTo(TEST_INSTANCE.url);
    onTestFinished(forget);
    const { router } = renderApp('/sandbox/labs/~/docs', { models, tokens });
    const tree = await screen.findByRole('tree', { name: 'Endpoints' });
    const subjects = within(tree).getByRole('treeitem', { name: /^Subjects/ });
    subjects.focus();
    expect(subjects.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(subjects, { key: 'ArrowLeft' });
    expect(subjects.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(subjects, { key: 'ArrowRight' });
    expect(subjects.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(subjects, { key: 'ArrowDown' });
    const first = within(tree).getByRole('treeitem', { name: /^subjects/ });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = within(tree).getByRole('treeitem', { name: /^surgeries/ });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: 'Enter' });
    // The list route's module is transformed on first use: slow on a loaded CI machine.
    await screen.findByRole('treeitem', { name: /^surgeries/, selected: true }, { timeout: 20_000 });
    expect(router.state.location.pathname).toBe(`/${TEST_INSTANCE.name}/surgeries`);
    // Right reaches the endpoint's docs link, Left comes back.
    const surgeries = within(tree).getByRole('treeitem', { name: /^surgeries/ });
    surgeries.focus();
    fireEvent.keyDown(surgeries, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(within(tree).getByRole('link', { name: 'surgeries documentation' }));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(surgeries);
    fireEvent.keyDown(surgeries, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(subjects);
  });
});
