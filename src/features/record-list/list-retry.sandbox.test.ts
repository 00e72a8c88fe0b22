/** A list GET that fails deterministically is asked once; only gateway/network failures are retried. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setToken } from '../../api/auth/token-store.ts';
import { createAlyxClient } from '../../api/http/client.ts';
import { listQuery } from '../../api/queries/record-queries.ts';
import { createQueryClient } from '../../lib/query-client.ts';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';

describe('list requests and retries, over HTTP against the sandbox', () => {
  let sandbox: SandboxInstance;

  beforeAll(async () => {
    sandbox = await startSandboxInstance({ faults: true });
    const token = await createAlyxClient({ baseUrl: sandbox.instance.baseUrl }).login('admin', 'admin');
    setToken('sandbox', token);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await faults('DELETE');
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const faults = (method: 'POST' | 'DELETE', rule?: Record<string, unknown>) =>
    sandbox.fetch(
      new Request(`${sandbox.instance.baseUrl}/__sandbox/faults`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(rule ? { body: JSON.stringify(rule) } : {}),
      }),
    );

  /** Runs the list query with the app's own retry policy; counts the requests that reach the wire. */
  async function requestsFor(query: string): Promise<{ requests: number; status: number | undefined }> {
    // Counts only: every call goes on to the real fetch and the real server.
    const spy = vi.spyOn(globalThis, 'fetch');
    const queryClient = createQueryClient();
    const error = await queryClient
      .fetchQuery(listQuery(sandbox.instance, 'sessions', new URLSearchParams(query)))
      .then(() => undefined)
      .catch((caught: unknown) => caught as { status?: number });
    const requests = spy.mock.calls.filter(([input]) =>
      String(input instanceof Request ? input.url : input).includes('/sessions?'),
    ).length;
    queryClient.clear();
    return { requests, status: error?.status };
  }

  it('asks once for a django= query the sandbox refuses', async () => {
    const result = await requestsFor('limit=5&django=no_such_field__gt,1');
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.requests).toBe(1);
  });

  it('asks once for a date_range the sandbox cannot parse', async () => {
    const result = await requestsFor('limit=5&date_range=2025-01-01');
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.requests).toBe(1);
  });

  for (const status of [400, 403, 404, 405, 500]) {
    it(`asks once when the instance answers ${status}`, async () => {
      expect((await faults('POST', { path: '^/sessions\\?', kind: 'status', status })).status).toBe(201);
      const result = await requestsFor('limit=5');
      expect(result).toEqual({ requests: 1, status });
    });
  }

  it('retries a 503 and then shows the page', async () => {
    expect(
      (await faults('POST', { path: '^/sessions\\?', kind: 'status', status: 503, times: 1 })).status,
    ).toBe(201);
    const result = await requestsFor('limit=5');
    expect(result).toEqual({ requests: 2, status: undefined });
  }, 15_000);
});
