import { describe, expect, it } from 'vitest';
import { alyxKeys } from '../../api/queries/keys.ts';
import {
  keepWhilePaging,
  lastOffset,
  pageMoves,
  rangeLabel,
  readPaging,
  samePageFamily,
  withPaging,
} from './paging.ts';

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

describe('samePageFamily / keepWhilePaging', () => {
  const key = (endpoint: string, query: string) =>
    alyxKeys.list('sandbox', endpoint, new URLSearchParams(query));
  it('keeps the previous page only for another page of the same endpoint and filters', () => {
    expect(
      samePageFamily(key('sessions', 'lab=a&limit=25'), key('sessions', 'offset=25&limit=25&lab=a')),
    ).toBe(true);
    expect(samePageFamily(key('sessions', 'limit=25'), key('sessions', 'limit=100'))).toBe(true);
    expect(samePageFamily(key('subjects', 'limit=25'), key('projects', 'limit=25'))).toBe(false);
    expect(samePageFamily(key('sessions', 'lab=a'), key('sessions', 'lab=b'))).toBe(false);
    expect(samePageFamily(key('sessions', ''), key('sessions', 'lab=a'))).toBe(false);
    expect(samePageFamily(alyxKeys.list('a', 'sessions'), alyxKeys.list('b', 'sessions'))).toBe(false);
  });
  it('gives no placeholder for a foreign previous query', () => {
    const previous = { count: 200, results: [] };
    const keep = keepWhilePaging(key('projects', ''));
    expect(keep(previous, { queryKey: key('subjects', '') })).toBeUndefined();
    expect(keep(previous, { queryKey: key('projects', 'offset=250') })).toBe(previous);
    expect(keep(undefined, undefined)).toBeUndefined();
  });
});
