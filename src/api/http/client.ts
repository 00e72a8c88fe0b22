import { AlyxError, errorFromResponse, isHtmlContent, networkError } from './errors.ts';
import { searchParamsOf } from './alyx-urls.ts';
import { toQueryString, type ParamsInput } from './params.ts';
import { reportRequestFinished, utf8Bytes, type FinishedStatus } from './request-log.ts';

export type RequestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface RequestOptions {
  body?: unknown;
  params?: ParamsInput;
  signal?: AbortSignal;
  /** Overrides `Accept: application/json` (schema discovery asks for coreapi). */
  accept?: string;
  /** Sends no Authorization header even when a token is known. */
  anonymous?: boolean;
  /**
   * A 4xx is an expected answer here (a wrong password, a schema source this Alyx lacks): through the
   * explorer's proxy it then arrives as 200 with the real status in a header, so the browser does not
   * log it as a red console error. The caller still sees the 4xx as an AlyxError.
   */
  expectFailure?: boolean;
}

export interface ListAllOptions<T> {
  onPage?: (page: Page<T>, pageIndex: number) => void;
  /** Stops after this many pages (results so far are returned). */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface AlyxClientOptions {
  /** Instance root: `https://alyx.example.org`, or a same-origin proxy base such as `/api/sandbox`. */
  baseUrl: string;
  getToken?: () => string | null;
  fetch?: typeof fetch;
  /** The base is the explorer's own proxy, which understands `expectFailure` (ADR 0021). */
  viaExplorerProxy?: boolean;
  /** The instance name under which finished requests are reported to request-log.ts; none when absent. */
  logAs?: string;
}

// Shared with server/proxy.ts (EXPECTED_FAILURE_HEADER, UPSTREAM_STATUS_HEADER).
const EXPECTED_FAILURE_HEADER = 'X-Explorer-Expected-Failure';
const UPSTREAM_STATUS_HEADER = 'X-Explorer-Upstream-Status';

/** The status the instance answered: the proxy's header when we asked for it, else the response's own. */
function upstreamStatus(response: Response, asked: boolean): number {
  if (!asked) return response.status;
  const named = Number(response.headers.get(UPSTREAM_STATUS_HEADER));
  return Number.isInteger(named) && named >= 400 && named < 500 ? named : response.status;
}

export interface AlyxClient {
  readonly baseUrl: string;
  url(path: string, params?: ParamsInput): string;
  request<T = unknown>(method: RequestMethod, path: string, options?: RequestOptions): Promise<T>;
  get<T = unknown>(
    path: string,
    params?: ParamsInput,
    options?: Omit<RequestOptions, 'params' | 'body'>,
  ): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T = unknown>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T = unknown>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  options<T = unknown>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  listPage<T = Record<string, unknown>>(
    endpoint: string,
    params?: ParamsInput,
    options?: { signal?: AbortSignal },
  ): Promise<Page<T>>;
  listAll<T = Record<string, unknown>>(
    endpoint: string,
    params?: ParamsInput,
    options?: ListAllOptions<T>,
  ): Promise<T[]>;
  /** POST /auth-token; returns the token. */
  login(username: string, password: string, options?: { signal?: AbortSignal }): Promise<string>;
}

function joinPath(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${base}${rest}`;
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof ArrayBuffer
  );
}

function isPage<T>(value: unknown): value is Page<T> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { count?: unknown }).count === 'number' &&
    Array.isArray((value as { results?: unknown }).results)
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function createAlyxClient(options: AlyxClientOptions): AlyxClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const getToken = options.getToken ?? (() => null);

  const url = (path: string, params?: ParamsInput): string => {
    const [pathname, inlineQuery] = path.split('?', 2) as [string, string | undefined];
    const merged = new URLSearchParams(inlineQuery ?? '');
    if (params !== undefined) {
      const extra = new URLSearchParams(toQueryString(params));
      for (const key of new Set(extra.keys())) merged.delete(key);
      for (const [key, value] of extra) merged.append(key, value);
    }
    return `${joinPath(baseUrl, pathname)}${toQueryString(merged)}`;
  };

  async function request<T>(method: RequestMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const target = url(path, opts.params);
    const relative = target.slice(baseUrl.length) || '/';
    const headers = new Headers({ Accept: opts.accept ?? 'application/json' });
    const token = opts.anonymous ? null : getToken();
    if (token) headers.set('Authorization', `Token ${token}`);
    const quiet = opts.expectFailure === true && options.viaExplorerProxy === true;
    if (quiet) headers.set(EXPECTED_FAILURE_HEADER, '1');
    let body: BodyInit | undefined;
    if (opts.body !== undefined) {
      if (isRawBody(opts.body)) body = opts.body;
      else {
        body = JSON.stringify(opts.body);
        headers.set('Content-Type', 'application/json');
      }
    }

    const startedAt = Date.now();
    const started = performance.now();
    const logged = (status: FinishedStatus, sizeBytes = 0): void => {
      if (options.logAs === undefined) return;
      const durationMs = Math.round(performance.now() - started);
      reportRequestFinished({
        instance: options.logAs,
        method,
        path: relative,
        status,
        startedAt,
        durationMs,
        sizeBytes,
      });
    };
    let response: Response;
    try {
      response = await doFetch(target, { method, headers, body, signal: opts.signal, redirect: 'follow' });
    } catch (error) {
      logged(isAbort(error) || opts.signal?.aborted ? 'aborted' : 'network error');
      if (isAbort(error) || opts.signal?.aborted) throw error;
      throw networkError(relative, method, error);
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      logged(isAbort(error) || opts.signal?.aborted ? 'aborted' : 'network error');
      if (isAbort(error) || opts.signal?.aborted) throw error;
      throw networkError(relative, method, error);
    }
    const status = upstreamStatus(response, quiet);
    logged(status, utf8Bytes(text));
    const facts = {
      status,
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      text,
      path: relative,
      method,
    };
    if (status < 200 || status > 299) throw errorFromResponse(facts);
    if (status === 204 || text.trim().length === 0) return undefined as T;
    if (isHtmlContent(facts.contentType, text)) throw errorFromResponse(facts);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw errorFromResponse(facts);
    }
  }

  async function listPage<T>(
    endpoint: string,
    params?: ParamsInput,
    opts: { signal?: AbortSignal } = {},
  ): Promise<Page<T>> {
    const data = await request<unknown>('GET', `/${endpoint}`, { params, signal: opts.signal });
    // Older instances with pagination off answer a bare array; present it as one page.
    if (Array.isArray(data)) return { count: data.length, next: null, previous: null, results: data as T[] };
    if (isPage<T>(data))
      return {
        count: data.count,
        next: data.next ?? null,
        previous: data.previous ?? null,
        results: data.results,
      };
    throw new AlyxError({
      kind: 'malformed',
      status: 200,
      path: `/${endpoint}${toQueryString(params)}`,
      detail: 'Expected a paginated list ({count, next, previous, results}).',
      body: data,
    });
  }

  async function listAll<T>(
    endpoint: string,
    params?: ParamsInput,
    opts: ListAllOptions<T> = {},
  ): Promise<T[]> {
    const all: T[] = [];
    let query: ParamsInput | undefined = params;
    for (let index = 0; opts.maxPages === undefined || index < opts.maxPages; index += 1) {
      const page: Page<T> = await listPage<T>(endpoint, query, { signal: opts.signal });
      all.push(...page.results);
      opts.onPage?.(page, index);
      if (!page.next || page.results.length === 0) break;
      // `next` names whatever host Django saw; only its query matters.
      query = searchParamsOf(page.next);
    }
    return all;
  }

  async function login(
    username: string,
    password: string,
    opts: { signal?: AbortSignal } = {},
  ): Promise<string> {
    const data = await request<unknown>('POST', '/auth-token', {
      body: { username, password },
      anonymous: true,
      expectFailure: true,
      signal: opts.signal,
    });
    const token = data !== null && typeof data === 'object' ? (data as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token.length === 0) {
      throw new AlyxError({
        kind: 'malformed',
        status: 200,
        path: '/auth-token',
        method: 'POST',
        detail: 'The login answer holds no token.',
        body: data,
      });
    }
    return token;
  }

  return {
    baseUrl,
    url,
    request,
    get: (path, params, opts) => request('GET', path, { ...opts, params }),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    options: (path, opts) => request('OPTIONS', path, opts),
    listPage,
    listAll,
    login,
  };
}
