import { queryOptions } from '@tanstack/react-query';
import type { Page } from '../http/client.ts';
import { limitConcurrency } from '../http/limit-concurrency.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { alyxKeys } from './keys.ts';
import type { AlyxRecord } from './record-queries.ts';

// Two at a time: the overview asks one count per endpoint (40 on a real Alyx).
const countSlots = limitConcurrency(2);

/** How many records an endpoint holds: a limit=1 page (shares its cache entry with reverse counts). */
export function endpointCountQuery(instance: InstanceConfig, endpoint: string) {
  const client = clientFor(instance);
  const params = { limit: '1' };
  return queryOptions({
    queryKey: alyxKeys.list(instance.name, endpoint, params),
    queryFn: ({ signal }): Promise<Page<AlyxRecord>> =>
      countSlots(() => client.listPage<AlyxRecord>(endpoint, params, { signal })),
    select: (page: Page<AlyxRecord>): number => page.count,
    staleTime: 60_000,
  });
}
