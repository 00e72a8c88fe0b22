import { describe, expect, it } from 'vitest';
import { isObjectArray, subTableColumns } from './values.ts';

describe('classifiers', () => {
  it('detects arrays of objects', () => {
    expect(isObjectArray([{ a: 1 }])).toBe(true);
    expect(isObjectArray(['a'])).toBe(false);
    expect(isObjectArray([])).toBe(false);
  });
  it('orders sub-table columns with nested values last', () => {
    expect(
      subTableColumns([
        { id: 1, files: [1], name: 'x' },
        { id: 2, qc: 'PASS' },
      ]),
    ).toEqual(['id', 'name', 'qc', 'files']);
  });
});
