import { describe, expect, it } from 'vitest';
import { isLongText, isObjectArray, parseJsonField, subTableColumns } from './values.ts';

describe('parseJsonField', () => {
  it('unwraps a double-encoded JSON string', () => {
    expect(parseJsonField('{\n "lat": 38.69,\n "lng": -9.22\n}')).toEqual({
      value: { lat: 38.69, lng: -9.22 },
      doubleEncoded: true,
    });
  });
  it('leaves objects, null and non-JSON strings alone', () => {
    expect(parseJsonField({ a: 1 })).toEqual({ value: { a: 1 }, doubleEncoded: false });
    expect(parseJsonField(null)).toEqual({ value: null, doubleEncoded: false });
    expect(parseJsonField('{not json')).toEqual({ value: '{not json', doubleEncoded: false });
  });
});

describe('classifiers', () => {
  it('detects arrays of objects and long text', () => {
    expect(isObjectArray([{ a: 1 }])).toBe(true);
    expect(isObjectArray(['a'])).toBe(false);
    expect(isObjectArray([])).toBe(false);
    expect(isLongText('a\nb')).toBe(true);
    expect(isLongText('short')).toBe(false);
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
