/** Limit/offset paging as Alyx does it (LimitOffsetPagination, default 250, capped at 1000). */

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

const integer = new Intl.NumberFormat('en-US');

/** "1–250 of 2,000"; "0 of 0" for an empty result. */
export function rangeLabel(offset: number, shown: number, count: number): string {
  if (shown === 0) return `0 of ${integer.format(count)}`;
  return `${integer.format(offset + 1)}–${integer.format(offset + shown)} of ${integer.format(count)}`;
}
