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

/** Calls `listener` after each request ends. Returns the unsubscribe. */
export function onRequestFinished(listener: Listener): () => void {
  listeners.add(listener);
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
  for (const listener of [...listeners]) {
    try {
      listener(safe);
    } catch {
      // A failing listener must never fail the request.
    }
  }
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}
