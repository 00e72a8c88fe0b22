import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { InstanceConfig } from './config.ts';
import { listen, rawRequest } from './test-helpers.ts';
import type { Listening } from './test-helpers.ts';

interface Echo {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}

let upstream: Listening;
let evil: Listening;
let explorer: Listening;
let distDir: string;
let upstreamHits: string[] = [];
let evilHits = 0;

function echoServer(): Hono {
  const app = new Hono();
  app.get('/redirect-internal', (c) => c.redirect(`${new URL(c.req.url).origin}/sessions?x=1`, 302));
  app.get('/redirect-relative', (c) => c.redirect('/docs/', 301));
  app.get('/alyx/redirect-relative', (c) => c.redirect('/docs/', 301));
  app.get('/alyx/redirect-prefixed', (c) => c.redirect('/alyx/docs/', 301));
  app.get('/redirect-external', (c) => c.redirect('https://s3.example.org/cache.zip', 302));
  // DRF's create answers 201 with `Location` built from X-Forwarded-Host/-Prefix: the proxy's own URL.
  app.post('/created', (c) =>
    c.json({ id: 'x' }, 201, { location: 'http://127.0.0.1:5999/api/up/created/x' }),
  );
  app.get('/slow', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return c.text('late');
  });
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const echo: Echo = {
      method: c.req.method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: Object.fromEntries(c.req.raw.headers),
      body: await c.req.text(),
    };
    c.header('set-cookie', 'sessionid=secret; HttpOnly');
    c.header('retry-after', '7');
    c.header('x-internal', 'upstream-only');
    c.header('allow', 'GET, POST, HEAD, OPTIONS');
    return c.json(echo, c.req.query('status') === '429' ? 429 : 200);
  });
  return app;
}

beforeAll(async () => {
  const echo = echoServer();
  upstream = await listen((req) => {
    upstreamHits.push(new URL(req.url).pathname);
    return echo.fetch(req);
  });
  evil = await listen(() => {
    evilHits += 1;
    return new Response('evil');
  });
  const closed = await listen(() => new Response('gone'));
  await closed.close();

  distDir = mkdtempSync(path.join(tmpdir(), 'explorer-dist-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Alyx Explorer</title>');
  const instances: InstanceConfig[] = [
    { name: 'up', url: upstream.url, proxy: true },
    { name: 'sub', url: `${upstream.url}/alyx`, proxy: true },
    { name: 'down', url: closed.url, proxy: true },
    { name: 'direct', url: evil.url, proxy: false },
  ];
  const { app } = createApp({ instances, distDir, proxy: { timeoutMs: 300 } });
  explorer = await listen((req, env) => app.fetch(req, env));
});

afterAll(async () => {
  await Promise.all([upstream.close(), evil.close(), explorer.close()]);
  rmSync(distDir, { recursive: true, force: true });
});

beforeEach(() => {
  upstreamHits = [];
  evilHits = 0;
});

function json<T>(response: { body: string }): T {
  return JSON.parse(response.body) as T;
}

describe('the same-origin proxy', () => {
  it('forwards method, path, query and the allowed headers, and sets X-Forwarded-*', async () => {
    const response = await rawRequest(explorer.port, '/api/up/sessions?subject=KS005&limit=2', {
      headers: {
        authorization: 'Token abc123',
        accept: 'application/json',
        'accept-version': '2',
        cookie: 'sessionid=browser-secret; csrftoken=x',
        origin: 'http://evil.example',
        'x-custom': 'not forwarded',
        'x-forwarded-host': 'spoofed.example',
      },
    });
    expect(response.status).toBe(200);
    const echo = json<Echo>(response);
    expect(echo.method).toBe('GET');
    expect(echo.path).toBe('/sessions');
    expect(echo.query).toBe('subject=KS005&limit=2');
    expect(echo.headers.authorization).toBe('Token abc123');
    expect(echo.headers.accept).toBe('application/json');
    expect(echo.headers['accept-version']).toBe('2');
    expect(echo.headers.cookie).toBeUndefined();
    expect(echo.headers.origin).toBeUndefined();
    expect(echo.headers['x-custom']).toBeUndefined();
    expect(echo.headers['x-forwarded-host']).toBe(`127.0.0.1:${explorer.port}`);
    expect(echo.headers['x-forwarded-proto']).toBe('http');
    expect(echo.headers['x-forwarded-prefix']).toBe('/api/up');
    expect(echo.headers['x-forwarded-for']).toMatch(/127\.0\.0\.1/);
  });

  it('passes status, content type, Retry-After and Allow through, and strips Set-Cookie and other headers', async () => {
    const response = await rawRequest(explorer.port, '/api/up/sessions?status=429');
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['x-internal']).toBeUndefined();
  });

  it('answers an expected 4xx as 200 with the real status beside it, only when asked, and never forwards the ask', async () => {
    const asked = await rawRequest(explorer.port, '/api/up/sessions?status=429', {
      headers: { 'x-explorer-expected-failure': '1' },
    });
    expect(asked.status).toBe(200);
    expect(asked.headers['x-explorer-upstream-status']).toBe('429');
    expect(asked.headers['cache-control']).toBe('no-store');
    expect(asked.headers['retry-after']).toBe('7');
    const echo = json<Echo>(asked);
    expect(echo.headers['x-explorer-expected-failure']).toBeUndefined();

    const ok = await rawRequest(explorer.port, '/api/up/sessions', {
      headers: { 'x-explorer-expected-failure': '1' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-explorer-upstream-status']).toBeUndefined();

    const plain = await rawRequest(explorer.port, '/api/up/sessions?status=429');
    expect(plain.status).toBe(429);
    expect(plain.headers['x-explorer-upstream-status']).toBeUndefined();
  });

  it('forwards request bodies with their content type, under an instance URL with a path', async () => {
    const payload = JSON.stringify({ subject: 'KS005', weight: 21.5 });
    const response = await rawRequest(explorer.port, '/api/sub/weighings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Token t' },
      body: payload,
    });
    const echo = json<Echo>(response);
    expect(echo.method).toBe('POST');
    expect(echo.path).toBe('/alyx/weighings');
    expect(echo.body).toBe(payload);
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['content-length']).toBe(String(payload.length));
  });

  it('refuses unknown instances and proxy: false instances with 404 JSON', async () => {
    const unknown = await rawRequest(explorer.port, '/api/nope/sessions');
    expect(unknown.status).toBe(404);
    expect(json<{ detail: string }>(unknown).detail).toMatch(
      /^Unknown instance "nope"; configured: up, sub, down$/,
    );
    const direct = await rawRequest(explorer.port, '/api/direct/sessions');
    expect(direct.status).toBe(404);
    expect(json<{ detail: string }>(direct).detail).toMatch(/proxy: false/);
    const bare = await rawRequest(explorer.port, '/api/');
    expect(bare.status).toBe(404);
    expect(evilHits).toBe(0);
    expect(upstreamHits).toEqual([]);
  });

  it.each([
    '/api/up/../direct/x',
    '/api/nope/../up/sessions',
    '/api/up/%2e%2e/x',
    '/api/up/sessions/./x',
    '/api/up/a%2Fb',
    '/api/up/a%5C..%5Cb',
    '/api/up/%zz',
  ])('refuses the path trick %s with 400 and never reaches an upstream', async (target) => {
    const response = await rawRequest(explorer.port, target);
    expect(response.status).toBe(400);
    expect(json<{ detail: string }>(response).detail).toMatch(/^Refused request target/);
    expect(upstreamHits).toEqual([]);
    expect(evilHits).toBe(0);
  });

  it('refuses a backslash in the path (the Node adapter already answers 400)', async () => {
    expect((await rawRequest(explorer.port, '/api/up/a\\..\\..\\b')).status).toBe(400);
    expect(upstreamHits).toEqual([]);
  });

  it('cannot be turned into an open proxy with absolute URLs', async () => {
    const evilHost = `127.0.0.1:${evil.port}`;
    const attempts = [
      `/api/up//${evilHost}/x`,
      `/api/http://${evilHost}/x`,
      `/api/up@${evilHost}/x`,
      `/api/up/http://${evilHost}/x`,
      `http://${evilHost}/api/up/x`,
      `http://${evilHost}/x`,
    ];
    for (const target of attempts) {
      const response = await rawRequest(explorer.port, target, { headers: { accept: 'application/json' } });
      expect(response.status, target).toBeGreaterThanOrEqual(400);
    }
    expect(evilHits).toBe(0);
    expect(upstreamHits).toEqual([]);
  });

  it('answers 502 JSON when the instance is unreachable', async () => {
    const response = await rawRequest(explorer.port, '/api/down/sessions');
    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toBe('application/json');
    expect(json<{ detail: string }>(response).detail).toMatch(
      /^Cannot reach down at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
  });

  it('answers 504 JSON when the instance does not answer in time', async () => {
    const response = await rawRequest(explorer.port, '/api/up/slow');
    expect(response.status).toBe(504);
    expect(json<{ detail: string }>(response).detail).toMatch(/^up at .* did not answer within/);
  });

  it('returns redirects without following them, mapping instance locations under the proxy prefix and refusing others', async () => {
    const internal = await rawRequest(explorer.port, '/api/up/redirect-internal');
    expect(internal.status).toBe(302);
    expect(internal.headers.location).toBe('/api/up/sessions?x=1');
    const relative = await rawRequest(explorer.port, '/api/up/redirect-relative');
    expect(relative.status).toBe(301);
    expect(relative.headers.location).toBe('/api/up/docs/');
    const prefixed = await rawRequest(explorer.port, '/api/sub/redirect-prefixed');
    expect(prefixed.headers.location).toBe('/api/sub/docs/');
    const external = await rawRequest(explorer.port, '/api/up/redirect-external');
    expect(external.status).toBe(502);
    expect(external.headers.location).toBeUndefined();
    expect(JSON.parse(external.body)).toEqual({
      detail: expect.stringMatching(/redirected \(302\) outside/),
    });
    // Same origin, but out of the instance's base path /alyx: the browser must not be sent to /api/sub/../docs.
    const outOfBase = await rawRequest(explorer.port, '/api/sub/redirect-relative');
    expect(outOfBase.status).toBe(502);
    expect(outOfBase.headers.location).toBeUndefined();
    expect(upstreamHits).toEqual([
      '/redirect-internal',
      '/redirect-relative',
      '/alyx/redirect-prefixed',
      '/redirect-external',
      '/alyx/redirect-relative',
    ]);
  });

  it('passes a 201 whose Location is not under the instance base, dropping only that header', async () => {
    const created = await fetch(`${explorer.url}/api/up/created`, { method: 'POST', body: '{}' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBeNull();
    expect(await created.json()).toEqual({ id: 'x' });
  });
});

describe('GET /__explorer/instances', () => {
  it('lists the instances with their base URLs and nothing else', async () => {
    const response = await fetch(`${explorer.url}/__explorer/instances`);
    expect(response.status).toBe(200);
    // Real instances (no sandbox mark) also carry the root of their Django admin (ADR 0033).
    expect(await response.json()).toEqual([
      { name: 'up', url: upstream.url, proxy: true, baseUrl: '/api/up', adminUrl: upstream.url },
      {
        name: 'sub',
        url: `${upstream.url}/alyx`,
        proxy: true,
        baseUrl: '/api/sub',
        adminUrl: `${upstream.url}/alyx`,
      },
      {
        name: 'down',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown,
        proxy: true,
        baseUrl: '/api/down',
        adminUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown,
      },
      { name: 'direct', url: evil.url, proxy: false, baseUrl: evil.url, adminUrl: evil.url },
    ]);
  });

  it('refuses other methods and other explorer paths', async () => {
    expect((await fetch(`${explorer.url}/__explorer/instances`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${explorer.url}/__explorer/secrets`)).status).toBe(404);
  });
});
