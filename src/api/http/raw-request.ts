/**
 * The request console's one HTTP call: any method on any instance-relative path, answered as it
 * came. Unlike the client, it never throws on 4xx/5xx (the console shows them); it throws only when
 * no answer arrived (network, abort) or when the path would leave the instance (RawRequestRefused).
 */

import { getToken } from '../auth/token-store.ts';
import type { InstanceConfig } from '../instances.ts';
import { networkError } from './errors.ts';
import { reportRequestFinished, type FinishedStatus } from './request-log.ts';

export const RAW_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'] as const;
export type RawMethod = (typeof RAW_METHODS)[number];

export interface RawRequest {
  method: RawMethod;
  /** Instance-relative: `/sessions/abc`. May carry its own `?query`, merged before `query`. */
  path: string;
  /** Query string without `?`. */
  query?: string;
  /** JSON text, sent as `application/json`; ignored for GET and OPTIONS. */
  body?: string;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: [name: string, value: string][];
  durationMs: number;
  /** Bytes of the body as received (after content decoding). */
  sizeBytes: number;
  text: string;
  /** The parsed body when it is JSON. */
  json?: unknown;
}

export class RawRequestRefused extends Error {
  override readonly name = 'RawRequestRefused';
}

export interface RawTarget {
  baseUrl: string;
  getToken?: () => string | null;
  fetch?: typeof fetch;
  /** The instance name under which the request is reported to request-log.ts; none when absent. */
  logAs?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RawRequestRefused(`The path segment "${segment}" is not valid percent-encoding.`);
  }
}

/**
 * `/sessions?x=1` + `subject=KS005` → `/sessions?x=1&subject=KS005`. Refuses absolute URLs,
 * protocol-relative `//host`, backslashes and `.`/`..` segments (also percent-encoded), which
 * could reach another host or climb out of a proxy base such as `/api/sandbox`.
 */
export function rawRequestPath(path: string, query = ''): string {
  const trimmed = path.trim();
  if (trimmed === '') throw new RawRequestRefused('Enter a path such as /sessions.');
  if (SCHEME.test(trimmed) || trimmed.startsWith('//'))
    throw new RawRequestRefused('Only paths on this instance, such as /sessions: not absolute URLs.');
  if (trimmed.includes('\\')) throw new RawRequestRefused('Paths may not contain backslashes.');
  const withSlash = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const hashless = withSlash.split('#')[0] ?? '';
  const queryAt = hashless.indexOf('?');
  const pathname = queryAt === -1 ? hashless : hashless.slice(0, queryAt);
  const inline = queryAt === -1 ? '' : hashless.slice(queryAt + 1);
  for (const segment of pathname.split('/')) {
    const decoded = decodedSegment(segment);
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\'))
      throw new RawRequestRefused('Paths may not climb out of the instance (".." or encoded slashes).');
  }
  const extra = query.startsWith('?') ? query.slice(1) : query;
  const search = [inline, extra].filter((part) => part.length > 0).join('&');
  return search ? `${pathname}?${search}` : pathname;
}

function parseJson(text: string, contentType: string | null): unknown {
  if (text.trim() === '') return undefined;
  if (contentType && !/json/i.test(contentType) && !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

export async function sendRawRequest(target: RawTarget, request: RawRequest): Promise<RawResponse> {
  const relative = rawRequestPath(request.path, request.query);
  const base = target.baseUrl.replace(/\/+$/, '');
  const headers = new Headers({ Accept: 'application/json' });
  const token = target.getToken?.() ?? null;
  if (token) headers.set('Authorization', `Token ${token}`);
  const sendsBody =
    request.method !== 'GET' && request.method !== 'OPTIONS' && (request.body ?? '').trim() !== '';
  if (sendsBody) headers.set('Content-Type', 'application/json');
  const doFetch =
    target.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  request.signal?.throwIfAborted();
  const startedAt = Date.now();
  const started = performance.now();
  const logged = (status: FinishedStatus, sizeBytes = 0): void => {
    if (target.logAs === undefined) return;
    reportRequestFinished({
      instance: target.logAs,
      method: request.method,
      path: relative,
      status,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      sizeBytes,
      ...(sendsBody && request.body !== undefined ? { body: request.body } : {}),
      fromConsole: true,
    });
  };
  try {
    const response = await doFetch(`${base}${relative}`, {
      method: request.method,
      headers,
      body: sendsBody ? request.body : undefined,
      signal: request.signal,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A fetch that ignores the signal (an in-process server) must not hand back a cancelled answer.
    request.signal?.throwIfAborted();
    const durationMs = Math.round(performance.now() - started);
    const text = new TextDecoder().decode(bytes);
    const json = parseJson(text, response.headers.get('content-type'));
    const out: RawResponse = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers].map(([name, value]): [string, string] => [name, value]),
      durationMs,
      sizeBytes: bytes.byteLength,
      text,
    };
    if (json !== undefined) out.json = json;
    logged(out.status, out.sizeBytes);
    return out;
  } catch (error) {
    logged(isAbort(error, request.signal) ? 'aborted' : 'network error');
    if (isAbort(error, request.signal)) throw error;
    throw networkError(relative, request.method, error);
  }
}

/** The same, through the instance's base (its same-origin proxy) with its token. */
export function rawRequest(instance: InstanceConfig, request: RawRequest): Promise<RawResponse> {
  return sendRawRequest(
    { baseUrl: instance.baseUrl, getToken: () => getToken(instance.name), logAs: instance.name },
    request,
  );
}
