/**
 * The Alyx path ↔ endpoint + lookup mapping. Alyx routes are flat pairs, `/{endpoint}` and
 * `/{endpoint}/{lookup}`, with no trailing slash (REST-CONVENTIONS §1.2).
 */

import { normalizeParams, toQueryString, type ParamsInput } from '../http/params.ts';
import { safeDecode, safeEncode } from '../values.ts';

export interface AlyxTarget {
  endpoint: string;
  /** Decoded detail lookup, absent for list paths. */
  lookup?: string;
  /** Query string without `?`, absent when empty. */
  query?: string;
}

/** Splits an instance-relative Alyx path (`/sessions/abc?x=1`). Null for `/` or paths with more than two segments. */
export function targetForAlyxPath(path: string): AlyxTarget | null {
  const queryIndex = path.indexOf('?');
  const pathname = (queryIndex === -1 ? path : path.slice(0, queryIndex)).split('#')[0] ?? '';
  const query = queryIndex === -1 ? '' : (path.slice(queryIndex + 1).split('#')[0] ?? '');
  const segments = pathname.split('/').filter((segment) => segment.length > 0);
  const [first, second] = segments;
  if (first === undefined || segments.length > 2) return null;
  const target: AlyxTarget = { endpoint: safeDecode(first) };
  if (second !== undefined) target.lookup = safeDecode(second);
  if (query) target.query = query;
  return target;
}

/** `/{endpoint}` or `/{endpoint}/{lookup}` plus an optional query; the lookup is one encoded segment. */
export function alyxPathFor(endpoint: string, lookup?: string | number, query?: ParamsInput): string {
  const base = `/${endpoint}`;
  const path = lookup === undefined ? base : `${base}/${safeEncode(String(lookup))}`;
  return `${path}${query === undefined ? '' : toQueryString(normalizeParams(query))}`;
}

/** `/subjects/{nickname}` → endpoint `subjects`, parameter `nickname`. */
export function parseRouteTemplate(
  template: string,
): { endpoint: string; param?: string; extra: boolean } | null {
  const segments = template.split('/').filter((segment) => segment.length > 0);
  const [first, second] = segments;
  if (first === undefined || first.startsWith('{')) return null;
  const param = second !== undefined ? /^\{([^}]+)\}$/.exec(second)?.[1] : undefined;
  const extra = segments.length > 2 || (second !== undefined && param === undefined);
  return param === undefined ? { endpoint: first, extra } : { endpoint: first, param, extra };
}
