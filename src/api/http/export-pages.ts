/**
 * Every page of a filtered list, one request after another, for a whole-list export. A one-off
 * stream the user starts and may cancel, not server state to cache: a plain async generator, not a
 * query (ADR 0026). Pages are never fetched in parallel: large parallel pages have crashed real
 * Alyx servers.
 */
import type { AlyxClient } from './client.ts';

/** Alyx's LimitOffsetPagination caps `limit` at 1000. */
export const EXPORT_MAX_PAGE_SIZE = 1000;

/** A whole-list export past this many rows asks the user first. */
export const EXPORT_ROW_CAP = 100_000;

/** 1..1000; anything else (NaN, 0, 5000) becomes the nearest allowed size, defaulting to 1000. */
export function exportPageSize(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return EXPORT_MAX_PAGE_SIZE;
  return Math.min(EXPORT_MAX_PAGE_SIZE, Math.max(1, Math.floor(requested)));
}

/**
 * Where the next page starts, or null when the export is done. Moves by what actually arrived, so
 * a server that clamps `limit` below what we asked still yields every row; an empty page ends it,
 * so a count that shrinks mid-export cannot loop.
 */
export function nextExportOffset(offset: number, received: number, count: number): number | null {
  if (received === 0) return null;
  const next = offset + received;
  return next >= count ? null : next;
}

/** The list's query for one export page: its filters, ordering and `django=`, with our paging. */
export function exportPageParams(search: URLSearchParams, offset: number, limit: number): URLSearchParams {
  const params = new URLSearchParams(search);
  params.delete('limit');
  params.delete('offset');
  params.set('limit', String(limit));
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

export interface ExportPage<T> {
  results: T[];
  /** The instance's count on this page's answer. */
  count: number;
  offset: number;
}

export interface ExportPagesOptions {
  pageSize?: number;
  signal?: AbortSignal;
}

/** Yields each page in order; the next request starts only after the consumer asks for it. */
export async function* exportPages<T = Record<string, unknown>>(
  client: AlyxClient,
  endpoint: string,
  search: URLSearchParams,
  options: ExportPagesOptions = {},
): AsyncGenerator<ExportPage<T>, void, undefined> {
  const limit = exportPageSize(options.pageSize);
  let offset: number | null = 0;
  while (offset !== null) {
    options.signal?.throwIfAborted();
    const page = await client.listPage<T>(endpoint, exportPageParams(search, offset, limit), {
      signal: options.signal,
    });
    yield { results: page.results, count: page.count, offset };
    offset = nextExportOffset(offset, page.results.length, page.count);
  }
}
