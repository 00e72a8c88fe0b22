/**
 * Alyx puts absolute URLs in `url`, `next`, `session`… carrying whatever host Django saw
 * (the instance, or the proxy). These helpers turn them back into instance-relative paths.
 */

import { safeDecode } from '../values.ts';

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

function tryUrl(value: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
}

/** Path prefix of a base: `https://alyx.org/x` → `/x`; `/api/sandbox` → `/api/sandbox`. */
function basePathOf(base: string): { origin: string | null; path: string } {
  const url = tryUrl(base);
  if (url) return { origin: url.origin, path: trimSlash(url.pathname) };
  return { origin: null, path: trimSlash(base) };
}

/**
 * `https://alyx.example.org/sessions/abc?x=1` → `/sessions/abc?x=1` when the URL starts with one
 * of `knownBases` (instance url, proxy base `<origin>/api/<name>`, or a relative proxy base
 * `/api/<name>`), else by finding the first segment that is one of `knownEndpoints`.
 * Returns null when nothing matches.
 */
export function toRelativeAlyxPath(
  absoluteUrl: string,
  knownBases: readonly string[],
  knownEndpoints?: Iterable<string>,
): string | null {
  const url = tryUrl(absoluteUrl, 'http://relative.invalid');
  if (!url) return null;
  const isAbsolute = tryUrl(absoluteUrl) !== null;
  const rest = (pathname: string): string => `${pathname || '/'}${url.search}`;

  // Longest base first so `/api/x` wins over `/`.
  const bases = [...knownBases].map(basePathOf).sort((a, b) => b.path.length - a.path.length);
  for (const base of bases) {
    if (isAbsolute && base.origin !== null && base.origin !== url.origin) continue;
    if (base.path === '') {
      if (base.origin !== null && isAbsolute) return rest(url.pathname);
      continue;
    }
    if (url.pathname === base.path || url.pathname.startsWith(`${base.path}/`)) {
      return rest(url.pathname.slice(base.path.length));
    }
  }

  if (knownEndpoints) {
    const endpoints = new Set(knownEndpoints);
    const segments = url.pathname.split('/');
    for (let index = 1; index < segments.length; index += 1) {
      const segment = safeDecode(segments[index] ?? '');
      if (endpoints.has(segment)) return rest(`/${segments.slice(index).join('/')}`);
    }
  }
  return null;
}

/** Last path segment of an Alyx hyperlink, decoded (the lookup, as ONE does `url.split('/')[-1]`). */
export function lastSegment(url: string): string | null {
  const parsed = tryUrl(url, 'http://relative.invalid');
  if (!parsed) return null;
  const segments = parsed.pathname.split('/').filter((segment) => segment.length > 0);
  const last = segments[segments.length - 1];
  return last === undefined ? null : safeDecode(last);
}

/** Query of an absolute `next`/`previous` link, whatever host it names. */
export function searchParamsOf(url: string): URLSearchParams {
  const parsed = tryUrl(url, 'http://relative.invalid');
  return parsed ? parsed.searchParams : new URLSearchParams();
}
