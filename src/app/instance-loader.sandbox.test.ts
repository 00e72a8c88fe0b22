/**
 * A signed-in view's loader against a sandbox over real HTTP: its first render waits a moment for a
 * schema that is nearly in (so it draws the tree at once), and no longer for a slow one.
 */

import { QueryClient } from '@tanstack/react-query';
import { RouterContextProvider, type LoaderFunctionArgs } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginWithPassword } from '../api/auth/login.ts';
import type { InstanceConfig } from '../api/instances.ts';
import { alyxKeys } from '../api/queries/keys.ts';
import { listQuery } from '../api/queries/record-queries.ts';
import { startCountedSandbox, type CountedSandbox } from '../api/test-support/counted-sandbox.ts';
import { requireSignedIn } from './instance-loader.ts';
import { queryClientContext } from './query-context.ts';

describe('requireSignedIn and the schema', () => {
  let served: CountedSandbox;
  let instance: InstanceConfig;

  function loaderArgs(queryClient: QueryClient): LoaderFunctionArgs {
    const context = new RouterContextProvider();
    context.set(queryClientContext, queryClient);
    const url = new URL(`http://explorer.test/${instance.name}`);
    return {
      context,
      params: { instance: instance.name },
      request: new Request(url),
      url,
      pattern: '/:instance',
    };
  }

  function freshClient(): QueryClient {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(alyxKeys.instances(), [instance]);
    return queryClient;
  }

  beforeAll(async () => {
    served = await startCountedSandbox();
    instance = { name: 'loader-sandbox', url: served.baseUrl, proxy: false, baseUrl: served.baseUrl };
    await loginWithPassword(instance, 'admin', 'admin');
  });

  beforeEach(() => served.clearFaults());

  afterAll(async () => {
    await served?.close();
  });

  it('waits for a schema that is nearly in, so the first render has the model', async () => {
    await served.inject({ path: '^/api/schema', kind: 'latency', latencyMs: 20 });
    const queryClient = freshClient();
    // A generous budget: the point is that the loader waits for the model, not how fast CI is.
    await requireSignedIn(loaderArgs(queryClient), { modelWaitMs: 10_000 });
    expect(queryClient.getQueryData(alyxKeys.schema(instance.name))).toBeDefined();
  });

  it('does not hold the view back for a slow schema, which goes on loading', async () => {
    await served.inject({ path: '^/api/schema', kind: 'latency', latencyMs: 1500 });
    const queryClient = freshClient();
    const started = performance.now();
    await requireSignedIn(loaderArgs(queryClient), { modelWaitMs: 100 });
    expect(performance.now() - started).toBeLessThan(1400);
    expect(queryClient.getQueryData(alyxKeys.schema(instance.name))).toBeUndefined();
    await expect
      .poll(() => queryClient.getQueryData(alyxKeys.schema(instance.name)), { timeout: 10_000 })
      .toBeDefined();
  });

  it("starts the view's own request before it waits for the schema", async () => {
    await served.inject({ path: '^/api/schema', kind: 'latency', latencyMs: 1500 });
    served.arrivals.length = 0;
    const queryClient = freshClient();
    await requireSignedIn(loaderArgs(queryClient), {
      modelWaitMs: 10_000,
      start: (signedIn, client) => void client.prefetchQuery(listQuery(signedIn, 'subjects', { limit: 1 })),
    });
    const schema = served.arrivals.find((a) => a.path.startsWith('/api/schema'));
    const list = served.arrivals.find((a) => a.path.startsWith('/subjects'));
    expect(schema).toBeDefined();
    expect(list).toBeDefined();
    // Sent while the schema was still on its way (1.5 s), not after it.
    expect(list!.at - schema!.at).toBeLessThan(1000);
  });
});
