import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo-6 links reach only 4.3:1 on white (and white on indigo-5 3.7:1); shade 7 passes WCAG AA.
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: 'sm',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    // Mantine keeps a closed dropdown mounted (hidden), and floating-ui positions it on mount by
    // reading computed styles: one forced style recalculation per select, picker and pager as a
    // form or a list page opens (~45 ms of a 1,000-row list's first render, ADR 0034).
    Combobox: { defaultProps: { keepMounted: false } },
  },
});

/**
 * Every text colour must reach WCAG AA contrast (4.5:1) where it is drawn (src/theme.test.ts checks):
 * - dimmed: Mantine's dark-mode #828282 reaches only 4.0 on the body and 3.5 on cards → dark-1;
 * - errors and red text: red-6/red-7 on white reach 3.3/3.8, red-8 on the dark body 3.4 → red-9
 *   in light, red-4 in dark; white on a filled red-7 reaches 3.8 → filled red is red-9;
 * - the titles of yellow, orange and green light alerts and badges (shade 9 on shade 1) reach
 *   2.7, 3.6 and 3.8 → darker tones of the same hues; orange text likewise.
 */
export const LIGHT_TEXT_COLORS = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-9)',
  '--mantine-color-red-text': 'var(--mantine-color-red-9)',
  '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
  '--mantine-color-red-filled-hover': '#a61e1e',
  '--mantine-color-yellow-light-color': '#8a5d00',
  '--mantine-color-orange-light-color': '#a63c06',
  '--mantine-color-orange-text': '#a63c06',
  '--mantine-color-green-light-color': '#1e6b2e',
} as const;

export const DARK_TEXT_COLORS = {
  '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
  '--mantine-color-error': 'var(--mantine-color-red-4)',
  '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
  '--mantine-color-red-filled-hover': '#a61e1e',
} as const;

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { ...LIGHT_TEXT_COLORS },
  dark: { ...DARK_TEXT_COLORS },
});
