import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort.ts';

describe('sortRows', () => {
  const rows = [
    { n: 10, s: 'b2' },
    { n: null, s: 'b10' },
    { n: 2, s: 'a' },
    { n: 10, s: null },
  ];
  it('sorts numbers numerically with empties last', () => {
    expect(sortRows(rows, { column: 'n', direction: 'asc' }).map((r) => r.n)).toEqual([2, 10, 10, null]);
    expect(sortRows(rows, { column: 'n', direction: 'desc' }).map((r) => r.n)).toEqual([10, 10, 2, null]);
  });
  it('sorts text naturally (b2 before b10)', () => {
    expect(sortRows(rows, { column: 's', direction: 'asc' }).map((r) => r.s)).toEqual([
      'a',
      'b2',
      'b10',
      null,
    ]);
  });
  it('leaves the page order alone without a sort', () => {
    expect(sortRows(rows, null)).toEqual(rows);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, none', () => {
    const asc = nextSort(null, 'n');
    expect(asc).toEqual({ column: 'n', direction: 'asc' });
    expect(nextSort(asc, 'n')).toEqual({ column: 'n', direction: 'desc' });
    expect(nextSort({ column: 'n', direction: 'desc' }, 'n')).toBeNull();
  });
});
