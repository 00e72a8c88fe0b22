import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../app.ts';
import { client, login, ORIGIN, testSandbox } from './test-helpers.ts';

const open: Sandbox[] = [];
async function make(options: Parameters<typeof testSandbox>[0] = {}): Promise<Sandbox> {
  const sandbox = await testSandbox(options);
  open.push(sandbox);
  return sandbox;
}
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
});

describe('discovery routes', () => {
  it('serves the root list, OpenAPI (YAML by default, JSON on request) and /docs', async () => {
    const sandbox = await make();
    const api = client(sandbox);
    const root = await api('GET', '/');
    expect(root.status).toBe(200);
    expect((root.body as Record<string, string>).subjects).toBe(`${ORIGIN}/subjects`);
    const yaml = await api('GET', '/api/schema');
    expect(yaml.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi/);
    expect(load(yaml.text)).toMatchObject({ openapi: '3.0.3' });
    for (const [query, accept] of [
      ['', 'application/json'],
      ['', 'application/vnd.oai.openapi+json'],
      ['?format=json', '*/*'],
    ]) {
      const json = await api('GET', `/api/schema${query}`, undefined, { accept: accept as string });
      expect((json.body as { openapi: string }).openapi).toBe('3.0.3');
    }
    const redirect = await api('GET', '/docs');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/docs/');
    expect((await api('GET', '/docs/')).headers.get('content-type')).toMatch(/^text\/html/);
    const core = await api('GET', '/docs/', undefined, { accept: 'application/coreapi+json' });
    expect(core.headers.get('content-type')).toBe('application/coreapi+json');
    expect(core.body).toMatchObject({ _type: 'document' });
  });

  it('switches sources off: root → 302 /admin, others → HTML 404', async () => {
    const sandbox = await make({ discovery: 'coreapi' });
    const api = client(sandbox);
    const root = await api('GET', '/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/admin');
    expect((await api('GET', '/api/schema')).status).toBe(404);
    expect((await api('GET', '/docs/', undefined, { accept: 'application/coreapi+json' })).status).toBe(200);
    const openapiOnly = client(await make({ discovery: 'openapi' }));
    expect((await openapiOnly('GET', '/docs/')).status).toBe(404);
    expect((await openapiOnly('GET', '/api/schema')).status).toBe(200);
  });
});

describe('throttle', () => {
  it('answers 429 with Retry-After once a user exceeds the rate; auth-token is exempt', async () => {
    const sandbox = await make({ throttle: '3/minute' });
    const token = await login(sandbox, 'alice');
    const api = client(sandbox, token);
    for (let i = 0; i < 3; i++) expect((await api('GET', '/labs')).status).toBe(200);
    const throttled = await api('GET', '/labs');
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ status_code: 429 });
    expect((throttled.body as { detail: string }).detail).toMatch(
      /^Request was throttled\. Expected available in (60|59) seconds\.$/,
    );
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await client(sandbox, await login(sandbox, 'admin'))('GET', '/labs')).status).toBe(200);
    expect(await login(sandbox, 'alice')).toBe(token);
  });
});

describe('fault injection', () => {
  it('does not exist unless enabled', async () => {
    const api = client(await make());
    expect((await api('POST', '/__sandbox/faults', { path: '.', kind: 'json500' })).status).toBe(404);
  });

  it('adds, applies (times), lists and clears rules', async () => {
    const sandbox = await make({ faults: true });
    const anon = client(sandbox);
    const api = client(sandbox, await login(sandbox, 'alice'));
    const added = await anon('POST', '/__sandbox/faults', {
      path: '^/labs',
      kind: 'status',
      status: 429,
      retryAfter: 7,
      times: 1,
    });
    expect(added.status).toBe(201);
    const throttled = await api('GET', '/labs');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body).toEqual({
      detail: 'Request was throttled. Expected available in 7 seconds.',
      status_code: 429,
    });
    expect((await api('GET', '/labs')).status).toBe(200);

    await anon('POST', '/__sandbox/faults', { path: '^/labs', method: 'POST', kind: 'status', status: 403 });
    expect((await api('POST', '/labs', { name: 'x' })).body).toEqual({
      detail: 'You do not have permission to perform this action.',
      status_code: 403,
    });
    expect((await api('GET', '/labs')).status).toBe(200);
    await anon('DELETE', '/__sandbox/faults');

    const kinds: [string, number, RegExp][] = [
      ['json500', 500, /^application\/json/],
      ['html500', 500, /^text\/html/],
      ['html200', 200, /^text\/html/],
      ['malformed', 200, /^application\/json/],
    ];
    for (const [kind, status, type] of kinds) {
      await anon('POST', '/__sandbox/faults', { path: '^/subjects', kind, times: 1 });
      const reply = await api('GET', '/subjects');
      expect(reply.status, kind).toBe(status);
      expect(reply.headers.get('content-type'), kind).toMatch(type);
    }
    await anon('POST', '/__sandbox/faults', {
      path: '^/subjects',
      kind: 'latency',
      latencyMs: 150,
      times: 1,
    });
    const started = Date.now();
    expect((await api('GET', '/subjects')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    await anon('POST', '/__sandbox/faults', { path: '^/subjects', kind: 'drop' });
    await expect(sandbox.fetch(new Request(`${ORIGIN}/subjects`))).rejects.toThrow(TypeError);
    expect(((await anon('GET', '/__sandbox/faults')).body as { rules: unknown[] }).rules).toHaveLength(1);
    expect((await anon('DELETE', '/__sandbox/faults')).status).toBe(204);
    expect((await api('GET', '/subjects')).status).toBe(200);
    expect((await anon('POST', '/__sandbox/faults', { path: '(', kind: 'nope' })).status).toBe(400);
  });
});
