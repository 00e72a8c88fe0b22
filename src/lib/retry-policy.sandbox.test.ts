/**
 * The app's retry policy (createQueryClient + retry.ts) against a sandbox with fault injection over
 * real HTTP, counting the requests where they arrive: at the server.
 */

import {
  MutationObserver,
  QueryObserver,
  type QueryClient,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginWithPassword } from '../api/auth/login.ts';
import { isAlyxError } from '../api/http/errors.ts';
import type { InstanceConfig } from '../api/instances.ts';
import type { EndpointModel } from '../api/schema/model.ts';
import { createQueryClient } from './query-client.ts';
import {
  startCountedSandbox,
  type Arrival,
  type CountedSandbox,
} from '../api/test-support/counted-sandbox.ts';
import {
  createRecordMutation,
  deleteRecordMutation,
  updateRecordMutation,
} from '../api/queries/record-mutations.ts';
import { detailQuery, listQuery } from '../api/queries/record-queries.ts';
import { retryOnMountAfter } from '../api/queries/retry.ts';
import { apiModelQuery } from '../api/queries/schema-query.ts';

describe('retry policy, counted at the sandbox', () => {
  let served: CountedSandbox;
  let instance: InstanceConfig;
  let subjects: EndpointModel;
  let nickname: string;

  const inject = (rule: Record<string, unknown>) => served.inject(rule);

  function arrived(method: string, pathPattern: RegExp): Arrival[] {
    return served.arrivals.filter((a) => a.method === method && pathPattern.test(a.path));
  }

  /** Runs a query as a mounted view would (an observer), until it settles; returns the final state. */
  function settle<T, K extends readonly unknown[]>(
    queryClient: QueryClient,
    options: QueryObserverOptions<T, Error, T, T, K>,
  ): Promise<QueryObserverResult<T>> {
    const observer = new QueryObserver(queryClient, options);
    return new Promise((resolve) => {
      const settled = (result: QueryObserverResult<T>): boolean =>
        result.status !== 'pending' && result.fetchStatus === 'idle';
      const stop = observer.subscribe((result) => {
        if (settled(result)) {
          stop();
          resolve(result);
        }
      });
      // Mounting may start nothing (a failure kept, not asked again): then it is settled already.
      const now = observer.getCurrentResult();
      if (settled(now)) {
        stop();
        resolve(now);
      }
    });
  }

  beforeAll(async () => {
    served = await startCountedSandbox();
    instance = { name: 'retry-sandbox', url: served.baseUrl, proxy: false, baseUrl: served.baseUrl };
    await loginWithPassword(instance, 'admin', 'admin');
    const model = await createQueryClient().fetchQuery(apiModelQuery(instance));
    const endpoint = model.endpoints['subjects'];
    if (!endpoint) throw new Error('the sandbox schema lists no subjects');
    subjects = endpoint;
    const page = await createQueryClient().fetchQuery(listQuery(instance, 'subjects', { limit: 1 }));
    nickname = String(page.results[0]?.['nickname']);
  });

  beforeEach(async () => {
    await served.clearFaults();
    served.arrivals.length = 0;
  });

  afterAll(async () => {
    await served?.close();
  });

  for (const status of [400, 403, 404]) {
    it(`asks a GET that meets ${status} exactly once`, async () => {
      await inject({ path: '^/sessions\\?', method: 'GET', kind: 'status', status });
      const result = await settle(createQueryClient(), listQuery(instance, 'sessions', { limit: 3 }));
      expect(result.status).toBe('error');
      expect(isAlyxError(result.error) && result.error.status).toBe(status);
      // An observer reports `error` only once retries are over: the count is final here.
      expect(arrived('GET', /^\/sessions\?/)).toHaveLength(1);
    });
  }

  it('does not ask a 400 again when the view mounts right after its route prefetch failed', async () => {
    await inject({ path: '^/sessions\\?', method: 'GET', kind: 'status', status: 400 });
    const queryClient = createQueryClient();
    const options = listQuery(instance, 'sessions', { limit: 7 });
    await queryClient.prefetchQuery(options); // what the route loader does
    const result = await settle(queryClient, {
      ...options,
      retryOnMount: retryOnMountAfter(queryClient.getQueryState(options.queryKey)),
    });
    expect(isAlyxError(result.error) && result.error.status).toBe(400);
    expect(arrived('GET', /^\/sessions\?/)).toHaveLength(1);
  });

  it('still asks again on mount when the failure was worth a retry', async () => {
    await inject({ path: '^/sessions\\?', method: 'GET', kind: 'status', status: 503, times: 1 });
    await inject({ path: '^/sessions\\?', method: 'GET', kind: 'json500', times: 1 });
    const queryClient = createQueryClient();
    const options = { ...listQuery(instance, 'sessions', { limit: 8 }), retry: false };
    await queryClient.prefetchQuery(options);
    expect(queryClient.getQueryState(options.queryKey)?.status).toBe('error');
    const result = await settle(queryClient, {
      ...options,
      retryOnMount: retryOnMountAfter(queryClient.getQueryState(options.queryKey)),
    });
    // The 503 was worth asking again on mount; the plain 500 that answered is not retried.
    expect(isAlyxError(result.error) && result.error.status).toBe(500);
    expect(arrived('GET', /^\/sessions\?/)).toHaveLength(2);
  });

  it('asks a missing record (a real 404) exactly once', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead';
    const result = await settle(createQueryClient(), detailQuery(instance, 'sessions', missing));
    expect(isAlyxError(result.error) && result.error.kind).toBe('not-found');
    expect(arrived('GET', new RegExp(`^/sessions/${missing}`))).toHaveLength(1);
  });

  for (const fault of [
    { name: 'a 503', rule: { kind: 'status', status: 503 }, kind: 'server' },
    { name: 'a dropped connection', rule: { kind: 'drop' }, kind: 'network' },
  ]) {
    it(`retries ${fault.name} with growing waits, three times, then fails`, async () => {
      await inject({ ...fault.rule, path: '^/sessions\\?', method: 'GET' });
      const result = await settle(createQueryClient(), listQuery(instance, 'sessions', { limit: 4 }));
      expect(result.status).toBe('error');
      expect(isAlyxError(result.error) && result.error.kind).toBe(fault.kind);
      expect(result.failureCount).toBe(4);
      const times = arrived('GET', /^\/sessions\?/).map((a) => a.at);
      expect(times).toHaveLength(4);
      const gaps = times.slice(1).map((at, index) => at - (times[index] ?? at));
      // retryDelay: 1 s, 2 s, 4 s (timer slack allowed below, not above the next step).
      expect(gaps[0]).toBeGreaterThanOrEqual(950);
      expect(gaps[1]).toBeGreaterThanOrEqual(1950);
      expect(gaps[2]).toBeGreaterThanOrEqual(3950);
      expect(gaps[2]).toBeLessThan(7000);
    }, 20_000);
  }

  it('does not retry a plain 500 (a bad lookup answers the same every time)', async () => {
    await inject({ path: '^/sessions\\?', method: 'GET', kind: 'json500' });
    const result = await settle(createQueryClient(), listQuery(instance, 'sessions', { limit: 5 }));
    expect(isAlyxError(result.error) && result.error.status).toBe(500);
    expect(arrived('GET', /^\/sessions\?/)).toHaveLength(1);
  });

  it('waits for Retry-After on 429 before asking again, then shows the data', async () => {
    await inject({
      path: '^/sessions\\?',
      method: 'GET',
      kind: 'status',
      status: 429,
      retryAfter: 2,
      times: 1,
    });
    const result = await settle(createQueryClient(), listQuery(instance, 'sessions', { limit: 6 }));
    expect(result.status).toBe('success');
    expect(result.data?.results).toHaveLength(6);
    const times = arrived('GET', /^\/sessions\?/).map((a) => a.at);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1950);
  }, 15_000);

  for (const fault of [
    { name: 'a 503', rule: { kind: 'status', status: 503 } },
    { name: 'a dropped connection', rule: { kind: 'drop' } },
    { name: 'a 429', rule: { kind: 'status', status: 429, retryAfter: 1 } },
  ]) {
    for (const method of ['PATCH', 'PUT'] as const) {
      it(`sends a ${method} that meets ${fault.name} once, never again by itself`, async () => {
        await inject({ ...fault.rule, path: `^/subjects/${nickname}$`, method });
        const queryClient = createQueryClient();
        const observer = new MutationObserver(
          queryClient,
          updateRecordMutation(queryClient, instance, subjects, nickname, method),
        );
        const body = method === 'PATCH' ? { description: 'retry test' } : { nickname, description: 'x' };
        await expect(observer.mutate({ body })).rejects.toSatisfy(isAlyxError);
        expect(arrived(method, new RegExp(`^/subjects/${nickname}$`))).toHaveLength(1);
      });
    }
  }

  it('sends a POST and a DELETE that meet a 503 once each', async () => {
    await inject({ path: '^/subjects$', method: 'POST', kind: 'status', status: 503 });
    await inject({ path: `^/subjects/${nickname}$`, method: 'DELETE', kind: 'status', status: 503 });
    const queryClient = createQueryClient();
    const create = new MutationObserver(queryClient, createRecordMutation(queryClient, instance, subjects));
    await expect(create.mutate({ body: { nickname: 'never-made' } })).rejects.toSatisfy(isAlyxError);
    const remove = new MutationObserver(
      queryClient,
      deleteRecordMutation(queryClient, instance, 'subjects', nickname),
    );
    await expect(remove.mutate()).rejects.toSatisfy(isAlyxError);
    expect(arrived('POST', /^\/subjects$/)).toHaveLength(1);
    expect(arrived('DELETE', new RegExp(`^/subjects/${nickname}$`))).toHaveLength(1);
  });
});
