import { hashKey, useQueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

export type QueryProgress = 'fetching' | 'cancelled' | 'other';

/**
 * Queries the user cancelled from a pending notice. A cancelled query with no data goes back to
 * `pending`/`idle` (TanStack Query reverts it), which alone reads like a query never started:
 * this mark says the user stopped it, so the view can say "Cancelled" instead of spinning.
 */
const cancelledByUser = new WeakSet<Query>();

function progressOf(query: Query | undefined): QueryProgress {
  if (!query) return 'other';
  if (query.state.fetchStatus === 'fetching') return 'fetching';
  if (query.state.fetchStatus === 'idle' && query.state.status === 'pending' && cancelledByUser.has(query))
    return 'cancelled';
  return 'other';
}

/** Where one query's request stands, with the two actions a pending notice offers. */
export function useQueryProgress(queryKey: QueryKey | undefined): {
  progress: QueryProgress;
  cancel: () => void;
  retry: () => void;
} {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  // By hash, so a new array with the same key each render neither re-creates the callbacks nor
  // re-hashes the key on every cache event of the whole app.
  const queryHash = queryKey === undefined ? undefined : hashKey(queryKey);
  const find = useCallback(
    () => (queryHash === undefined ? undefined : cache.get(queryHash)),
    [cache, queryHash],
  );
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const progress = useSyncExternalStore(
    subscribe,
    () => progressOf(find()),
    () => 'other' as const,
  );
  const cancel = useCallback(() => {
    const query = find();
    if (!query) return;
    cancelledByUser.add(query);
    void queryClient.cancelQueries({ queryKey: query.queryKey, exact: true });
  }, [find, queryClient]);
  const retry = useCallback(() => {
    const query = find();
    if (!query) return;
    cancelledByUser.delete(query);
    void queryClient.refetchQueries({ queryKey: query.queryKey, exact: true });
  }, [find, queryClient]);
  return { progress, cancel, retry };
}
