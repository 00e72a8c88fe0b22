import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { pickEncoding } from './static.ts';
import { listen, rawRequest } from './test-helpers.ts';
import type { Listening } from './test-helpers.ts';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body></body></html>';
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row-${i}"`).join(',')}];\n`;

let workDir: string;
let server: Listening;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'explorer-app-'));
  const distDir = path.join(workDir, 'dist');
  mkdirSync(path.join(distDir, 'assets'), { recursive: true });
  writeFileSync(path.join(distDir, 'index.html'), INDEX);
  writeFileSync(path.join(distDir, 'assets', 'index-Ab12Cd.js'), SCRIPT);
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(workDir, 'secret.txt'), 'do not serve');
  const { app } = createApp({
    instances: [{ name: 'sandbox', url: 'http://127.0.0.1:9', proxy: true }],
    distDir,
  });
  server = await listen((req, env) => app.fetch(req, env));
});

afterAll(async () => {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the app server', () => {
  it.each([
    '/',
    '/sandbox',
    '/sandbox/sessions?subject=KS005&limit=50',
    '/sandbox/subjects/new',
    '/sandbox/datasets/5a1b-2c3d',
  ])('serves the SPA shell for the deep link %s, never cached without revalidation', async (target) => {
    const response = await rawRequest(server.port, target, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    // The shell carries the instance table (server/index-html.ts), so the app does not ask for it.
    expect(response.body).toBe(
      INDEX.replace(
        '</head>',
        '<script type="application/json" id="explorer-instances">[{"name":"sandbox","url":"http://127.0.0.1:9","proxy":true,"baseUrl":"/api/sandbox","adminUrl":"http://127.0.0.1:9"}]</script></head>',
      ),
    );
  });

  it('serves hashed assets with immutable caching, compressed as the client prefers', async () => {
    const plain = await rawRequest(server.port, '/assets/index-Ab12Cd.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(plain.body).toBe(SCRIPT);

    const brotli = await fetchBytes('/assets/index-Ab12Cd.js', 'gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);
    expect(brotli.body.byteLength).toBeLessThan(Buffer.byteLength(SCRIPT) / 2);

    const gzip = await fetchBytes('/assets/index-Ab12Cd.js', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await rawRequest(server.port, '/assets/index-Ab12Cd.js');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const second = await rawRequest(server.port, '/assets/index-Ab12Cd.js', {
      headers: { 'if-none-match': String(etag) },
    });
    expect(second.status).toBe(304);
    expect(second.body).toBe('');
  });

  it('serves other root files with revalidation', async () => {
    const response = await rawRequest(server.port, '/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404, not the SPA shell, for missing assets and non-HTML requests', async () => {
    expect((await rawRequest(server.port, '/assets/index-Gone00.js', { headers: html })).status).toBe(404);
    expect((await rawRequest(server.port, '/missing.css', { headers: html })).status).toBe(404);
    expect(
      (await rawRequest(server.port, '/sandbox/sessions', { headers: { accept: 'application/json' } }))
        .status,
    ).toBe(404);
  });

  it('keeps /api and /__explorer for the proxy even when HTML is accepted', async () => {
    const response = await rawRequest(server.port, '/api/nope/sessions', { headers: html });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ detail: 'Unknown instance "nope"; configured: sandbox' });
  });

  it('never serves files outside the build directory', async () => {
    for (const target of [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const response = await rawRequest(server.port, target, { headers: html });
      expect(response.body, target).not.toContain('do not serve');
    }
  });

  it('refuses writes to static paths and answers HEAD without a body', async () => {
    expect((await rawRequest(server.port, '/sandbox', { method: 'POST', body: '{}' })).status).toBe(405);
    const head = await rawRequest(server.port, '/sandbox/sessions', { method: 'HEAD', headers: html });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('lists the instances in-process too', async () => {
    const { app } = createApp({
      instances: [{ name: 'alyx', url: 'https://alyx.example.org', proxy: true }],
      distDir: workDir,
    });
    const response = await app.fetch(new Request('http://localhost/__explorer/instances'));
    expect(await response.json()).toEqual([
      {
        name: 'alyx',
        url: 'https://alyx.example.org',
        proxy: true,
        baseUrl: '/api/alyx',
        adminUrl: 'https://alyx.example.org',
      },
    ]);
  });
});

describe('pickEncoding', () => {
  it.each([
    [null, undefined],
    ['identity', undefined],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

async function fetchBytes(
  target: string,
  acceptEncoding: string,
): Promise<{ headers: Headers; body: Buffer }> {
  const response = await rawRequest(server.port, target, { headers: { 'accept-encoding': acceptEncoding } });
  const headers = new Headers();
  for (const [key, value] of Object.entries(response.headers))
    if (typeof value === 'string') headers.set(key, value);
  return { headers, body: response.bytes };
}
