/**
 * A hook on the one HTTP layer: every request a named client or the console sent, once it ended.
 * Carries no header and no response, so nothing here can hold a token; the request body only for
 * the console's writes, and never for `/auth-token` (the storage side masks and checks again).
 */

export type FinishedStatus = number | 'network error' | 'aborted';

export interface FinishedRequest {
  instance: string;
  method: string;
  /** Instance-relative path with its query, as sent. */
  path: string;
  status: FinishedStatus;
  /** ms since epoch. */
  startedAt: number;
  durationMs: number;
  /** Bytes of the response body; 0 when none arrived. */
  sizeBytes: number;
  /** The console's JSON body text (raw; the history masks it before storing). */
  body?: string;
  /** Sent from the request console. */
  fromConsole?: boolean;
}

type Listener = (request: FinishedRequest) => void;

const listeners = new Set<Listener>();
/** Requests that ended before the first listener came, kept when buffering was asked for. */
let early: FinishedRequest[] | null = null;
const EARLY_LIMIT = 200;

/**
 * Keeps the requests that end before anyone listens, for the first listener: the history store
 * loads after the first screen (it is not worth its bytes there), yet must miss no request.
 */
export function bufferRequestsUntilListened(): void {
  if (listeners.size === 0) early ??= [];
}

function deliver(listener: Listener, request: FinishedRequest): void {
  try {
    listener(request);
  } catch {
    // A failing listener must never fail the request.
  }
}

/** Calls `listener` after each request ends (first with any buffered ones). Returns the unsubscribe. */
export function onRequestFinished(listener: Listener): () => void {
  listeners.add(listener);
  const backlog = early ?? [];
  early = null;
  for (const request of backlog) deliver(listener, request);
  return () => {
    listeners.delete(listener);
  };
}

export function isAuthTokenPath(path: string): boolean {
  const pathname = (path.split(/[?#]/, 1)[0] ?? '').replace(/\/+$/, '');
  return /^\/*auth-token$/i.test(pathname);
}

export function reportRequestFinished(request: FinishedRequest): void {
  const safe: FinishedRequest = { ...request };
  if (isAuthTokenPath(request.path)) delete safe.body;
  if (early && early.length < EARLY_LIMIT) early.push(safe);
  for (const listener of [...listeners]) deliver(listener, safe);
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}
