import { describe, expect, it } from 'vitest';
import { exportTimeLeft, formatTimeLeft } from './export-estimate.ts';

describe('exportTimeLeft', () => {
  it('extrapolates the rate so far', () => {
    expect(exportTimeLeft(1000, 5000, 2000)).toBe(8000);
  });
  it('has no estimate before a page or after the end', () => {
    expect(exportTimeLeft(0, 5000, 2000)).toBeNull();
    expect(exportTimeLeft(5000, 5000, 2000)).toBeNull();
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [null, 'estimating…'],
    [200, 'about 1 s left'],
    [40_000, 'about 40 s left'],
    [180_000, 'about 3 min left'],
    [3 * 3_600_000, 'about 3 h left'],
  ])('%j → %s', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});
