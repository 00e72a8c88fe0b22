import { rewriteQuery } from './urls.ts';

export const DEFAULT_LIMIT = 250;
export const MAX_LIMIT = 1000;

function positiveInt(raw: string | null, strict: boolean): number | undefined {
  if (raw === null || !/^\s*[+-]?\d+\s*$/.test(raw)) return undefined;
  const value = Number(raw);
  if (value < 0 || (strict && value === 0)) return undefined;
  // ≥ 2^63 overflows PostgreSQL's bigint OFFSET; past the last row is an empty page anyway.
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}

/** DRF LimitOffsetPagination with Alyx's max_limit: bad/zero/negative limits fall back to 250. */
export function pageBounds(params: URLSearchParams): { limit: number; offset: number } {
  const limit = Math.min(positiveInt(params.get('limit'), true) ?? DEFAULT_LIMIT, MAX_LIMIT);
  const offset = positiveInt(params.get('offset'), false) ?? 0;
  return { limit, offset };
}

export function pageLinks(
  requestUrl: string,
  count: number,
  limit: number,
  offset: number,
): { next: string | null; previous: string | null } {
  const next =
    offset + limit < count
      ? rewriteQuery(requestUrl, { limit: String(limit), offset: String(offset + limit) })
      : null;
  let previous: string | null = null;
  if (offset > 0) {
    previous =
      offset - limit <= 0
        ? rewriteQuery(requestUrl, { limit: String(limit) }, ['offset'])
        : rewriteQuery(requestUrl, { limit: String(limit), offset: String(offset - limit) });
  }
  return { next, previous };
}
