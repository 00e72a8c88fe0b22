import { render, type RenderResult } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { createMemoryRouter, type DataRouter } from 'react-router';
import { RouterProvider } from 'react-router';
import { setToken } from '../api/auth/token-store.ts';
import type { InstanceConfig } from '../api/instances.ts';
import { instancesQuery } from '../api/queries/instances-query.ts';
import { apiModelQuery } from '../api/queries/schema-query.ts';
import type { ApiModel } from '../api/schema/model.ts';
import { createExplorer } from '../app/create-explorer.ts';
import { AppProviders } from '../app/providers.tsx';
import { createTestQueryClient } from '../lib/query-client.ts';

export const TEST_INSTANCE: InstanceConfig = {
  name: 'sandbox',
  url: 'http://127.0.0.1:1',
  proxy: false,
  baseUrl: 'http://127.0.0.1:1',
};

export interface RenderAppOptions {
  instances?: InstanceConfig[];
  /** Models per instance name, put in the cache as if discovery had run. */
  models?: Record<string, ApiModel>;
  /** Tokens per instance name. */
  tokens?: Record<string, string>;
}

export interface RenderedApp extends RenderResult {
  router: DataRouter;
  queryClient: QueryClient;
}

/**
 * The whole app (real providers, real routes, a memory router at `path`) with a fresh QueryClient
 * without retries. The instance list and models are seeded; anything else goes over real HTTP.
 */
export function renderApp(path: string, options: RenderAppOptions = {}): RenderedApp {
  const instances = options.instances ?? [TEST_INSTANCE];
  for (const [name, token] of Object.entries(options.tokens ?? {})) setToken(name, token);
  const { router, queryClient } = createExplorer(
    (routes, init) => createMemoryRouter(routes, { ...init, initialEntries: [path] }),
    createTestQueryClient,
    (client) => {
      client.setQueryData(instancesQuery().queryKey, instances);
      for (const [name, model] of Object.entries(options.models ?? {})) {
        const instance = instances.find((candidate) => candidate.name === name);
        if (instance) client.setQueryData(apiModelQuery(instance).queryKey, model);
      }
    },
  );
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}

/** A component alone, inside the real providers and a memory router. */
export function renderWithProviders(
  element: ReactElement,
  path = '/',
): RenderResult & { queryClient: QueryClient } {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: [path] });
  const result = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, queryClient };
}
