// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testApiModel } from '../../testing/model.ts';
import { renderApp } from '../../testing/render.tsx';

describe('instance overview', () => {
  it('shows the instance, its sources, endpoint count and schema age', async () => {
    renderApp('/sandbox', { models: { sandbox: testApiModel() }, tokens: { sandbox: 't' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'sandbox' })).toBeTruthy();
    expect(screen.getByText('OpenAPI (/api/schema)')).toBeTruthy();
    expect(screen.getByText('12 browsable, 1 actions')).toBeTruthy();
    expect(screen.getByText('5 min ago')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh schema' })).toBeTruthy();
  });

  it('shows a clear page for an instance that is not configured', async () => {
    renderApp('/nowhere', { models: {} });
    expect(await screen.findByText('No instance named “nowhere” is configured.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the start page' }).getAttribute('href')).toBe('/');
  });
});
