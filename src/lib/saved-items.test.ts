// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_NAME_LENGTH,
  PIN_LIMIT,
  SAVED_QUERY_LIMIT,
  defaultQueryName,
  findPin,
  findSavedQuery,
  pinId,
  pinRecord,
  readPinnedRecords,
  readSavedQueries,
  removeSavedQuery,
  renamePin,
  renameSavedQuery,
  saveQuery,
  savedQueryId,
  unpinRecord,
} from './saved-items.ts';

const QUERIES_KEY = 'alyx-explorer:saved-queries:a';
const PINS_KEY = 'alyx-explorer:pins:a';

describe('saved queries', () => {
  beforeEach(() => localStorage.clear());

  it('saves under a typed name or a default one from the endpoint and filters, newest first', () => {
    expect(saveQuery('a', { endpoint: 'sessions', query: 'subject=KS005&limit=25', name: '' }, 1)).toBe(
      'saved',
    );
    expect(saveQuery('a', { endpoint: 'subjects', query: '', name: '  My   mice ' }, 2)).toBe('saved');
    expect(readSavedQueries('a')).toEqual([
      { name: 'My mice', endpoint: 'subjects', query: '', savedAt: 2 },
      { name: 'sessions · subject=KS005', endpoint: 'sessions', query: 'subject=KS005&limit=25', savedAt: 1 },
    ]);
    expect(defaultQueryName('subjects', '')).toBe('subjects · all');
    expect(defaultQueryName('datasets', 'django=name__icontains,trials&offset=50')).toBe(
      'datasets · django=name__icontains,trials',
    );
    expect(defaultQueryName('sessions', `subject=${'x'.repeat(500)}`)).toHaveLength(MAX_NAME_LENGTH);
  });

  it('keeps one entry per endpoint and query, whatever the order of its keys; saving again renames', () => {
    saveQuery('a', { endpoint: 'sessions', query: 'subject=KS005&number=1', name: 'first' });
    expect(saveQuery('a', { endpoint: 'sessions', query: 'number=1&subject=KS005', name: 'second' })).toBe(
      'renamed',
    );
    const list = readSavedQueries('a');
    expect(list).toHaveLength(1);
    expect(list[0]?.name).toBe('second');
    expect(list[0]?.query).toBe('subject=KS005&number=1');
    expect(findSavedQuery(list, 'sessions', '?number=1&subject=KS005')?.name).toBe('second');
    expect(findSavedQuery(list, 'subjects', 'number=1&subject=KS005')).toBeUndefined();
    expect(findSavedQuery(list, 'sessions', 'subject=KS005')).toBeUndefined();
  });

  it('renames and removes by id; a blank rename is refused', () => {
    saveQuery('a', { endpoint: 'sessions', query: 'subject=KS005', name: 'x' });
    const id = savedQueryId('sessions', 'subject=KS005');
    expect(renameSavedQuery('a', id, '   ')).toBe(false);
    expect(renameSavedQuery('a', id, 'KS005 sessions')).toBe(true);
    expect(readSavedQueries('a')[0]?.name).toBe('KS005 sessions');
    expect(renameSavedQuery('a', 'nope?', 'y')).toBe(false);
    expect(removeSavedQuery('a', id)).toBe(true);
    expect(readSavedQueries('a')).toEqual([]);
    expect(localStorage.getItem(QUERIES_KEY)).toBeNull();
  });

  it('never stores a secret-named query value', () => {
    saveQuery('a', { endpoint: 'sessions', query: 'subject=KS005&token=abc&api_key=def&password=ghi' });
    const stored = localStorage.getItem(QUERIES_KEY) ?? '';
    expect(stored).not.toMatch(/abc|def|ghi|token|api_key|password/);
    expect(readSavedQueries('a')[0]?.query).toBe('subject=KS005');
  });

  it('is bounded: the list refuses a query beyond the limit instead of dropping an old one', () => {
    for (let index = 0; index < SAVED_QUERY_LIMIT; index += 1)
      expect(saveQuery('a', { endpoint: 'sessions', query: `number=${index}` })).toBe('saved');
    expect(saveQuery('a', { endpoint: 'sessions', query: 'number=999' })).toBe('full');
    expect(readSavedQueries('a')).toHaveLength(SAVED_QUERY_LIMIT);
    // Renaming one already saved still works when full.
    expect(saveQuery('a', { endpoint: 'sessions', query: 'number=0', name: 'zero' })).toBe('renamed');
    expect(saveQuery('a', { endpoint: 'sessions', query: `subject=${'x'.repeat(3000)}` })).toBe('invalid');
    expect(saveQuery('a', { endpoint: '', query: 'subject=x' })).toBe('invalid');
    const long = 'n'.repeat(MAX_NAME_LENGTH * 3);
    renameSavedQuery('a', savedQueryId('sessions', 'number=0'), long);
    expect(readSavedQueries('a').find((item) => item.query === 'number=0')?.name).toHaveLength(
      MAX_NAME_LENGTH,
    );
  });

  it('keeps instances apart', () => {
    saveQuery('a', { endpoint: 'sessions', query: 'subject=KS005' });
    saveQuery('b', { endpoint: 'subjects', query: '' });
    expect(readSavedQueries('a').map((item) => item.endpoint)).toEqual(['sessions']);
    expect(readSavedQueries('b').map((item) => item.endpoint)).toEqual(['subjects']);
    expect(readSavedQueries('c')).toEqual([]);
  });

  it('checks hostile stored JSON: drops what is not an entry, cleans the rest, dedupes, bounds', () => {
    localStorage.setItem(
      QUERIES_KEY,
      JSON.stringify([
        { name: '<img src=x onerror=alert(1)>', endpoint: 'sessions', query: 'subject=KS005', savedAt: 5 },
        { name: 'dup', endpoint: 'sessions', query: 'subject=KS005', savedAt: 4 },
        { name: 'has a token', endpoint: 'subjects', query: 'token=secret&lab=cortexlab', savedAt: 3 },
        { name: 'line\nbreak\u0000', endpoint: 'labs', query: '', savedAt: 2, extra: 'dropped' },
        { name: '', endpoint: 'users', query: 'limit=5', savedAt: 1 },
        { name: 'no endpoint', query: 'a=b', savedAt: 1 },
        { name: 7, endpoint: 'x', query: '', savedAt: 1 },
        { name: 'bad time', endpoint: 'x', query: '', savedAt: -1 },
        { name: 'huge', endpoint: 'x', query: 'q='.padEnd(5000, 'y'), savedAt: 1 },
        { name: 'long endpoint', endpoint: 'e'.repeat(500), query: '', savedAt: 1 },
        null,
        ['sessions'],
        'sessions',
      ]),
    );
    expect(readSavedQueries('a')).toEqual([
      { name: '<img src=x onerror=alert(1)>', endpoint: 'sessions', query: 'subject=KS005', savedAt: 5 },
      { name: 'has a token', endpoint: 'subjects', query: 'lab=cortexlab', savedAt: 3 },
      { name: 'line break', endpoint: 'labs', query: '', savedAt: 2 },
      { name: 'users · all', endpoint: 'users', query: 'limit=5', savedAt: 1 },
    ]);
    for (const raw of ['{not json', '{"a":1}', 'null', '42', '"text"']) {
      localStorage.setItem(QUERIES_KEY, raw);
      expect(readSavedQueries('a')).toEqual([]);
    }
    localStorage.setItem(
      QUERIES_KEY,
      JSON.stringify(
        Array.from({ length: SAVED_QUERY_LIMIT + 50 }, (_, index) => ({
          name: `q${index}`,
          endpoint: 'sessions',
          query: `number=${index}`,
          savedAt: index,
        })),
      ),
    );
    expect(readSavedQueries('a')).toHaveLength(SAVED_QUERY_LIMIT);
  });

  it('returns the same list object while the stored text is unchanged', () => {
    saveQuery('a', { endpoint: 'sessions', query: 'subject=KS005' });
    expect(readSavedQueries('a')).toBe(readSavedQueries('a'));
  });
});

describe('pinned records', () => {
  beforeEach(() => localStorage.clear());

  it('pins with the title, toggles off, renames, and keeps one entry per record', () => {
    expect(pinRecord('a', { endpoint: 'subjects', lookup: 'KS005', name: 'KS005' }, 1)).toBe('saved');
    expect(pinRecord('a', { endpoint: 'sessions', lookup: 'u-1', name: 'KS005 · 2024-01-02 · 001' }, 2)).toBe(
      'saved',
    );
    expect(pinRecord('a', { endpoint: 'subjects', lookup: 'KS005', name: 'again' })).toBe('renamed');
    const pins = readPinnedRecords('a');
    expect(pins.map((pin) => pin.lookup)).toEqual(['u-1', 'KS005']);
    expect(findPin(pins, 'subjects', 'KS005')?.name).toBe('again');
    expect(renamePin('a', pinId('sessions', 'u-1'), 'my session')).toBe(true);
    expect(readPinnedRecords('a')[0]?.name).toBe('my session');
    expect(unpinRecord('a', 'subjects', 'KS005')).toBe(true);
    expect(unpinRecord('a', 'subjects', 'KS005')).toBe(false);
    expect(readPinnedRecords('a').map((pin) => pin.lookup)).toEqual(['u-1']);
    expect(readPinnedRecords('b')).toEqual([]);
  });

  it('falls back to the lookup for a blank title and refuses beyond the limit', () => {
    pinRecord('a', { endpoint: 'subjects', lookup: 'KS005', name: ' \n ' });
    expect(readPinnedRecords('a')[0]?.name).toBe('KS005');
    for (let index = 1; index < PIN_LIMIT; index += 1)
      expect(pinRecord('a', { endpoint: 'sessions', lookup: `s${index}`, name: 'x' })).toBe('saved');
    expect(pinRecord('a', { endpoint: 'sessions', lookup: 'one-more', name: 'x' })).toBe('full');
    expect(pinRecord('a', { endpoint: 'sessions', lookup: 'l'.repeat(500), name: 'x' })).toBe('invalid');
  });

  it('checks hostile stored JSON', () => {
    localStorage.setItem(
      PINS_KEY,
      JSON.stringify([
        { name: '<script>alert(1)</script>', endpoint: 'subjects', lookup: 'KS005', pinnedAt: 1, token: 'x' },
        { name: 'dup', endpoint: 'subjects', lookup: 'KS005', pinnedAt: 1 },
        { name: 'no lookup', endpoint: 'subjects', lookup: '', pinnedAt: 1 },
        { name: 'n', endpoint: 'subjects', lookup: 5, pinnedAt: 1 },
        { name: 'n', endpoint: 'subjects', lookup: 'x', pinnedAt: 'yesterday' },
        { endpoint: 'subjects', lookup: 'y', pinnedAt: 1 },
      ]),
    );
    expect(readPinnedRecords('a')).toEqual([
      { name: '<script>alert(1)</script>', endpoint: 'subjects', lookup: 'KS005', pinnedAt: 1 },
    ]);
    localStorage.setItem(PINS_KEY, '[[[[');
    expect(readPinnedRecords('a')).toEqual([]);
  });
});
