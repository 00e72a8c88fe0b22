// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  RECENT_LIMIT,
  clearRecentRecords,
  readRecentRecords,
  rememberRecentRecord,
} from './recent-records.ts';

describe('recent records', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the most recent first, without duplicates, bounded, per instance', () => {
    for (let index = 0; index < RECENT_LIMIT + 5; index += 1)
      rememberRecentRecord('a', { endpoint: 'sessions', lookup: `s${index}` });
    rememberRecentRecord('a', { endpoint: 'sessions', lookup: 's10' });
    const list = readRecentRecords('a');
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]).toEqual({ endpoint: 'sessions', lookup: 's10' });
    expect(list.filter((item) => item.lookup === 's10')).toHaveLength(1);
    expect(readRecentRecords('b')).toEqual([]);
    clearRecentRecords('a');
    expect(readRecentRecords('a')).toEqual([]);
  });

  it('ignores hostile stored values and keeps only endpoint and lookup', () => {
    localStorage.setItem(
      'alyx-explorer:recent:a',
      JSON.stringify([
        { endpoint: 'subjects', lookup: 'KS005', token: 'secret' },
        { endpoint: 1, lookup: 'x' },
        null,
        { endpoint: 'x'.repeat(5000), lookup: 'y' },
      ]),
    );
    expect(readRecentRecords('a')).toEqual([{ endpoint: 'subjects', lookup: 'KS005' }]);
    localStorage.setItem('alyx-explorer:recent:a', '{not json');
    expect(readRecentRecords('a')).toEqual([]);
  });
});
