/** Limit/offset paging as Alyx does it (LimitOffsetPagination, default 250, capped at 1000). */
import type { QueryKey } from '@tanstack/react-query';
import { formatCount } from '../../lib/format.ts';

export const PAGE_SIZES = [25, 100, 250, 1000] as const;
const DEFAULT_LIMIT = 250;
const MAX_LIMIT = 1000;

export interface Paging {
  limit: number;
  offset: number;
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

/** What Alyx will do with the URL's limit/offset: bad limits fall back to 250, large ones clamp to 1000. */
export function readPaging(search: URLSearchParams): Paging {
  const rawLimit = positiveInt(search.get('limit'));
  const limit = rawLimit === null || rawLimit === 0 ? DEFAULT_LIMIT : Math.min(rawLimit, MAX_LIMIT);
  const offset = positiveInt(search.get('offset')) ?? 0;
  return { limit, offset };
}

/** A copy of `search` with new paging; offset 0 is dropped so first-page URLs stay short. */
export function withPaging(search: URLSearchParams, paging: Paging): URLSearchParams {
  const next = new URLSearchParams(search);
  next.set('limit', String(paging.limit));
  if (paging.offset > 0) next.set('offset', String(paging.offset));
  else next.delete('offset');
  return next;
}

export function lastOffset(count: number, limit: number): number {
  if (count <= 0) return 0;
  return Math.floor((count - 1) / limit) * limit;
}

export interface PageMoves {
  first: Paging | null;
  previous: Paging | null;
  next: Paging | null;
  last: Paging | null;
}

/** Where first/prev/next/last lead, or null when the move goes nowhere. */
export function pageMoves(paging: Paging, count: number): PageMoves {
  const { limit, offset } = paging;
  const end = lastOffset(count, limit);
  const atStart = offset <= 0;
  const atEnd = offset + limit >= count;
  return {
    first: atStart ? null : { limit, offset: 0 },
    previous: atStart ? null : { limit, offset: Math.max(0, offset - limit) },
    next: atEnd ? null : { limit, offset: offset + limit },
    last: atEnd ? null : { limit, offset: end },
  };
}

/** "1–250 of 2,000"; "0 of 0" for an empty result. */
export function rangeLabel(offset: number, shown: number, count: number): string {
  if (shown === 0) return `0 of ${formatCount(count)}`;
  return `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(count)}`;
}

const PAGING_KEYS = new Set(['limit', 'offset']);

function withoutPaging(params: unknown): string | null {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  const kept = Object.entries(params as Record<string, unknown>)
    .filter(([key]) => !PAGING_KEYS.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(kept);
}

/**
 * True when two list keys (`['alyx', instance, endpoint, 'list', params]`) differ at most in
 * limit/offset: the same endpoint and the same filters, another page.
 */
export function samePageFamily(a: QueryKey, b: QueryKey): boolean {
  if (a.length !== 5 || b.length !== 5 || a[3] !== 'list' || b[3] !== 'list') return false;
  if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]) return false;
  const left = withoutPaging(a[4]);
  return left !== null && left === withoutPaging(b[4]);
}

/**
 * `placeholderData` for a list page: the previous page stays on screen only while paging the same
 * endpoint and filters; another endpoint or query shows a loading state, never foreign rows.
 */
export function keepWhilePaging(currentKey: QueryKey) {
  return <T>(previous: T | undefined, previousQuery: { queryKey: QueryKey } | undefined): T | undefined =>
    previous !== undefined &&
    previousQuery !== undefined &&
    samePageFamily(previousQuery.queryKey, currentKey)
      ? previous
      : undefined;
}
