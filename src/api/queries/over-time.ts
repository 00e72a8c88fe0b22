import { queryOptions } from '@tanstack/react-query';
import type { AlyxClient } from '../http/client.ts';
import { limitConcurrency } from '../http/limit-concurrency.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import {
  add,
  bucketsBetween,
  fittingUnit,
  bucketPair,
  MAX_BUCKETS,
  TIME_UNITS,
  withDjangoPair,
  type TimeUnit,
} from '../time-buckets.ts';
import { alyxKeys } from './keys.ts';

export interface BucketCount {
  start: Date;
  end: Date;
  count: number;
}

export interface RecordsOverTime {
  /** Records with a value in the field (nulls have no place on the time axis). */
  total: number;
  unit: TimeUnit;
  /** Units that show the span in at most MAX_BUCKETS bars. */
  units: TimeUnit[];
  buckets: BucketCount[];
}

export interface OverTimeRequest {
  endpoint: string;
  search: URLSearchParams;
  field: string;
  kind: 'date' | 'datetime';
  /** `auto`: the finest unit that fits the data's span. */
  unit: TimeUnit | 'auto';
}

/** The list's own `django=` already ranges over the field in every way a bucket could. */
export class OverTimeConflict extends Error {
  constructor(readonly field: string) {
    super(
      `This list's django= filter already uses ${field}__range, __gte and __lt; remove one to count it over time.`,
    );
  }
}

const EARLIEST = new Date(Date.UTC(1900, 0, 1));
const LATEST = new Date(Date.UTC(2100, 0, 1));
const MONTHS = (2100 - 1900) * 12;

async function countIn(
  client: AlyxClient,
  request: OverTimeRequest,
  start: Date,
  end: Date,
  signal: AbortSignal,
): Promise<number> {
  const pair = bucketPair(request.field, request.kind, start, end, request.search.get('django'));
  if (pair === null) throw new OverTimeConflict(request.field);
  const params = withDjangoPair(request.search, pair);
  params.set('limit', '1');
  return (await client.listPage(request.endpoint, params, { signal })).count;
}

/** The first month index (0 = Jan 1900) for which `holds` is true; `holds` must be monotonic. */
async function firstMonth(holds: (month: number) => Promise<boolean>): Promise<number> {
  let low = 0;
  let high = MONTHS;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (await holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

const monthStart = (index: number) => add('month', EARLIEST, index);

/**
 * How many records of a filtered list fall in each day, week, month or year of a date field:
 * count requests only (limit=1), so it costs the same on 100 rows as on a million. The span is
 * found by bisecting on months (about 16 requests), then one count per bucket, two at a time.
 */
export async function countRecordsOverTime(
  client: AlyxClient,
  request: OverTimeRequest,
  signal: AbortSignal,
): Promise<RecordsOverTime> {
  const total = await countIn(client, request, EARLIEST, LATEST, signal);
  if (total === 0) return { total, unit: 'month', units: [], buckets: [] };
  // First month whose end has some records before it; first month from which none remain after.
  const first = await firstMonth(
    async (m) => (await countIn(client, request, EARLIEST, monthStart(m + 1), signal)) > 0,
  );
  const afterLast = await firstMonth(
    async (m) => m > first && (await countIn(client, request, monthStart(m), LATEST, signal)) === 0,
  );
  const from = monthStart(first);
  const to = new Date(monthStart(afterLast).getTime() - 1);
  const units = TIME_UNITS.filter((unit) => bucketsBetween(from, to, unit).length <= MAX_BUCKETS);
  const unit = request.unit !== 'auto' && units.includes(request.unit) ? request.unit : fittingUnit(from, to);
  const slots = limitConcurrency(2);
  const buckets = await Promise.all(
    bucketsBetween(from, to, unit).map(({ start, end }) =>
      slots(async () => ({ start, end, count: await countIn(client, request, start, end, signal) })),
    ),
  );
  return { total, unit, units, buckets: trimEmptyEnds(buckets, unit) };
}

/** Month-resolution bisection leaves empty days or weeks at both ends; the chart starts at the data. */
function trimEmptyEnds(buckets: BucketCount[], unit: TimeUnit): BucketCount[] {
  if (unit === 'month' || unit === 'year') return buckets;
  const first = buckets.findIndex((bucket) => bucket.count > 0);
  const last = buckets.findLastIndex((bucket) => bucket.count > 0);
  return first < 0 ? buckets : buckets.slice(first, last + 1);
}

export function recordsOverTimeQuery(instance: InstanceConfig, request: OverTimeRequest) {
  const client = clientFor(instance);
  const search = new URLSearchParams(request.search);
  search.delete('limit');
  search.delete('offset');
  // One cache entry for one query, whatever order its parameters came in.
  search.sort();
  const { endpoint, field, kind, unit } = request;
  // The client follows from the instance, whose name is in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: alyxKeys.overTime(instance.name, endpoint, { query: search.toString(), field, kind, unit }),
    queryFn: ({ signal }) => countRecordsOverTime(client, { endpoint, search, field, kind, unit }, signal),
    staleTime: 60_000,
  });
}
