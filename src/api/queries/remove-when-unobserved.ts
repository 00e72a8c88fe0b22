import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Drops a query from the cache, but only once no view observes it: a query removed under a mounted
 * view is created again by its next render and fetched — for a deleted record, a 404 while the app
 * is still navigating away from it.
 */
export function removeWhenUnobserved(queryClient: QueryClient, queryKey: QueryKey): void {
  const cache = queryClient.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query) return;
  if (query.getObserversCount() === 0) {
    queryClient.removeQueries({ queryKey, exact: true });
    return;
  }
  const stop = cache.subscribe((event) => {
    if (event.query !== query) return;
    if (event.type === 'removed') stop();
    else if (event.type === 'observerRemoved' && query.getObserversCount() === 0) {
      stop();
      cache.remove(query);
    }
  });
}
