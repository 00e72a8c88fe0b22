import { publicInstances } from './config.ts';
import type { InstanceConfig } from './config.ts';
import { safeContentType } from './proxy-content.ts';
import { readCappedBody } from './request-body.ts';
import { PROXY_CSP } from './security-headers.ts';
import { unsafeTargetReason } from './target.ts';

export const PROXY_PREFIX = '/api';
export const EXPLORER_PREFIX = '/__explorer';
export const INSTANCES_PATH = `${EXPLORER_PREFIX}/instances`;

/** What the transport knows beyond the web Request. */
export interface ConnectionInfo {
  /** The request target exactly as received (`incoming.url`), before URL parsing normalises `..` away. */
  rawTarget?: string;
  /** The client's address, for `X-Forwarded-For`. */
  remoteAddress?: string;
}

export interface ProxyOptions {
  /** How long to wait for the upstream response headers (default 120 s). */
  timeoutMs?: number;
  /** Largest request body forwarded (default 10 MB), enforced while it streams in. */
  maxBodyBytes?: number;
  /** How long a request body may take to arrive (default 60 s). */
  bodyTimeoutMs?: number;
  /** Where one-line notes about refused uploads go (default console.warn). */
  log?: (line: string) => void;
}

/** Header carrying an instance's `proxyKey`; whatever a client sends under this name is never forwarded. */
export const PROXY_KEY_HEADER = 'x-explorer-proxy-key';

/**
 * The browser logs every 4xx it receives as a red console error. Requests whose 4xx is an expected
 * answer (a wrong password, a schema source an older Alyx lacks) send this header; the proxy then
 * answers 200 and names the real status in {@link UPSTREAM_STATUS_HEADER} (ADR 0021).
 */
export const EXPECTED_FAILURE_HEADER = 'x-explorer-expected-failure';
export const UPSTREAM_STATUS_HEADER = 'x-explorer-upstream-status';

export type ProxyHandler = (req: Request, info?: ConnectionInfo) => Promise<Response>;

// Allowlists rather than blocklists: cookies, hop-by-hop headers, Origin/Referer and anything unforeseen stay behind.
const REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'accept-version',
  'authorization',
  'content-type',
  'if-modified-since',
  'if-none-match',
  'user-agent',
];
// content-type is decided by safeContentType, never copied.
const RESPONSE_HEADERS = [
  'allow',
  'cache-control',
  'content-disposition',
  'content-language',
  'etag',
  'expires',
  'last-modified',
  'retry-after',
  'vary',
  'www-authenticate',
];

/** True for the paths the proxy owns; everything else belongs to the app (static files, SPA). */
export function isProxyPath(pathname: string): boolean {
  return (
    pathname === PROXY_PREFIX ||
    pathname.startsWith(`${PROXY_PREFIX}/`) ||
    pathname === EXPLORER_PREFIX ||
    pathname.startsWith(`${EXPLORER_PREFIX}/`)
  );
}

/** Same-origin proxy for `/api/{name}/…` plus `GET /__explorer/instances`, as a web-standard handler. */
export function createProxyHandler(
  instances: readonly InstanceConfig[],
  options: ProxyOptions = {},
): ProxyHandler {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  const byName = new Map(instances.map((instance) => [instance.name, instance]));
  const instancesBody = JSON.stringify(publicInstances(instances));
  const names = instances.filter((instance) => instance.proxy).map((instance) => instance.name);

  return async (req, info = {}) => withProxyHeaders(await handle(req, info));

  async function handle(req: Request, info: ConnectionInfo): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname === INSTANCES_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return jsonError(405, 'Method not allowed', { allow: 'GET, HEAD' });
      }
      return new Response(instancesBody, {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
    if (!url.pathname.startsWith(`${PROXY_PREFIX}/`)) return jsonError(404, `Not found: ${url.pathname}`);

    const refusal = unsafeTargetReason(info.rawTarget ?? `${url.pathname}${url.search}`);
    if (refusal) return jsonError(400, `Refused request target: ${refusal}`);

    const [, name = '', rest = ''] = /^\/api\/([^/]*)(\/.*)?$/.exec(url.pathname) ?? [];
    const instance = byName.get(name);
    if (!instance) {
      return jsonError(404, `Unknown instance "${name}"; configured: ${names.join(', ') || 'none'}`);
    }
    if (!instance.proxy) {
      return jsonError(
        404,
        `Unknown instance "${name}" for the proxy: it is configured with proxy: false; call ${instance.url} directly`,
      );
    }

    const prefix = `${PROXY_PREFIX}/${name}`;
    // String concatenation, never `new URL(rest, base)`: `//host/…` in `rest` must not change the origin.
    const target = new URL(`${instance.url}${rest}${url.search}`);
    const base = new URL(instance.url);
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname.replace(/\/$/, ''))) {
      return jsonError(400, 'Refused request target: it leaves the configured instance');
    }

    let body: Uint8Array | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const tooLarge = `Request body larger than ${maxBodyBytes} bytes`;
      const declared = Number(req.headers.get('content-length') ?? 0);
      if (declared > maxBodyBytes) {
        log(
          `explorer: refused ${req.method} ${url.pathname}: declared body of ${declared} bytes > ${maxBodyBytes}`,
        );
        return jsonError(413, tooLarge, CLOSE);
      }
      const read = await readCappedBody(req.body, maxBodyBytes, bodyTimeoutMs);
      if (!read.ok) {
        log(
          `explorer: ${UPLOAD_NOTES[read.reason]} ${req.method} ${url.pathname} after ${read.received} bytes`,
        );
        if (read.reason === 'too-large') return jsonError(413, tooLarge, CLOSE);
        if (read.reason === 'timeout') {
          return jsonError(
            408,
            `Request body not received within ${Math.round(bodyTimeoutMs / 1000)} s`,
            CLOSE,
          );
        }
        return new Response(null, { status: 499 });
      }
      body = read.body;
    }

    const headers = new Headers();
    for (const header of REQUEST_HEADERS) {
      const value = req.headers.get(header);
      if (value !== null) headers.set(header, value);
    }
    if (instance.proxyKey) headers.set(PROXY_KEY_HEADER, instance.proxyKey);
    if (info.remoteAddress) headers.set('x-forwarded-for', info.remoteAddress);
    headers.set('x-forwarded-proto', url.protocol.replace(/:$/, ''));
    headers.set('x-forwarded-host', req.headers.get('host') ?? url.host);
    headers.set('x-forwarded-prefix', prefix);

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    let upstream: Response;
    try {
      upstream = await fetch(target, {
        method: req.method,
        headers,
        body: body as BodyInit | undefined,
        redirect: 'manual',
        signal: AbortSignal.any([timeout.signal, req.signal]),
      });
    } catch (error) {
      if (timeout.signal.aborted) {
        return jsonError(
          504,
          `${name} at ${instance.url} did not answer within ${Math.round(timeoutMs / 1000)} s`,
        );
      }
      if (req.signal.aborted) return new Response(null, { status: 499 });
      return jsonError(502, `Cannot reach ${name} at ${instance.url}: ${describeFetchError(error)}`);
    } finally {
      clearTimeout(timer);
    }

    const responseHeaders = new Headers();
    for (const header of RESPONSE_HEADERS) {
      const value = upstream.headers.get(header);
      if (value !== null) responseHeaders.set(header, value);
    }
    const location = upstream.headers.get('location');
    if (location !== null) {
      const rewritten = rewriteLocation(location, target, base, prefix);
      if (rewritten !== undefined) responseHeaders.set('location', rewritten);
      // A 201's Location only names the new record (DRF builds it from X-Forwarded-*): dropping it loses nothing.
      else if (upstream.status >= 300 && upstream.status < 400) {
        await upstream.body?.cancel().catch(() => undefined);
        return jsonError(
          502,
          `${name} redirected (${upstream.status}) outside its configured base ${instance.url}; the explorer does not follow or pass on such redirects`,
        );
      }
    }
    const type = safeContentType(upstream.headers.get('content-type'));
    responseHeaders.set('content-type', type.contentType);
    if (type.neutralised) responseHeaders.set('content-disposition', 'attachment');
    if (req.headers.has(EXPECTED_FAILURE_HEADER) && upstream.status >= 400 && upstream.status < 500) {
      responseHeaders.set(UPSTREAM_STATUS_HEADER, String(upstream.status));
      responseHeaders.set('cache-control', 'no-store');
      return new Response(upstream.body, { status: 200, headers: responseHeaders });
    }
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  }
}

const CLOSE = { connection: 'close' };
const UPLOAD_NOTES = {
  'too-large': 'cut an oversized upload to',
  timeout: 'gave up on a slow upload to',
  aborted: 'client aborted an upload to',
} as const;

/**
 * Maps a redirect on the instance back under the proxy prefix, so the browser never leaves the
 * explorer's origin; undefined when it leaves the instance's base (another origin or another path).
 */
export function rewriteLocation(
  location: string,
  requestUrl: URL,
  base: URL,
  prefix: string,
): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(location, requestUrl);
  } catch {
    return undefined;
  }
  const basePath = base.pathname.replace(/\/$/, '');
  if (resolved.origin !== base.origin) return undefined;
  if (resolved.pathname !== basePath && !resolved.pathname.startsWith(`${basePath}/`)) return undefined;
  return `${prefix}${resolved.pathname.slice(basePath.length)}${resolved.search}${resolved.hash}`;
}

/** Whatever the proxy answers is inert as a document, in the dev server as in the app server. */
function withProxyHeaders(response: Response): Response {
  response.headers.set('content-security-policy', PROXY_CSP);
  response.headers.set('x-content-type-options', 'nosniff');
  return response;
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code)
      ? `${code} ${cause.message}`
      : cause.message;
  }
  return error.message;
}

function jsonError(status: number, detail: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extraHeaders },
  });
}
