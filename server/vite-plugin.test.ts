import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, rawRequest } from './test-helpers.ts';
import type { Listening } from './test-helpers.ts';
import { alyxProxyPlugin } from './vite-plugin.ts';

let root: string;
let upstream: Listening;
let vite: ViteDevServer;
let port: number;

beforeAll(async () => {
  upstream = await listen(async (req) =>
    Response.json({
      path: new URL(req.url).pathname,
      authorization: req.headers.get('authorization'),
      cookie: req.headers.get('cookie'),
      prefix: req.headers.get('x-forwarded-prefix'),
      body: await req.text(),
    }),
  );
  root = mkdtempSync(path.join(tmpdir(), 'explorer-vite-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>dev</title>');
  // The plugin reads explorer.config.json from Vite's root, as the dev server does from the project root.
  writeFileSync(
    path.join(root, 'explorer.config.json'),
    JSON.stringify({ instances: [{ name: 'up', url: upstream.url, proxy: true }] }),
  );
  vite = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [alyxProxyPlugin()],
    server: { host: '127.0.0.1', port: 0, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  port = (vite.httpServer?.address() as AddressInfo).port;
});

afterAll(async () => {
  await vite.close();
  await upstream.close();
  rmSync(root, { recursive: true, force: true });
});

describe('alyxProxyPlugin in the Vite dev server', () => {
  it('serves the instance list from the same table', async () => {
    const response = await rawRequest(port, '/__explorer/instances');
    expect(JSON.parse(response.body)).toEqual([
      { name: 'up', url: upstream.url, proxy: true, baseUrl: '/api/up', adminUrl: upstream.url },
    ]);
  });

  it('proxies /api/{name}/… with the body, Authorization forwarded and cookies stripped', async () => {
    const response = await rawRequest(port, '/api/up/notes', {
      method: 'POST',
      headers: { authorization: 'Token dev', cookie: 'sessionid=x', 'content-type': 'application/json' },
      body: '{"text":"hello"}',
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      path: '/notes',
      authorization: 'Token dev',
      cookie: null,
      prefix: '/api/up',
      body: '{"text":"hello"}',
    });
  });

  it('refuses dot segments and unknown instances, and leaves other paths to Vite', async () => {
    expect((await rawRequest(port, '/api/up/../up/notes')).status).toBe(400);
    expect((await rawRequest(port, '/api/other/notes')).status).toBe(404);
    const page = await rawRequest(port, '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>dev</title>');
  });
});

describe('the dev server, like the app server', () => {
  it('sends the security headers, with a dev CSP that still forbids framing and plugins', async () => {
    const page = await rawRequest(port, '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/object-src 'none'/);
    const proxied = await rawRequest(port, '/api/up/x');
    expect(proxied.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(proxied.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a foreign Host (DNS rebinding) and answers loopback names', async () => {
    for (const target of ['/', '/api/up/x', '/__explorer/instances']) {
      const refused = await rawRequest(port, target, { headers: { host: 'rebind.evil.example' } });
      expect(refused.status, target).toBe(403);
      expect(refused.headers['x-frame-options'], target).toBe('DENY');
      expect(refused.body).not.toContain('upstream');
    }
    const local = await rawRequest(port, '/__explorer/instances', { headers: { host: `localhost:${port}` } });
    expect(local.status).toBe(200);
  });
});
