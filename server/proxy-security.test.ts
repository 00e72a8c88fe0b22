import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.ts';
import type { InstanceConfig } from './config.ts';
import { listen, rawRequest } from './test-helpers.ts';
import type { Listening } from './test-helpers.ts';

// The attacks on the proxy from the security review, each against real loopback servers.

const PWN =
  '<!doctype html><html><body><script>fetch("/__explorer/pwned?t=" + JSON.stringify(sessionStorage))</script></body></html>';
const PROXY_KEY = 'k3y-for-the-sandbox-0123456789abcdef';

let hostile: Listening;
let keyed: Listening;
let explorer: Listening;
let distDir: string;
let upstreamHits = 0;
let logLines: string[] = [];

/** What a hostile instance serves: every type a browser might render, with its own permissive headers. */
const HOSTILE_ROUTES: Record<string, [string | null, string]> = {
  '/pwn.html': ['text/html; charset=utf-8', PWN],
  '/pwn.xhtml': ['application/xhtml+xml', `<html xmlns="http://www.w3.org/1999/xhtml">${PWN}</html>`],
  '/pwn.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  '/pwn.xml': ['text/xml', '<?xml version="1.0"?><x/>'],
  '/pwn.js': ['text/javascript', 'alert(1)'],
  '/pwn.bin': ['application/x-unknown', 'bytes'],
  '/pwn.none': [null, PWN],
  '/api/schema': ['application/vnd.oai.openapi; charset=utf-8', 'openapi: 3.0.0\n'],
  '/docs/': ['application/coreapi+json', '{"_type":"document"}'],
  '/error': ['text/plain; charset=utf-8', 'Server Error (500)'],
  '/': ['application/json', '{"sessions":"/sessions"}'],
};

beforeAll(async () => {
  hostile = await rawServer((req, res) => {
    upstreamHits += 1;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const [type, body] = HOSTILE_ROUTES[pathname] ?? ['text/html', '<h1>Not Found</h1>'];
    res.statusCode = HOSTILE_ROUTES[pathname] ? 200 : 404;
    res.setHeader('content-security-policy', "script-src 'unsafe-inline'");
    res.setHeader('content-disposition', 'inline');
    res.setHeader('x-frame-options', 'ALLOWALL');
    if (type !== null) res.setHeader('content-type', type);
    res.end(body);
  });
  keyed = await listen(async (req) => {
    upstreamHits += 1;
    const body = await req.text();
    return Response.json({ headers: Object.fromEntries(req.headers), bytes: body.length });
  });
  distDir = mkdtempSync(path.join(tmpdir(), 'explorer-dist-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Alyx Explorer</title>');
  const instances: InstanceConfig[] = [
    { name: 'hostile', url: hostile.url, proxy: true },
    { name: 'keyed', url: keyed.url, proxy: true, proxyKey: PROXY_KEY },
    { name: 'unkeyed', url: keyed.url, proxy: true },
  ];
  const { app } = createApp({
    instances,
    distDir,
    proxy: { maxBodyBytes: 1024 * 1024, bodyTimeoutMs: 400, log: (line) => logLines.push(line) },
  });
  explorer = await listen((req, env) => app.fetch(req, env));
});

/** Plain node:http, so a response can go out with no Content-Type at all. */
function rawServer(handler: RequestListener): Promise<Listening> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

afterAll(async () => {
  await Promise.all([hostile.close(), keyed.close(), explorer.close()]);
  rmSync(distDir, { recursive: true, force: true });
});

beforeEach(() => {
  upstreamHits = 0;
  logLines = [];
});

describe('proxied responses cannot run as documents on the explorer origin', () => {
  it.each([
    ['/pwn.html', 'text/plain; charset=utf-8'],
    ['/pwn.xhtml', 'text/plain; charset=utf-8'],
    ['/pwn.svg', 'text/plain; charset=utf-8'],
    ['/pwn.xml', 'text/plain; charset=utf-8'],
    ['/pwn.js', 'application/octet-stream'],
    ['/pwn.bin', 'application/octet-stream'],
    ['/pwn.none', 'application/octet-stream'],
    ['/nope', 'text/plain; charset=utf-8'],
  ])('%s is served as %s, as a download, sandboxed', async (route, type) => {
    const response = await rawRequest(explorer.port, `/api/hostile${route}`, {
      headers: { accept: 'text/html' },
    });
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toBe('attachment');
    expect(response.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('keeps the bytes, so the client still reads an HTML error page as text and names it', async () => {
    const response = await rawRequest(explorer.port, '/api/hostile/nope');
    expect(response.status).toBe(404);
    expect(response.body).toBe('<h1>Not Found</h1>');
  });

  it.each([
    ['/', 'application/json'],
    ['/docs/', 'application/coreapi+json'],
    ['/api/schema', 'application/vnd.oai.openapi; charset=utf-8'],
    ['/error', 'text/plain; charset=utf-8'],
  ])('passes the API type of %s (%s) through, still sandboxed', async (route, type) => {
    const response = await rawRequest(explorer.port, `/api/hostile${route}`);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toBe('inline');
    expect(response.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it("sandboxes the proxy's own answers too", async () => {
    for (const target of ['/api/nowhere/x', '/__explorer/instances', '/__explorer/other']) {
      const response = await rawRequest(explorer.port, target);
      expect(response.headers['content-security-policy'], target).toMatch(/^sandbox; default-src 'none'/);
      expect(response.headers['x-content-type-options'], target).toBe('nosniff');
    }
  });
});

describe('the proxy key', () => {
  it('is sent to its instance only, and a client-supplied one is never forwarded', async () => {
    const spoof = { 'x-explorer-proxy-key': 'guessed-by-the-client-000000' };
    const withKey = await rawRequest(explorer.port, '/api/keyed/', { headers: spoof });
    expect(JSON.parse(withKey.body).headers['x-explorer-proxy-key']).toBe(PROXY_KEY);
    const without = await rawRequest(explorer.port, '/api/unkeyed/', { headers: spoof });
    expect(JSON.parse(without.body).headers['x-explorer-proxy-key']).toBeUndefined();
  });

  it('never reaches the browser', async () => {
    const response = await rawRequest(explorer.port, '/__explorer/instances');
    expect(response.body).not.toContain(PROXY_KEY);
    expect(response.body).not.toContain('proxyKey');
  });
});

interface Upload {
  status: number;
  body: string;
  sentBeforeResponse: number;
  sentTotal: number;
  error?: string;
}

/** A chunked POST (no Content-Length) that keeps writing `total` bytes, as fast as the socket takes them, until cut. */
function chunkedUpload(
  port: number,
  total: number,
  chunkBytes: number,
  pauseAfter?: number,
): Promise<Upload> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(chunkBytes, 0x61);
    const result: Upload = { status: 0, body: '', sentBeforeResponse: -1, sentTotal: 0 };
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/keyed/uploads',
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      result.status = res.statusCode ?? 0;
      result.sentBeforeResponse = result.sentTotal;
      res.on('data', (data: Buffer) => (result.body += data.toString()));
      res.on('end', () => setTimeout(finish, 300));
    });
    req.on('error', (error) => {
      result.error = error.message;
      // A write can fail (EPIPE/ECONNRESET) while the server's answer is still being read: give it time.
      setTimeout(finish, 300);
    });
    req.on('close', () => setTimeout(finish, 300));
    const pump = () => {
      while (result.sentTotal < total && !req.destroyed) {
        if (pauseAfter !== undefined && result.sentTotal >= pauseAfter) return; // a slow client goes quiet
        result.sentTotal += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (result.sentTotal >= total) req.end();
    };
    pump();
  });
}

describe('request bodies', () => {
  it('cuts a chunked upload at the cap while it streams: 413, the connection closed, nothing buffered whole', async () => {
    const total = 50 * 1024 * 1024;
    const before = process.memoryUsage().arrayBuffers;
    const upload = await chunkedUpload(explorer.port, total, 256 * 1024);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body)).toEqual({ detail: 'Request body larger than 1048576 bytes' });
    expect(upload.sentBeforeResponse).toBeLessThan(total / 4);
    expect(upload.sentTotal).toBeLessThan(total);
    expect(grown).toBeLessThan(20 * 1024 * 1024);
    expect(upstreamHits).toBe(0);
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(
      /^explorer: cut an oversized upload to POST \/api\/keyed\/uploads after \d+ bytes$/,
    );
  });

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const response = await rawRequest(explorer.port, '/api/keyed/uploads', {
      method: 'POST',
      headers: { 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(upstreamHits).toBe(0);
  });

  it('answers 408 JSON to a body that stops arriving, with one log line', async () => {
    const upload = await chunkedUpload(explorer.port, 1024, 16, 64);
    expect(upload.status).toBe(408);
    expect(JSON.parse(upload.body)).toEqual({ detail: expect.stringMatching(/not received within/) });
    expect(upstreamHits).toBe(0);
    expect(logLines).toEqual([expect.stringMatching(/^explorer: gave up on a slow upload to POST/)]);
  });

  it('logs a client that aborts mid-upload as one line, not a stack trace', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await new Promise<void>((resolve) => {
        const req = request({
          host: '127.0.0.1',
          port: explorer.port,
          path: '/api/keyed/uploads',
          method: 'POST',
        });
        req.on('error', () => undefined);
        req.write(Buffer.alloc(1024));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100);
      });
      await expect.poll(() => logLines.length).toBe(1);
      expect(logLines[0]).toMatch(
        /^explorer: client aborted an upload to POST \/api\/keyed\/uploads after 1024 bytes$/,
      );
      expect(errors).not.toHaveBeenCalled();
      expect(upstreamHits).toBe(0);
    } finally {
      errors.mockRestore();
    }
  });

  it('still forwards a body under the cap with its length', async () => {
    const response = await rawRequest(explorer.port, '/api/keyed/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'y'.repeat(1000) }),
    });
    const echo = JSON.parse(response.body);
    expect(echo.bytes).toBe(1008);
    expect(echo.headers['content-length']).toBe('1008');
  });
});
