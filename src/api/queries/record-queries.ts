import { queryOptions } from '@tanstack/react-query';
import type { Page } from '../http/client.ts';
import { normalizeParams, type NormalizedParams, type ParamsInput } from '../http/params.ts';
import { alyxPathFor } from '../schema/endpoint-for-path.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { alyxKeys } from './keys.ts';

export type AlyxRecord = Record<string, unknown>;

/** One page of `GET /{endpoint}?{params}`. Pass `placeholderData: keepPreviousData` from the view when paging. */
export function listQuery(instance: InstanceConfig, endpoint: string, params?: ParamsInput) {
  const normalized = normalizeParams(params);
  const client = clientFor(instance);
  return queryOptions({
    queryKey: alyxKeys.list(instance.name, endpoint, normalized),
    queryFn: ({ signal }): Promise<Page<AlyxRecord>> =>
      client.listPage<AlyxRecord>(endpoint, normalized, { signal }),
  });
}

/** `GET /{endpoint}/{lookup}`. */
export function detailQuery(instance: InstanceConfig, endpoint: string, lookup: string | number) {
  const client = clientFor(instance);
  return queryOptions({
    queryKey: alyxKeys.detail(instance.name, endpoint, lookup),
    queryFn: ({ signal }): Promise<AlyxRecord> =>
      client.get<AlyxRecord>(alyxPathFor(endpoint, lookup), undefined, { signal }),
  });
}

/** How many records match (e.g. "12 datasets" for a session): a limit=1 page, selecting `count`. */
export function reverseCountQuery(instance: InstanceConfig, endpoint: string, params?: ParamsInput) {
  const normalized: NormalizedParams = { ...normalizeParams(params), limit: '1' };
  delete normalized['offset'];
  const client = clientFor(instance);
  return queryOptions({
    queryKey: alyxKeys.list(instance.name, endpoint, normalized),
    queryFn: ({ signal }): Promise<Page<AlyxRecord>> =>
      client.listPage<AlyxRecord>(endpoint, normalized, { signal }),
    select: (page: Page<AlyxRecord>): number => page.count,
    staleTime: 60_000,
  });
}
