/**
 * Alyx's failure modes (REST-CONVENTIONS §6) as one error class. The client never shows or
 * redirects; views read `kind` and decide.
 */

export type AlyxErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'validation'
  | 'method'
  | 'server'
  | 'html'
  | 'malformed'
  | 'network';

export interface AlyxErrorInit {
  kind: AlyxErrorKind;
  status: number | null;
  path: string;
  method?: string;
  detail?: string | null;
  fieldErrors?: Record<string, string[]>;
  nonFieldErrors?: string[];
  retryAfterSeconds?: number | null;
  body?: unknown;
  cause?: unknown;
}

export class AlyxError extends Error {
  override readonly name = 'AlyxError';
  readonly kind: AlyxErrorKind;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  readonly detail: string | null;
  readonly fieldErrors: Record<string, string[]>;
  readonly nonFieldErrors: string[];
  readonly retryAfterSeconds: number | null;
  /** Request path relative to the instance root, with its query. */
  readonly path: string;
  readonly method: string;
  /** Parsed JSON body when there was one. */
  readonly body: unknown;

  constructor(init: AlyxErrorInit) {
    super(messageFor(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.nonFieldErrors = init.nonFieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.path = init.path;
    this.method = init.method ?? 'GET';
    this.body = init.body;
  }
}

export function isAlyxError(error: unknown): error is AlyxError {
  return error instanceof AlyxError;
}

const DEFAULT_MESSAGES: Record<AlyxErrorKind, string> = {
  unauthorized: 'Not logged in, or the token is no longer valid.',
  forbidden: 'This account may not perform this action.',
  'not-found': 'Not found.',
  throttled: 'Too many requests; the server asks to wait.',
  validation: 'The server rejected the request.',
  method: 'Method not allowed on this endpoint.',
  server: 'The server failed to answer this request.',
  html: 'The server answered with an HTML page instead of JSON.',
  malformed: 'The server answered with unreadable JSON.',
  network: 'The server could not be reached.',
};

function messageFor(init: AlyxErrorInit): string {
  const base = init.detail ?? init.nonFieldErrors?.[0] ?? DEFAULT_MESSAGES[init.kind];
  const where = `${init.method ?? 'GET'} ${init.path}`;
  return init.status === null ? `${base} (${where})` : `${base} (${init.status} on ${where})`;
}

const AUTH_FAILURE =
  /invalid token|credentials were not provided|authentication credentials|token has expired/i;

export function isHtmlContent(contentType: string | null, text: string): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) return true;
  const start = text.trimStart().slice(0, 15).toLowerCase();
  return start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<');
}

/** Retry-After is seconds or an HTTP date; DRF also repeats it in `detail`. */
export function parseRetryAfter(
  header: string | null,
  detail: string | null,
  now = Date.now(),
): number | null {
  if (header) {
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const match = detail ? /available in (\d+) second/i.exec(detail) : null;
  return match?.[1] ? Number(match[1]) : null;
}

function toMessages(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.flatMap((item) => (typeof item === 'string' ? [item] : toMessages(item)));
  if (typeof value === 'object') {
    // Nested serializer errors ({allele: ["…"]}) flatten to "allele: …".
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      toMessages(inner).map((message) => `${key}: ${message}`),
    );
  }
  return [String(value)];
}

function htmlTitle(text: string): string | null {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(text);
  const title = match?.[1]?.trim();
  return title ? title : null;
}

export interface ResponseFacts {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  text: string;
  path: string;
  method: string;
}

/** Classifies a non-2xx response (or a 2xx that is not JSON) into an AlyxError. */
export function errorFromResponse(facts: ResponseFacts): AlyxError {
  const { status, text, path, method } = facts;
  const html = text.length > 0 && isHtmlContent(facts.contentType, text);
  let body: unknown = undefined;
  let parsed = false;
  if (!html && text.trim().length > 0) {
    try {
      body = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  const record =
    parsed && body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  const detailValue = record?.['detail'] ?? record?.['error'];
  const detail = typeof detailValue === 'string' ? detailValue : html ? htmlTitle(text) : null;
  const common = { status, path, method, body, detail };

  if (status >= 200 && status < 300) {
    return new AlyxError({ ...common, kind: html ? 'html' : 'malformed' });
  }
  if (status >= 300 && status < 400) {
    // Current Alyx answers `GET /` with a redirect to the HTML admin.
    return new AlyxError({ ...common, kind: 'html', detail: detail ?? 'Redirected to an HTML page.' });
  }
  if (status === 401 || (status === 403 && detail !== null && AUTH_FAILURE.test(detail))) {
    return new AlyxError({ ...common, kind: 'unauthorized' });
  }
  if (status === 403) return new AlyxError({ ...common, kind: 'forbidden' });
  if (status === 404 || status === 410) return new AlyxError({ ...common, kind: 'not-found' });
  if (status === 405) return new AlyxError({ ...common, kind: 'method' });
  if (status === 429) {
    return new AlyxError({
      ...common,
      kind: 'throttled',
      retryAfterSeconds: parseRetryAfter(facts.retryAfter, detail),
    });
  }
  if (status >= 500) return new AlyxError({ ...common, kind: 'server' });
  if (html) return new AlyxError({ ...common, kind: 'html' });
  if (text.trim().length > 0 && !parsed) return new AlyxError({ ...common, kind: 'malformed' });

  const fieldErrors: Record<string, string[]> = {};
  let nonFieldErrors: string[] = [];
  if (record) {
    for (const [key, value] of Object.entries(record)) {
      if (key === 'status_code' || key === 'detail' || key === 'error' || key === 'details') continue;
      if (key === 'non_field_errors') nonFieldErrors = toMessages(value);
      else fieldErrors[key] = toMessages(value);
    }
  } else if (Array.isArray(body)) {
    nonFieldErrors = toMessages(body);
  }
  return new AlyxError({ ...common, kind: 'validation', fieldErrors, nonFieldErrors });
}

export function networkError(path: string, method: string, cause: unknown): AlyxError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AlyxError({
    kind: 'network',
    status: null,
    path,
    method,
    detail: `Network error: ${reason}`,
    cause,
  });
}
