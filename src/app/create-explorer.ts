import type { QueryClient } from '@tanstack/react-query';
import { RouterContextProvider, type DataRouter, type RouteObject } from 'react-router';
import { parseAppPath } from '../config/paths.ts';
import { markReadOnly } from '../lib/account-store.ts';
import { createQueryClient, type QueryClientHooks } from '../lib/query-client.ts';
import { warmUp } from './instance-loader.ts';
import { queryClientContext } from './query-context.ts';
import { appRoutes } from './routes.ts';
import { redirectOnUnauthorized } from './session-expiry.ts';

type RouterFactory = (
  routes: RouteObject[],
  options: { getContext: () => RouterContextProvider; future: { v8_middleware: true } },
) => DataRouter;

/**
 * The QueryClient and the router, wired both ways: loaders get the client through the router
 * context, and the client's error hooks navigate with the router (expired token → login).
 */
export function createExplorer(
  createRouter: RouterFactory,
  makeQueryClient: (hooks: QueryClientHooks) => QueryClient = createQueryClient,
  /** Runs before the router starts its first navigation (tests seed the cache here). */
  prepare?: (queryClient: QueryClient) => void,
): { router: DataRouter; queryClient: QueryClient } {
  let router: DataRouter | null = null;
  const queryClient = makeQueryClient({
    onQueryError: (error, query) => redirectOnUnauthorized(router, error, query),
    onMutationError: (error) => {
      if (!router) return;
      const here = parseAppPath(router.state.location.pathname);
      // Loaded on the first failed write, not with the first screen: every view that writes has it already.
      void import('../api/queries/record-mutations.ts').then(({ refusalOf }) => {
        // A protected record's 403 says nothing about the account; only a blanket refusal makes it read-only.
        if (refusalOf(error) === 'read-only' && here.instance) markReadOnly(here.instance);
      });
    },
  });
  prepare?.(queryClient);
  router = createRouter(appRoutes, {
    getContext: () => new RouterContextProvider(new Map([[queryClientContext, queryClient]])),
    // React Router 7's opt-in for the router context that loaders read (the default in 8, which needs Node 22).
    future: { v8_middleware: true },
  });
  void warmUp(queryClient, router.state.location.pathname);
  return { router, queryClient };
}
