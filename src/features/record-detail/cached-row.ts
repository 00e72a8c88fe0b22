/**
 * A record view starts from the list row the user clicked: any cached list page of the endpoint
 * holding a row with this lookup serves as placeholder until the detail arrives.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Page } from '../../api/http/client.ts';
import { alyxKeys } from '../../api/queries/keys.ts';
import type { RecordData } from './values.ts';
import { lastSegment } from '../../api/http/alyx-urls.ts';

export function rowMatches(row: RecordData, lookup: string, lookupField: string | undefined): boolean {
  const candidates = [
    lookupField ? row[lookupField] : undefined,
    row['id'],
    typeof row['url'] === 'string' ? lastSegment(row['url']) : null,
  ];
  return candidates.some(
    (value) => (typeof value === 'string' || typeof value === 'number') && String(value) === lookup,
  );
}

function isPage(value: unknown): value is Page<RecordData> {
  return (
    value !== null && typeof value === 'object' && Array.isArray((value as { results?: unknown }).results)
  );
}

export function findCachedRow(
  queryClient: QueryClient,
  instance: string,
  endpoint: string,
  lookup: string,
  lookupField: string | undefined,
): RecordData | undefined {
  for (const [, data] of queryClient.getQueriesData({ queryKey: alyxKeys.lists(instance, endpoint) })) {
    if (!isPage(data)) continue;
    const row = data.results.find((candidate) => rowMatches(candidate, lookup, lookupField));
    if (row) return row;
  }
  return undefined;
}
