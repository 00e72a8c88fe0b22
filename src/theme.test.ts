import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { DARK_TEXT_COLORS, LIGHT_TEXT_COLORS } from './theme.ts';

const palette = DEFAULT_THEME.colors;

/** A colour as the theme writes it: a hex, or `var(--mantine-color-{name}-{shade})`. */
function resolve(value: string): string {
  const match = /^var\(--mantine-color-([a-z]+)-(\d)\)$/.exec(value);
  if (!match) return value;
  const shades = palette[match[1] as keyof typeof palette];
  const hex = shades?.[Number(match[2])];
  if (!hex) throw new Error(`no palette colour for ${value}`);
  return hex;
}

function luminance(hex: string): number {
  const channels = (hex.replace('#', '').match(/../g) ?? []).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(resolve(a)), luminance(resolve(b))].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const WHITE = '#ffffff';
const [, shade1Yellow] = palette.yellow;
const [, shade1Orange] = palette.orange;
const [, shade1Green] = palette.green;
const DARK_BODY = palette.dark[7];
const DARK_CARD = palette.dark[6];

// Each text colour the theme sets, on every surface it is drawn on (body, card, input, light alert).
const light: [keyof typeof LIGHT_TEXT_COLORS, string, string][] = [
  ['--mantine-color-dimmed', 'body', WHITE],
  ['--mantine-color-dimmed', 'card', palette.gray[0]],
  ['--mantine-color-error', 'body', WHITE],
  ['--mantine-color-red-text', 'body', WHITE],
  ['--mantine-color-orange-text', 'body', WHITE],
  ['--mantine-color-yellow-light-color', 'light yellow alert', shade1Yellow ?? ''],
  ['--mantine-color-orange-light-color', 'light orange alert', shade1Orange ?? ''],
  ['--mantine-color-green-light-color', 'light green alert', shade1Green ?? ''],
];
const dark: [keyof typeof DARK_TEXT_COLORS, string, string][] = [
  ['--mantine-color-dimmed', 'body', DARK_BODY],
  ['--mantine-color-dimmed', 'card', DARK_CARD],
  ['--mantine-color-error', 'body', DARK_BODY],
  ['--mantine-color-error', 'input', DARK_CARD],
];

describe('theme text colours reach WCAG AA (4.5:1)', () => {
  it.each(light)('light %s on the %s', (variable, _surface, background) => {
    expect(contrast(LIGHT_TEXT_COLORS[variable], background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(dark)('dark %s on the %s', (variable, _surface, background) => {
    expect(contrast(DARK_TEXT_COLORS[variable], background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['light', LIGHT_TEXT_COLORS],
    ['dark', DARK_TEXT_COLORS],
  ] as const)('%s: white on filled red buttons, hovered or not', (_scheme, colors) => {
    expect(contrast(WHITE, colors['--mantine-color-red-filled'])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(WHITE, colors['--mantine-color-red-filled-hover'])).toBeGreaterThanOrEqual(4.5);
  });

  it("Mantine's own defaults would not (so the overrides are needed)", () => {
    expect(contrast(palette.red[6], WHITE)).toBeLessThan(4.5);
    expect(contrast(palette.yellow[9], shade1Yellow ?? '')).toBeLessThan(4.5);
    expect(contrast(palette.red[8], DARK_BODY)).toBeLessThan(4.5);
  });
});
