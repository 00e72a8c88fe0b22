import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { listQuery } from '../../api/queries/record-queries.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { findCachedRow, rowMatches } from './cached-row.ts';

const sandbox: InstanceConfig = {
  name: 'sandbox',
  url: 'http://127.0.0.1:8000',
  proxy: true,
  baseUrl: '/api/sandbox',
};

describe('findCachedRow', () => {
  it('finds the row in any cached list page of the endpoint', () => {
    const client = new QueryClient();
    client.setQueryData(listQuery(sandbox, 'sessions', { subject: 'KS005' }).queryKey, {
      count: 2,
      next: null,
      previous: null,
      results: [
        { id: 'a', subject: 'KS005' },
        { id: 'b', subject: 'KS005' },
      ],
    });
    client.setQueryData(listQuery(sandbox, 'subjects').queryKey, {
      count: 1,
      next: null,
      previous: null,
      results: [{ id: 'b' }],
    });
    expect(findCachedRow(client, 'sandbox', 'sessions', 'b', 'id')).toEqual({ id: 'b', subject: 'KS005' });
    expect(findCachedRow(client, 'sandbox', 'sessions', 'zzz', 'id')).toBeUndefined();
    expect(findCachedRow(client, 'other', 'sessions', 'b', 'id')).toBeUndefined();
  });
});

describe('rowMatches', () => {
  it('matches by lookup field, id, or the url tail', () => {
    expect(rowMatches({ nickname: 'KS005' }, 'KS005', 'nickname')).toBe(true);
    expect(rowMatches({ url: 'http://x/api/sandbox/datasets/abc' }, 'abc', 'id')).toBe(true);
    expect(rowMatches({ id: 7 }, '7', 'id')).toBe(true);
    expect(rowMatches({ id: 'x' }, 'y', 'id')).toBe(false);
  });
});
