import { describe, expect, it } from 'vitest';
import type { InstanceConfig } from '../../api/instances.ts';
import {
  alyxFormOf,
  formatBytes,
  isLongText,
  parseJsonField,
  readableDatetime,
  valueShape,
} from './value-format.ts';

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

describe('value shapes', () => {
  it('tells empty lists, nulls, sizes and JSON apart', () => {
    expect(valueShape('projects', [])).toBe('empty-list');
    expect(valueShape('projects', ['a'])).toBe('list');
    expect(valueShape('extended_qc', null)).toBe('null');
    expect(valueShape('file_size', 1234567)).toBe('size');
    expect(valueShape('dataset_size', 10)).toBe('size');
    expect(valueShape('number', 3)).toBe('number');
    expect(valueShape('json', '{"a":1}')).toBe('json');
    expect(valueShape('narrative', '{"a":1}')).toBe('text');
    expect(valueShape('files', [{ a: 1 }])).toBe('json');
    expect(isLongText('a\nb')).toBe(true);
    expect(isLongText('short')).toBe(false);
  });
});

describe('readable forms', () => {
  it('formats byte counts in decimal units', () => {
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(250_000_000_000)).toBe('250 GB');
  });
  it('reads datetimes without T and microseconds, and leaves other text alone', () => {
    expect(readableDatetime('2024-03-01T14:02:11.123456')).toBe('2024-03-01 14:02:11');
    expect(readableDatetime('2024-03-01')).toBe('2024-03-01');
    expect(readableDatetime('not a date T.5')).toBe('not a date T.5');
  });
  it('shows proxied Alyx hyperlinks at the instance URL', () => {
    const proxied: InstanceConfig = {
      name: 'sandbox',
      url: 'https://alyx.example.org',
      proxy: true,
      baseUrl: '/api/sandbox',
    };
    expect(alyxFormOf('http://localhost:8080/api/sandbox/sessions/abc', proxied)).toBe(
      'https://alyx.example.org/sessions/abc',
    );
    expect(alyxFormOf('https://elsewhere.example/x', proxied)).toBe('https://elsewhere.example/x');
    expect(alyxFormOf('%E0%A4%A', proxied)).toBe('%E0%A4%A');
  });
});
