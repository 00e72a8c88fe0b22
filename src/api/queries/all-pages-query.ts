import { queryOptions } from '@tanstack/react-query';
import type { ParamsInput } from '../http/params.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { alyxKeys } from './keys.ts';
import type { AlyxRecord } from './record-queries.ts';

/** Alyx's largest page (`LimitedLimitOffsetPagination.max_limit`). */
const PAGE_SIZE = 1000;

export interface AllPages {
  rows: AlyxRecord[];
  /** The list went on past `maxPages` pages; `rows` holds the first ones only. */
  truncated: boolean;
}

/**
 * Every record of a filtered list, pages asked one after another (never in parallel: large
 * parallel pages have brought real Alyx servers down), stopping after `maxPages`.
 */
export function allPagesQuery(
  instance: InstanceConfig,
  endpoint: string,
  params: Readonly<Record<string, string>>,
  maxPages = 20,
) {
  const client = clientFor(instance);
  const query: ParamsInput = { ...params, limit: String(PAGE_SIZE) };
  return queryOptions({
    queryKey: alyxKeys.allPages(instance.name, endpoint, { ...query, maxPages: String(maxPages) }),
    queryFn: async ({ signal }): Promise<AllPages> => {
      let truncated = false;
      const rows = await client.listAll<AlyxRecord>(endpoint, query, {
        signal,
        maxPages,
        onPage: (page, index) => {
          truncated = index === maxPages - 1 && page.next !== null;
        },
      });
      return { rows, truncated };
    },
    staleTime: 60_000,
  });
}
