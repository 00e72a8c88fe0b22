// @vitest-environment jsdom
import '../testing/dom-setup.ts';
import { Select } from '@mantine/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../testing/render.tsx';
import { useDropdownAria } from './use-dropdown-aria.ts';

function PageSize({ announced }: { announced: boolean }) {
  const onDropdownOpen = useDropdownAria();
  return (
    <Select
      aria-label="Page size"
      data={['25', '100', '1000']}
      onDropdownOpen={announced ? onDropdownOpen : undefined}
    />
  );
}

describe('useDropdownAria, with the theme unmounting closed dropdowns', () => {
  it('a first opening names its listbox and says it is expanded', async () => {
    renderWithProviders(<PageSize announced />);
    const input = screen.getByRole('combobox', { name: 'Page size' });
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    fireEvent.click(input);
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
    expect(listbox?.getAttribute('role')).toBe('listbox');
  });

  it('without it, Mantine leaves the first opening announced as collapsed (why the hook exists)', async () => {
    renderWithProviders(<PageSize announced={false} />);
    const input = screen.getByRole('combobox', { name: 'Page size' });
    fireEvent.click(input);
    await waitFor(() => expect(document.querySelector('[role="listbox"]')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});
