// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JsonBlock } from './JsonBlock.tsx';

// axe's scrollable-region-focusable: a scroll box that a keyboard cannot reach cannot be scrolled.
describe('a JSON value', () => {
  it('scrolls in a box the keyboard can focus, named after its field', () => {
    const long = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`key${index}`, index]));
    render(
      <MantineProvider env="test">
        <JsonBlock value={long} label="extended_qc" />
      </MantineProvider>,
    );
    const box = screen.getByRole('region', { name: 'extended_qc (JSON)' });
    expect(box.tabIndex).toBe(0);
    expect(box.textContent).toContain('"key39": 39');
  });
});
