import { describe, expect, it } from 'vitest';
import { lastOffset, pageMoves, rangeLabel, readPaging, withPaging } from './paging.ts';

describe('readPaging', () => {
  it('defaults to Alyx page size and offset 0', () => {
    expect(readPaging(new URLSearchParams(''))).toEqual({ limit: 250, offset: 0 });
  });
  it('clamps to 1000 and falls back on bad values like DRF', () => {
    expect(readPaging(new URLSearchParams('limit=5000&offset=20'))).toEqual({ limit: 1000, offset: 20 });
    expect(readPaging(new URLSearchParams('limit=0'))).toEqual({ limit: 250, offset: 0 });
    expect(readPaging(new URLSearchParams('limit=abc&offset=-3'))).toEqual({ limit: 250, offset: 0 });
  });
});

describe('withPaging', () => {
  it('keeps filters and drops a zero offset', () => {
    const next = withPaging(new URLSearchParams('subject=KS005&offset=500'), { limit: 100, offset: 0 });
    expect(next.toString()).toBe('subject=KS005&limit=100');
  });
});

describe('page moves', () => {
  it('computes the last page offset', () => {
    expect(lastOffset(2000, 250)).toBe(1750);
    expect(lastOffset(2001, 250)).toBe(2000);
    expect(lastOffset(0, 250)).toBe(0);
  });
  it('offers no moves past either end', () => {
    expect(pageMoves({ limit: 250, offset: 0 }, 100)).toEqual({
      first: null,
      previous: null,
      next: null,
      last: null,
    });
    const middle = pageMoves({ limit: 250, offset: 250 }, 1000);
    expect(middle.previous).toEqual({ limit: 250, offset: 0 });
    expect(middle.next).toEqual({ limit: 250, offset: 500 });
    expect(middle.last).toEqual({ limit: 250, offset: 750 });
  });
});

describe('rangeLabel', () => {
  it('formats the shown range with thousands separators', () => {
    expect(rangeLabel(0, 250, 2000)).toBe('1–250 of 2,000');
    expect(rangeLabel(1750, 250, 2000)).toBe('1,751–2,000 of 2,000');
    expect(rangeLabel(0, 0, 0)).toBe('0 of 0');
  });
});
