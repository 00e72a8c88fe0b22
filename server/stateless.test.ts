import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox/app.ts';
import { createApp } from './app.ts';
import type { InstanceConfig } from './config.ts';
import { listen, type Listening } from './test-helpers.ts';

// The app server keeps no session: a token obtained through one instance works through another
// (ADR 0013, tokens live in the browser), so several can run behind one reverse proxy (docs/deploy.md).
let sandbox: Sandbox;
let upstream: Listening;
let first: Listening;
let second: Listening;

const PROXY_KEY = 'k'.repeat(32);

async function call(
  explorer: Listening,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${explorer.url}/api/sandbox${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(options.token ? { authorization: `Token ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

beforeAll(async () => {
  sandbox = await createSandbox({ dataDir: null, proxyKey: PROXY_KEY });
  upstream = await listen((req) => sandbox.fetch(req));
  const instances: InstanceConfig[] = [
    { name: 'sandbox', url: upstream.url, proxy: true, sandbox: true, proxyKey: PROXY_KEY },
  ];
  // Two separate app objects, as two processes would be: nothing shared but the configuration.
  const a = createApp({ instances, distDir: '/nonexistent' });
  const b = createApp({ instances, distDir: '/nonexistent' });
  first = await listen((req, env) => a.app.fetch(req, env));
  second = await listen((req, env) => b.app.fetch(req, env));
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.close(), second?.close(), upstream?.close()]);
  await sandbox?.close();
});

describe('two app servers in front of one sandbox', () => {
  it('listen on two ports', () => {
    expect(first.port).not.toBe(second.port);
  });

  it('a login on one is good for reads and writes on the other, and each sees the other’s writes', async () => {
    const login = await call(first, 'POST', '/auth-token', {
      body: { username: 'alice', password: 'alice' },
    });
    expect(login.status).toBe(200);
    const token = login.body.token;
    expect(typeof token).toBe('string');
    const auth = { token: token as string };

    const list = await call(second, 'GET', '/subjects?limit=5', auth);
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.results)).toBe(true);

    const nickname = `STATELESS_${Date.now()}`;
    const created = await call(second, 'POST', '/subjects', {
      ...auth,
      body: { nickname, lab: 'mainenlab', description: 'made on the second' },
    });
    expect(created.status).toBe(201);

    const patched = await call(first, 'PATCH', `/subjects/${nickname}`, {
      ...auth,
      body: { description: 'patched on the first' },
    });
    expect(patched.status).toBe(200);

    const read = await call(second, 'GET', `/subjects/${nickname}`, auth);
    expect(read.status).toBe(200);
    expect(read.body.description).toBe('patched on the first');

    const removed = await call(second, 'DELETE', `/subjects/${nickname}`, auth);
    expect(removed.status).toBe(204);
    expect((await call(first, 'GET', `/subjects/${nickname}`, auth)).status).toBe(404);
  });

  it('neither holds a session of its own: without the token both refuse the write', async () => {
    for (const explorer of [first, second]) {
      const refused = await call(explorer, 'POST', '/subjects', {
        body: { nickname: 'NO_TOKEN', lab: 'mainenlab' },
      });
      // Alyx answers an anonymous write with 403 (DRF, no WWW-Authenticate).
      expect(refused.status).toBe(403);
    }
  });
});
