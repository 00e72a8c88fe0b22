import { splitOutsideBrackets } from './django-split.ts';

/**
 * Calendar buckets for "records over time", and the `django=` range filters that count them.
 * Dates are naive calendar dates, as Alyx stores them (the lab's clock); all arithmetic is in UTC
 * so no time zone or daylight-saving shift moves a bucket edge.
 */

export type TimeUnit = 'day' | 'week' | 'month' | 'year';
export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month', 'year'];
/** More bars than this are unreadable at 800 px and cost one count request each. */
export const MAX_BUCKETS = 60;

export interface Bucket {
  /** Inclusive start, UTC midnight. */
  start: Date;
  /** Exclusive end, UTC midnight. */
  end: Date;
}

const DAY = 86_400_000;

export function startOf(unit: TimeUnit, date: Date): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (unit === 'year') return new Date(Date.UTC(y, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(y, m, 1));
  const day = new Date(Date.UTC(y, m, d));
  if (unit === 'day') return day;
  // ISO weeks start on Monday.
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

export function add(unit: TimeUnit, date: Date, count: number): Date {
  if (unit === 'day') return new Date(date.getTime() + count * DAY);
  if (unit === 'week') return new Date(date.getTime() + count * 7 * DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  return unit === 'month' ? new Date(Date.UTC(y, m + count, 1)) : new Date(Date.UTC(y + count, 0, 1));
}

export function bucketsBetween(first: Date, last: Date, unit: TimeUnit): Bucket[] {
  const buckets: Bucket[] = [];
  for (let start = startOf(unit, first); start <= last && buckets.length <= MAX_BUCKETS;) {
    const end = add(unit, start, 1);
    buckets.push({ start, end });
    start = end;
  }
  return buckets;
}

/** The finest unit that shows the span in at most MAX_BUCKETS bars. */
export function fittingUnit(first: Date, last: Date): TimeUnit {
  for (const unit of TIME_UNITS) if (bucketsBetween(first, last, unit).length <= MAX_BUCKETS) return unit;
  return 'year';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * `field__range` over [start, end) as Alyx's `django=` takes it (a Python tuple it evaluates).
 * `range` is inclusive, so a datetime range ends a microsecond before the next bucket.
 */
export function rangePair(field: string, kind: 'date' | 'datetime', start: Date, end: Date): string {
  if (kind === 'date')
    return `${field}__range,('${isoDay(start)}','${isoDay(new Date(end.getTime() - DAY))}')`;
  return `${field}__range,('${isoDay(start)}T00:00:00','${isoDay(new Date(end.getTime() - DAY))}T23:59:59.999999')`;
}

/** The keys of a `django=` value (`~` kept), split as Alyx splits it. */
export function djangoKeys(django: string): string[] {
  return splitOutsideBrackets(django).filter((_, index) => index % 2 === 0);
}

/**
 * The filter for [start, end) that does not repeat a key of the list's own `django=` (Alyx
 * refuses a duplicate key): a `__range`, or else `__gte` and `__lt` (a bucket's own list has
 * the range already); null when the list uses all three keys.
 */
export function bucketPair(
  field: string,
  kind: 'date' | 'datetime',
  start: Date,
  end: Date,
  ownDjango: string | null,
): string | null {
  const keys = new Set(ownDjango ? djangoKeys(ownDjango) : []);
  if (!keys.has(`${field}__range`)) return rangePair(field, kind, start, end);
  if (keys.has(`${field}__gte`) || keys.has(`${field}__lt`)) return null;
  const at = (date: Date) => (kind === 'date' ? isoDay(date) : `${isoDay(date)}T00:00:00`);
  return `${field}__gte,${at(start)},${field}__lt,${at(end)}`;
}

/** The list's own query with one more `django=` pair, without paging. */
export function withDjangoPair(search: URLSearchParams, pair: string): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('limit');
  next.delete('offset');
  const own = next.get('django');
  next.set('django', own ? `${own},${pair}` : pair);
  return next;
}

export function bucketLabel(bucket: Bucket, unit: TimeUnit): string {
  const day = isoDay(bucket.start);
  if (unit === 'year') return day.slice(0, 4);
  if (unit === 'month') return day.slice(0, 7);
  if (unit === 'week') return `week of ${day}`;
  return day;
}
