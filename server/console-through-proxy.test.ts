/**
 * The request console (src/api/http/raw-request.ts) must not become a way round the proxy: the same
 * attacks, sent the way the console sends them, through the production app server, the Vite dev
 * server's proxy, and straight to a `proxy: false` instance. Real loopback servers throughout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RawRequestRefused, sendRawRequest, type RawRequest } from '../src/api/http/raw-request.ts';
import { createApp } from './app.ts';
import type { InstanceConfig } from './config.ts';
import { listen, type Listening } from './test-helpers.ts';
import { alyxProxyPlugin } from './vite-plugin.ts';

interface Seen {
  method: string;
  target: string;
  headers: Record<string, string>;
  bodyBytes: number;
}

let upstream: Listening;
let evil: Listening;
let explorer: Listening;
let vite: ViteDevServer;
let vitePort: number;
let distDir: string;
let viteRoot: string;
let seen: Seen[] = [];
let evilHits = 0;

const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  upstream = await listen(async (req) => {
    const url = new URL(req.url);
    const bytes = new Uint8Array(await req.arrayBuffer());
    seen.push({
      method: req.method,
      target: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(req.headers),
      bodyBytes: bytes.byteLength,
    });
    if (url.pathname.endsWith('/html'))
      return new Response('<!doctype html><script>window.__xss=1</script>', {
        headers: { 'content-type': 'text/html' },
      });
    if (url.pathname.endsWith('/svg'))
      return new Response('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', {
        headers: { 'content-type': 'image/svg+xml' },
      });
    return Response.json({ ok: true }, { headers: { 'set-cookie': 'sessionid=secret', 'x-internal': 'no' } });
  });
  evil = await listen(() => {
    evilHits += 1;
    return new Response('evil');
  });

  distDir = mkdtempSync(path.join(tmpdir(), 'explorer-console-dist-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Alyx Explorer</title>');
  const instances: InstanceConfig[] = [
    { name: 'up', url: `${upstream.url}/alyx`, proxy: true },
    { name: 'direct', url: evil.url, proxy: false },
  ];
  const { app } = createApp({ instances, distDir, proxy: { maxBodyBytes: MAX_BODY, log: () => undefined } });
  explorer = await listen((req, env) => app.fetch(req, env));

  viteRoot = mkdtempSync(path.join(tmpdir(), 'explorer-console-vite-'));
  writeFileSync(path.join(viteRoot, 'index.html'), '<!doctype html><title>dev</title>');
  writeFileSync(
    path.join(viteRoot, 'explorer.config.json'),
    JSON.stringify({ instances: [{ name: 'up', url: `${upstream.url}/alyx`, proxy: true }] }),
  );
  vite = await createServer({
    configFile: false,
    root: viteRoot,
    logLevel: 'silent',
    plugins: [alyxProxyPlugin()],
    server: { host: '127.0.0.1', port: 0, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  vitePort = (vite.httpServer?.address() as AddressInfo).port;
});

afterAll(async () => {
  await vite.close();
  await Promise.all([upstream.close(), evil.close(), explorer.close()]);
  rmSync(distDir, { recursive: true, force: true });
  rmSync(viteRoot, { recursive: true, force: true });
});

beforeEach(() => {
  seen = [];
  evilHits = 0;
});

const ESCAPES = [
  `${'http'}://127.0.0.1:1/x`,
  'HTTP://evil.example/x',
  '//evil.example/x',
  '///evil.example/x',
  '/\\evil.example/x',
  '/sessions/../../x',
  '/..%2f..%2fx',
  '/%2e%2e/%2e%2e/x',
  '/sessions/%2E%2E/x',
  'javascript:alert(1)',
  'data:text/html,x',
];

const proxies = [
  { name: 'the app server', base: () => `${explorer.url}/api/up` },
  { name: 'the Vite dev server', base: () => `http://127.0.0.1:${vitePort}/api/up` },
];

for (const proxy of proxies) {
  describe(`the console through ${proxy.name}`, () => {
    const send = (request: RawRequest, token: string | null = 'secret-token') =>
      sendRawRequest({ baseUrl: proxy.base(), getToken: () => token }, request);

    it('refuses absolute URLs, //host, backslashes and .. before sending anything', async () => {
      for (const path of ESCAPES)
        await expect(send({ method: 'GET', path }), path).rejects.toBeInstanceOf(RawRequestRefused);
      expect(seen).toEqual([]);
      expect(evilHits).toBe(0);
    });

    it('keeps a query string in the query: a #, ?, CRLF or absolute URL there neither changes the target nor adds a header', async () => {
      const answer = await send({
        method: 'GET',
        path: '/sessions',
        query: 'a=1&next=http://evil.example/&x=\r\nX-Injected: 1&y=#frag',
      });
      expect(answer.status).toBe(200);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.target.startsWith('/alyx/sessions?')).toBe(true);
      expect(seen[0]?.headers['x-injected']).toBeUndefined();
      expect(evilHits).toBe(0);
    });

    it('cannot send a header with CRLF in it: a token carrying one fails before any request', async () => {
      await expect(send({ method: 'GET', path: '/sessions' }, 'tok\r\nX-Injected: 1')).rejects.toThrow();
      expect(seen).toEqual([]);
    });

    it('sends only allowlisted headers with its JSON content type, and cookies never come back', async () => {
      const answer = await send({ method: 'POST', path: '/sessions', body: 'not json at all' });
      expect(answer.status).toBe(200);
      const headers = seen[0]?.headers ?? {};
      expect(headers['content-type']).toBe('application/json');
      expect(headers['authorization']).toBe('Token secret-token');
      expect(headers['cookie']).toBeUndefined();
      const names = answer.headers.map(([name]) => name);
      expect(names).not.toContain('set-cookie');
      expect(names).not.toContain('x-internal');
    });

    it('gets HTML and SVG answers as inert text, never as a document', async () => {
      for (const kind of ['html', 'svg']) {
        const answer = await send({ method: 'GET', path: `/page/${kind}` });
        const headers = new Map(answer.headers);
        expect(headers.get('content-type'), kind).toMatch(/^text\/plain/);
        expect(headers.get('content-security-policy'), kind).toMatch(/sandbox/);
        expect(headers.get('x-content-type-options'), kind).toBe('nosniff');
        expect(answer.json, kind).toBeUndefined();
      }
    });
  });
}

describe('the console through the app server: body size', () => {
  it('a body over the proxy cap is refused with 413 and never reaches the instance', async () => {
    const huge = JSON.stringify({ narrative: 'x'.repeat(MAX_BODY * 4) });
    let status: number | 'network' = 'network';
    try {
      status = (
        await sendRawRequest(
          { baseUrl: `${explorer.url}/api/up` },
          { method: 'POST', path: '/sessions', body: huge },
        )
      ).status;
    } catch (error) {
      // The proxy may close the connection while the body is still going out: a network failure, not a pass.
      expect((error as { kind?: string }).kind).toBe('network');
    }
    if (status !== 'network') expect(status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('a body under the cap arrives whole', async () => {
    const body = JSON.stringify({ narrative: 'y'.repeat(MAX_BODY / 2) });
    const answer = await sendRawRequest(
      { baseUrl: `${explorer.url}/api/up` },
      { method: 'POST', path: '/sessions', body },
    );
    expect(answer.status).toBe(200);
    expect(seen[0]?.bodyBytes).toBe(new TextEncoder().encode(body).byteLength);
  });
});

describe('a proxy: false instance', () => {
  it('is not reachable through the proxy under its name', async () => {
    const answer = await sendRawRequest(
      { baseUrl: `${explorer.url}/api/direct` },
      { method: 'GET', path: '/sessions' },
    );
    expect(answer.status).toBe(404);
    expect(evilHits).toBe(0);
  });

  it('called directly, the console still refuses to leave its base', async () => {
    for (const path of ESCAPES)
      await expect(
        sendRawRequest({ baseUrl: `${evil.url}/alyx` }, { method: 'GET', path }),
        path,
      ).rejects.toBeInstanceOf(RawRequestRefused);
    expect(evilHits).toBe(0);
  });
});
