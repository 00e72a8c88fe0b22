import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../api/schema/model.ts';
import type { HistoryEntry } from '../../lib/request-history.ts';
import { filterHistory } from './history-filter.ts';
import { consoleRequestFor, viewPathFor } from './history-links.ts';

const base = { at: 1, durationMs: 1, sizeBytes: 1 };
const entries: HistoryEntry[] = [
  { ...base, method: 'GET', path: '/sessions?subject=KS005', status: 200 },
  { ...base, method: 'PATCH', path: '/subjects/KS005', status: 400, body: '{"description":"x"}' },
  { ...base, method: 'GET', path: '/subjects/KS005', status: 404 },
  { ...base, method: 'DELETE', path: '/sessions/abc', status: 503 },
  { ...base, method: 'GET', path: '/users', status: 'network error' },
];
const paths = (list: HistoryEntry[]): string[] => list.map((entry) => `${entry.method} ${entry.path}`);

describe('filterHistory', () => {
  it('matches every word: method words, statuses, status classes and path text', () => {
    expect(filterHistory(entries, '')).toHaveLength(entries.length);
    expect(paths(filterHistory(entries, 'patch'))).toEqual(['PATCH /subjects/KS005']);
    expect(paths(filterHistory(entries, '404'))).toEqual(['GET /subjects/KS005']);
    expect(paths(filterHistory(entries, '4xx'))).toEqual(['PATCH /subjects/KS005', 'GET /subjects/KS005']);
    expect(paths(filterHistory(entries, 'get ks005'))).toEqual([
      'GET /sessions?subject=KS005',
      'GET /subjects/KS005',
    ]);
    expect(paths(filterHistory(entries, 'network'))).toEqual(['GET /users']);
    expect(filterHistory(entries, 'sessions 2xx 5xx')).toEqual([]);
    expect(filterHistory(entries, '<script>')).toEqual([]);
  });
});

describe('history links', () => {
  const model = {
    endpoints: {
      sessions: { browsable: true },
      subjects: { browsable: true },
      'register-file': { browsable: false },
    },
    sources: [],
  } as unknown as ApiModel;

  it('reopens an entry in the console with its query and stored body', () => {
    expect(consoleRequestFor(entries[0] as HistoryEntry)).toEqual({
      method: 'GET',
      path: '/sessions',
      query: 'subject=KS005',
    });
    expect(consoleRequestFor(entries[1] as HistoryEntry)).toEqual({
      method: 'PATCH',
      path: '/subjects/KS005',
      body: '{"description":"x"}',
    });
  });

  it('offers an explorer view only for GETs of endpoints the model knows and browses', () => {
    expect(viewPathFor('sandbox', entries[0] as HistoryEntry, model)).toBe('/sandbox/sessions?subject=KS005');
    expect(viewPathFor('sandbox', entries[2] as HistoryEntry, model)).toBe('/sandbox/subjects/KS005');
    expect(viewPathFor('sandbox', entries[1] as HistoryEntry, model)).toBeNull();
    expect(viewPathFor('sandbox', entries[4] as HistoryEntry, model)).toBeNull();
    expect(viewPathFor('sandbox', entries[0] as HistoryEntry, undefined)).toBeNull();
    const hostile = (path: string): HistoryEntry => ({ ...base, method: 'GET', path, status: 200 });
    expect(viewPathFor('sandbox', hostile('/constructor'), model)).toBeNull();
    expect(viewPathFor('sandbox', hostile('/__proto__/x'), model)).toBeNull();
    expect(viewPathFor('sandbox', hostile('/register-file'), model)).toBeNull();
    expect(viewPathFor('sandbox', hostile('/a/b/c'), model)).toBeNull();
  });
});
