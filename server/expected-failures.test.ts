import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox/app.ts';
import { createAlyxClient } from '../src/api/http/client.ts';
import { isAlyxError } from '../src/api/http/errors.ts';
import { discoverApi } from '../src/api/schema/discover.ts';
import { createApp } from './app.ts';
import { listen, type Listening } from './test-helpers.ts';

// What the browser sees: every status that reached it, through the real app server and a real sandbox.
let sandbox: Sandbox;
let upstream: Listening;
let explorer: Listening;
let seen: number[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  seen.push(response.status);
  return response;
};

function clientOf(viaExplorerProxy: boolean) {
  seen = [];
  return createAlyxClient({
    baseUrl: `${explorer.url}/api/coreapi`,
    fetch: recordingFetch,
    viaExplorerProxy,
  });
}

beforeAll(async () => {
  sandbox = await createSandbox({ dataDir: null, discovery: 'coreapi' });
  upstream = await listen((req) => sandbox.fetch(req));
  const { app } = createApp({
    instances: [{ name: 'coreapi', url: upstream.url, proxy: true }],
    distDir: '/nonexistent',
  });
  explorer = await listen((req, env) => app.fetch(req, env));
}, 60_000);

afterAll(async () => {
  await Promise.all([explorer?.close(), upstream?.close()]);
  await sandbox?.close();
});

describe('expected 4xx answers reach the browser as 200 through the explorer proxy (no red console lines)', () => {
  it('a wrong password is still a 400 with Alyx’s message for the caller', async () => {
    const error: unknown = await clientOf(true)
      .login('alice', 'wrong')
      .catch((caught: unknown) => caught);
    expect(isAlyxError(error) && error.status).toBe(400);
    expect(isAlyxError(error) && JSON.stringify(error.body)).toMatch(/Unable to log in/);
    expect(seen).toEqual([200]);
  });

  it('discovery on a coreapi-only instance falls back from the missing OpenAPI without a 4xx in the browser', async () => {
    const client = clientOf(true);
    const token = await client.login('alice', 'alice');
    const authed = createAlyxClient({
      baseUrl: client.baseUrl,
      fetch: recordingFetch,
      viaExplorerProxy: true,
      getToken: () => token,
    });
    seen = [];
    const model = await discoverApi(authed);
    expect(model.sources).toContain('coreapi');
    expect(model.endpoints['sessions']).toBeDefined();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((status) => status >= 400)).toEqual([]);
  });

  it('without the proxy’s help the browser sees the raw 4xx (so the two tests above can fail)', async () => {
    await clientOf(false)
      .login('alice', 'wrong')
      .catch(() => undefined);
    expect(seen).toEqual([400]);
  });
});
