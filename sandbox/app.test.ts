import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listen } from './http/listen.ts';
import { client, login, testSandbox } from './http/test-helpers.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('createSandbox with a data directory', () => {
  it('keeps edits and tokens across a restart, and --reset wipes them', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-h1-'));
    dirs.push(dir);
    const first = await testSandbox({ dataDir: dir });
    const token = await login(first, 'alice');
    expect((await client(first, token)('POST', '/labs', { name: 'persisted_lab' })).status).toBe(201);
    await first.close();

    const { createSandbox } = await import('./app.ts');
    const { testResources } = await import('./http/test-resources.ts');
    const second = await createSandbox({ dataDir: dir, resources: testResources, seed: false });
    expect(second.loaded).toBe('none');
    const reply = await client(second, token)('GET', '/labs/persisted_lab');
    expect(reply.status).toBe(200);
    await second.close();

    const third = await createSandbox({ dataDir: dir, resources: testResources, seed: false, reset: true });
    expect(await third.query('SELECT 1 FROM labs')).toHaveLength(0);
    await third.close();
  });
});

describe('over a real port', () => {
  it('serves the same API through @hono/node-server, and drop faults destroy the connection', async () => {
    const sandbox = await testSandbox({ faults: true });
    const server = await listen(sandbox, 0, '127.0.0.1');
    try {
      const auth = await fetch(`${server.url}/auth-token`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'alice', password: 'alice' }),
      });
      const { token } = (await auth.json()) as { token: string };
      const list = await fetch(`${server.url}/labs?limit=1`, {
        headers: { authorization: `Token ${token}` },
      });
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual({ count: 0, next: null, previous: null, results: [] });
      const html = await fetch(`${server.url}/labs/`);
      expect(html.status).toBe(404);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      await fetch(`${server.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: '^/labs', kind: 'drop', times: 1 }),
      });
      await expect(
        fetch(`${server.url}/labs`, { headers: { authorization: `Token ${token}` } }),
      ).rejects.toThrow(TypeError);
      expect(
        (await fetch(`${server.url}/labs`, { headers: { authorization: `Token ${token}` } })).status,
      ).toBe(200);
    } finally {
      await server.close();
      await sandbox.close();
    }
  });
});
