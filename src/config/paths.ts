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

/** A request of the console (`/{instance}/~/console`), as its URL carries it. */
export interface ConsoleRequest {
  method: string;
  /** Instance-relative path, without the query. */
  path: string;
  /** Query string without `?`. */
  query?: string;
  /** JSON body text; only for methods that send one, with secrets masked (ADR 0019). */
  body?: string;
}

const CONSOLE_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'];
const SECRET_KEY = /password|passwd|pwd|token|secret|credential|authori[sz]ation|api_?key|^key$|[_-]key$/i;
/** Longer bodies stay out of the address bar (and out of server logs and history). */
const MAX_URL_BODY = 2000;
export const MASKED = '***';

/** Whether a query or body key names a secret (a token, a password, an API key). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

function maskValue(value: unknown, key?: string): unknown {
  if (key !== undefined && SECRET_KEY.test(key) && value !== null && typeof value !== 'object') return MASKED;
  if (Array.isArray(value)) return value.map((item) => maskValue(item));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, k)]));
  return value;
}

/** The body as it may appear in a URL: valid JSON with secret-named values masked, else nothing. */
export function consoleBodyForUrl(method: string, body: string | undefined): string | undefined {
  if (method === 'GET' || method === 'OPTIONS' || !body || body.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const text = JSON.stringify(maskValue(parsed));
  return text.length > MAX_URL_BODY ? undefined : text;
}

/** JSON body text with secret-named values masked; the text unchanged when it holds none (or is not JSON). */
export function maskBodyText(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const masked = JSON.stringify(maskValue(parsed));
  return masked === JSON.stringify(parsed) ? body : masked;
}

/** The query with the values of secret-named keys masked. */
export function maskQuery(query: string): string {
  const entries = [...new URLSearchParams(query)];
  if (!entries.some(([key]) => SECRET_KEY.test(key))) return query;
  return new URLSearchParams(
    entries.map(([key, value]): [string, string] => [key, SECRET_KEY.test(key) ? MASKED : value]),
  ).toString();
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
  /** The request console, prefilled; secrets never enter the URL (ADR 0019). */
  console: (instance: string, request?: ConsoleRequest): string => {
    if (!request) return `/${seg(instance)}/${FORM}/console`;
    const method = request.method.toUpperCase();
    const params = new URLSearchParams({ method, path: request.path || '/' });
    const query = request.query?.replace(/^\?/, '') ?? '';
    if (query) params.set('query', maskQuery(query));
    const body = consoleBodyForUrl(method, request.body);
    if (body !== undefined) params.set('body', body);
    return `/${seg(instance)}/${FORM}/console?${params.toString()}`;
  },
  /** The request history; `query` carries its search (ADR 0029). */
  history: (instance: string, query?: QueryInput): string =>
    `/${seg(instance)}/${FORM}/history${queryString(query)}`,
  /** Saved queries and pinned records, kept in this browser (ADR 0032). */
  saved: (instance: string): string => `/${seg(instance)}/${FORM}/saved`,
  /** A resolved go-to / Alyx target: a record when it has a lookup, else a list. */
  target: (instance: string, target: AlyxTarget): string =>
    target.lookup === undefined
      ? paths.list(instance, target.endpoint, target.query)
      : paths.record(instance, target.endpoint, target.lookup),
};

export type AppView =
  | 'home'
  | 'instance'
  | 'list'
  | 'record'
  | 'docs'
  | 'create'
  | 'edit'
  | 'replace'
  | 'login'
  | 'console'
  | 'history'
  | 'saved'
  | 'unknown';

export interface AppLocation {
  view: AppView;
  instance?: string;
  endpoint?: string;
  lookup?: string;
  /** The list query (without `?`), which is the Alyx query. */
  query?: string;
  /** For `login`: where to go back after logging in (an app path). */
  returnTo?: string;
  /** For `console`: the prefilled request. */
  request?: ConsoleRequest;
}

/** `?method=PATCH&path=/subjects/KS005&query=…&body=…` → the console's request; unknown methods read as GET. */
export function parseConsoleRequest(search: string): ConsoleRequest {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const raw = (params.get('method') ?? 'GET').toUpperCase();
  const method = CONSOLE_METHODS.includes(raw) ? raw : 'GET';
  const request: ConsoleRequest = { method, path: params.get('path') || '/' };
  const query = params.get('query');
  if (query) request.query = query;
  const body = params.get('body');
  if (body && method !== 'GET' && method !== 'OPTIONS') request.body = body;
  return request;
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
    if (third === 'console' && parts.length === 3)
      return { view: 'console', instance, request: parseConsoleRequest(query) };
    if (third === 'history' && parts.length === 3) return { view: 'history', instance };
    if (third === 'saved' && parts.length === 3) return { view: 'saved', instance };
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
