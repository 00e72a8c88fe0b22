// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testApiModel } from '../../testing/model.ts';
import { renderApp } from '../../testing/render.tsx';

const models = { sandbox: testApiModel() };
const tokens = { sandbox: 'test-token' };

describe('endpoint docs view', () => {
  it('renders the description as sanitised markdown', async () => {
    const { container } = renderApp('/sandbox/sessions/~/docs', { models, tokens });
    expect(await screen.findByText('FILTERS')).toBeTruthy();
    expect(container.querySelector('main script')).toBeNull();
    expect(container.querySelector('main img[onerror]')).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('shows routes, filters with types and choices, and fields with relation links', async () => {
    renderApp('/sandbox/sessions/~/docs', { models, tokens });
    expect(await screen.findByRole('heading', { level: 1, name: 'sessions' })).toBeTruthy();
    const routes = screen.getByRole('table', { name: 'Routes' });
    expect(within(routes).getByText('/sessions/{id}')).toBeTruthy();
    const filters = screen.getByRole('table', { name: 'Filters' });
    expect(within(filters).getByText('date_range')).toBeTruthy();
    expect(within(filters).getByText('two dates, comma-separated')).toBeTruthy();
    expect(within(filters).getByText('PASS')).toBeTruthy();
    const fields = screen.getByRole('table', { name: 'Fields' });
    const subjectRow = within(fields).getByText('subject').closest('tr');
    expect(subjectRow).not.toBeNull();
    expect(
      within(subjectRow as HTMLElement)
        .getByRole('link', { name: 'subjects' })
        .getAttribute('href'),
    ).toBe('/sandbox/subjects/~/docs');
    expect(screen.getByRole('link', { name: 'Browse sessions' }).getAttribute('href')).toBe(
      '/sandbox/sessions',
    );
  });

  it('says so when the endpoint is not in the schema', async () => {
    renderApp('/sandbox/nothing/~/docs', { models, tokens });
    expect(await screen.findByRole('heading', { name: 'No endpoint “nothing”' })).toBeTruthy();
  });

  it('sends a visitor without a token to login, keeping where they were going', async () => {
    const { router } = renderApp('/sandbox/sessions/~/docs', { models });
    expect(await screen.findByLabelText('Username', undefined, { timeout: 5000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sandbox/~/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/sandbox/sessions/~/docs');
  });
});
