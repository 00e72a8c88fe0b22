// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../config/paths.ts';
import { renderWithProviders } from '../../testing/render.tsx';
import { ConsoleLink } from './ConsoleLink.tsx';
import { HistoryLink } from './HistoryLink.tsx';
import { SavedLink } from './SavedLink.tsx';

const currentOf = (links: HTMLElement[]): (string | null)[] =>
  links.map((link) => link.getAttribute('aria-current'));

describe('the header links', () => {
  it('Saved is a button and, for narrow screens, an icon, both the current page on the Saved view', async () => {
    renderWithProviders(<SavedLink instance="lab" />, paths.saved('lab'));
    const links = await screen.findAllByRole('link', { name: 'Saved' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([paths.saved('lab'), paths.saved('lab')]);
    expect(currentOf(links)).toEqual(['page', 'page']);
    expect(links.map((link) => link.getAttribute('title'))).toEqual([
      'Saved queries and pinned records (g s)',
      'Saved queries and pinned records (g s)',
    ]);
  });

  it('History is one button, not the current page elsewhere', async () => {
    renderWithProviders(<HistoryLink instance="lab" />, paths.list('lab', 'subjects'));
    const links = await screen.findAllByRole('link', { name: 'History' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([paths.history('lab')]);
    expect(currentOf(links)).toEqual([null]);
  });

  it('Console opens the console prefilled from the view and is the current page there', async () => {
    renderWithProviders(<ConsoleLink instance="lab" />, paths.list('lab', 'subjects', 'sex=F'));
    const link = await screen.findByRole('link', { name: 'Console' });
    expect(link.getAttribute('href')).toBe(
      paths.console('lab', { method: 'GET', path: '/subjects', query: 'sex=F' }),
    );
    expect(link.getAttribute('aria-current')).toBeNull();
  });

  it('Console is the current page on the console', async () => {
    renderWithProviders(<ConsoleLink instance="lab" />, paths.console('lab'));
    const link = await screen.findByRole('link', { name: 'Console' });
    expect(link.getAttribute('aria-current')).toBe('page');
  });
});
