import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from '../api/queries/retry.ts';

export interface QueryClientHooks {
  /** Called for every failed query, after retries; the app layer uses it to send expired sessions to login. */
  onQueryError?: (error: Error, query: Query<unknown, unknown, unknown>) => void;
  /** Called for every failed mutation; the app layer uses it to notice read-only accounts. */
  onMutationError?: (error: Error) => void;
}

const QUERY_DEFAULTS = {
  staleTime: 30_000,
  gcTime: 10 * 60_000,
} as const;

export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => hooks.onQueryError?.(error, query as Query<unknown, unknown, unknown>),
    }),
    mutationCache: new MutationCache({ onError: (error) => hooks.onMutationError?.(error) }),
    defaultOptions: {
      queries: {
        staleTime: QUERY_DEFAULTS.staleTime,
        gcTime: QUERY_DEFAULTS.gcTime,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay,
      },
      mutations: { retry: false },
    },
  });
}

/** For tests: no retries, no garbage-collection timers left running, seeded data never refetched. */
export function createTestQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  const client = createQueryClient(hooks);
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false, gcTime: Infinity, staleTime: Infinity },
    mutations: { retry: false },
  });
  return client;
}
