/**
 * The one URL scheme of the explorer (PRODUCT.md "URLs"). App paths mirror Alyx's under the
 * instance name; form views sit behind a `~` segment so they never collide with a lookup
 * (a subject may be nicknamed `new`).
 */

import { safeEncode } from '../api/values.ts';
import type { ApiModel } from '../api/schema/model.ts';
import { instanceBases, type InstanceConfig } from '../api/instances.ts';
import { toRelativeAlyxPath } from '../api/http/alyx-urls.ts';
import { targetForAlyxPath, type AlyxTarget } from '../api/schema/endpoint-for-path.ts';

export type QueryInput =
  URLSearchParams | string | Readonly<Record<string, string | number | boolean | null | undefined>>;

const FORM = '~';

function seg(value: string | number): string {
  // `~` is unreserved, so encodeURIComponent keeps it; a lookup that is literally `~` must not read as the form marker.
  return safeEncode(String(value)).replace(/~/g, '%7E');
}

export function queryString(query?: QueryInput): string {
  if (query === undefined) return '';
  let text: string;
  if (typeof query === 'string') text = query.startsWith('?') ? query.slice(1) : query;
  else if (query instanceof URLSearchParams) text = query.toString();
  else {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== '') params.append(key, String(value));
    }
    text = params.toString();
  }
  // Alyx list filters are comma-separated; keep them legible in the address bar.
  text = text.replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

export const paths = {
  home: (): string => '/',
  instance: (instance: string): string => `/${seg(instance)}`,
  list: (instance: string, endpoint: string, query?: QueryInput): string =>
    `/${seg(instance)}/${seg(endpoint)}${queryString(query)}`,
  record: (instance: string, endpoint: string, lookup: string | number): string =>
    `/${seg(instance)}/${seg(endpoint)}/${seg(lookup)}`,
  docs: (instance: string, endpoint: string): string => `/${seg(instance)}/${seg(endpoint)}/${FORM}/docs`,
  create: (instance: string, endpoint: string): string => `/${seg(instance)}/${seg(endpoint)}/${FORM}/new`,
  edit: (instance: string, endpoint: string, lookup: string | number): string =>
    `/${seg(instance)}/${seg(endpoint)}/${seg(lookup)}/${FORM}/edit`,
  replace: (instance: string, endpoint: string, lookup: string | number): string =>
    `/${seg(instance)}/${seg(endpoint)}/${seg(lookup)}/${FORM}/replace`,
  login: (instance: string, returnTo?: string): string =>
    `/${seg(instance)}/${FORM}/login${returnTo ? `?${new URLSearchParams({ next: returnTo }).toString()}` : ''}`,
  /** A resolved go-to / Alyx target: a record when it has a lookup, else a list. */
  target: (instance: string, target: AlyxTarget): string =>
    target.lookup === undefined
      ? paths.list(instance, target.endpoint, target.query)
      : paths.record(instance, target.endpoint, target.lookup),
};

export type AppView =
  'home' | 'instance' | 'list' | 'record' | 'docs' | 'create' | 'edit' | 'replace' | 'login' | 'unknown';

export interface AppLocation {
  view: AppView;
  instance?: string;
  endpoint?: string;
  lookup?: string;
  /** The list query (without `?`), which is the Alyx query. */
  query?: string;
  /** For `login`: where to go back after logging in (an app path). */
  returnTo?: string;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseAppPath(pathname: string, search = ''): AppLocation {
  const raw = pathname.split('/').filter((segment) => segment.length > 0);
  const segments = raw.map(decode);
  if (segments.some((segment) => segment === null)) return { view: 'unknown' };
  const parts = segments as string[];
  const query = search.startsWith('?') ? search.slice(1) : search;
  // A literal `~` is the form marker only when not percent-encoded in the path.
  const isMarker = (index: number): boolean => raw[index] === FORM;
  const [instance, endpoint, third, fourth, fifth] = parts;

  if (instance === undefined) return { view: 'home' };
  if (isMarker(0)) return { view: 'unknown' };
  if (endpoint === undefined) return { view: 'instance', instance };
  if (isMarker(1)) {
    if (third === 'login' && parts.length === 3) {
      const next = new URLSearchParams(query).get('next');
      return next ? { view: 'login', instance, returnTo: next } : { view: 'login', instance };
    }
    return { view: 'unknown', instance };
  }
  if (third === undefined)
    return query ? { view: 'list', instance, endpoint, query } : { view: 'list', instance, endpoint };
  if (isMarker(2)) {
    if (parts.length !== 4) return { view: 'unknown', instance, endpoint };
    if (fourth === 'docs') return { view: 'docs', instance, endpoint };
    if (fourth === 'new') return { view: 'create', instance, endpoint };
    return { view: 'unknown', instance, endpoint };
  }
  if (fourth === undefined) return { view: 'record', instance, endpoint, lookup: third };
  if (isMarker(3) && (fifth === 'edit' || fifth === 'replace') && parts.length === 5)
    return { view: fifth, instance, endpoint, lookup: third };
  return { view: 'unknown', instance, endpoint };
}

/**
 * `https://alyx.example.org/sessions?subject=KS005` → `/alyx/sessions?subject=KS005`, by swapping
 * the base of a configured instance (its url or its proxy base). Null when no instance matches.
 */
export function alyxUrlToAppPath(
  input: string,
  instances: readonly InstanceConfig[],
  model?: ApiModel,
): string | null {
  const trimmed = input.trim();
  for (const instance of instances) {
    const relative = toRelativeAlyxPath(
      trimmed,
      instanceBases(instance).filter((base) => /^https?:\/\//i.test(base)),
    );
    if (relative === null) continue;
    const target = targetForAlyxPath(relative);
    if (target === null) return paths.instance(instance.name);
    if (model && !(target.endpoint in model.endpoints)) continue;
    return paths.target(instance.name, target);
  }
  return null;
}

/** App path → the Alyx URL of the same view (for "open in Alyx" and copy links). */
export function appPathToAlyxUrl(location: AppLocation, instance: InstanceConfig): string | null {
  if (!location.endpoint || (location.view !== 'list' && location.view !== 'record')) return null;
  const base = instance.url.replace(/\/+$/, '');
  if (location.view === 'record' && location.lookup !== undefined)
    return `${base}/${seg(location.endpoint)}/${seg(location.lookup)}`;
  return `${base}/${seg(location.endpoint)}${location.query ? `?${location.query}` : ''}`;
}
