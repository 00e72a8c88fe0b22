import { isAlyxError } from '../http/errors.ts';

const MAX_RETRIES = 3;

/** Never retry a 4xx (the answer will not change) except 429; retry network and 5xx errors a few times. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isAlyxError(error)) return false;
  if (error.kind === 'throttled') return true;
  if (error.kind === 'network') return true;
  // A 500 from a bad `django=` lookup is deterministic; only gateway-style failures are worth a retry.
  return error.status === 502 || error.status === 503 || error.status === 504;
}

/** Honours Retry-After on 429; otherwise exponential backoff capped at 10 s. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (isAlyxError(error) && error.kind === 'throttled' && error.retryAfterSeconds !== null) {
    return Math.min(error.retryAfterSeconds, 120) * 1000 + Math.floor(Math.random() * 250);
  }
  return Math.min(1000 * 2 ** failureCount, 10_000);
}

/**
 * How long a final failure is kept rather than asked again when a view mounts. It covers the route
 * loader's prefetch failing before the view mounts (seconds on a loaded machine) and coming back to
 * a view that just failed: the same error, with Retry, instead of the same request again.
 */
const KEEP_FINAL_FAILURE_MS = 30_000;

/**
 * `retryOnMount` for a view whose route loader prefetches the same query: when the prefetch has
 * just failed with an answer that will not change (a 4xx, a plain 500), mounting must not ask
 * again — TanStack Query's default would, so a 400 reached the server twice on a page load. A 401
 * is asked again (after login the token is new), and so are older or retryable failures.
 */
export function retryOnMountAfter(
  state: { status: string; error: unknown; errorUpdatedAt: number } | undefined,
): boolean {
  if (!state || state.status !== 'error') return true;
  if (isAlyxError(state.error) && state.error.kind === 'unauthorized') return true;
  if (Date.now() - state.errorUpdatedAt > KEEP_FINAL_FAILURE_MS) return true;
  return shouldRetry(0, state.error);
}
