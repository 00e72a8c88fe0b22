import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createHostCheck } from './hosts.ts';
import { listen, rawRequest } from './test-helpers.ts';
import type { Listening, RawResponse } from './test-helpers.ts';

let workDir: string;
let server: Listening;
let upstream: Listening;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'explorer-headers-'));
  mkdirSync(path.join(workDir, 'assets'));
  writeFileSync(
    path.join(workDir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/a.js"></script>',
  );
  writeFileSync(path.join(workDir, 'assets', 'a.js'), 'export {};');
  writeFileSync(path.join(workDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  upstream = await listen(() => Response.json({ ok: true }));
  const { app } = createApp({
    instances: [
      { name: 'up', url: upstream.url, proxy: true },
      { name: 'gone', url: 'http://127.0.0.1:9', proxy: true },
      { name: 'cors', url: 'https://alyx.example.org/base', proxy: false },
    ],
    distDir: workDir,
    allowedHosts: ['explorer.example.org', 'lab.example.org:8443'],
  });
  server = await listen((req, env) => app.fetch(req, env));
});

afterAll(async () => {
  await Promise.all([server.close(), upstream.close()]);
  rmSync(workDir, { recursive: true, force: true });
});

const html = { accept: 'text/html' };

function expectCommonHeaders(response: RawResponse, what: string): void {
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
  expect(response.headers['referrer-policy'], what).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(response.headers['cross-origin-resource-policy'], what).toBe('same-origin');
  expect(response.headers['permissions-policy'], what).toMatch(/camera=\(\)/);
  expect(response.headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
}

describe('security headers', () => {
  it.each([
    ['app shell', 'GET', '/', html, 200],
    ['deep link', 'GET', '/up/sessions?limit=2', html, 200],
    ['hashed asset', 'GET', '/assets/a.js', {}, 200],
    ['root file', 'GET', '/favicon.svg', {}, 200],
    ['missing asset', 'GET', '/assets/missing.js', {}, 404],
    ['static write', 'POST', '/', {}, 405],
    ['instance list', 'GET', '/__explorer/instances', {}, 200],
    ['unknown explorer path', 'GET', '/__explorer/x', {}, 404],
    ['proxied answer', 'GET', '/api/up/', {}, 200],
    ['unknown instance', 'GET', '/api/nowhere/', {}, 404],
    ['unreachable instance', 'GET', '/api/gone/', {}, 502],
    ['refused target', 'GET', '/api/up/%2e%2e/x', {}, 400],
    ['adapter refusal (backslash)', 'GET', '/api/up/a\\b', {}, 400],
  ])('are on the %s (%s %s)', async (what, method, target, headers, status) => {
    const response = await rawRequest(server.port, target, { method, headers });
    expect(response.status).toBe(status);
    expectCommonHeaders(response, what);
  });

  it('give the app a strict CSP: no inline script, no remote images, direct instances in connect-src', async () => {
    const response = await rawRequest(server.port, '/', { headers: html });
    const csp = String(response.headers['content-security-policy'] ?? '');
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('connect-src')).toBe("'self' https://alyx.example.org");
  });

  it('sandbox every proxy answer', async () => {
    const response = await rawRequest(server.port, '/api/up/');
    expect(response.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
  });
});

describe('the Host check', () => {
  it.each([
    'evil.example',
    'evil.example:80',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    'lab.example.org',
    'lab.example.org:80',
  ])('answers 421 to Host %s on every route, before any proxying', async (host) => {
    for (const target of ['/', '/api/up/', '/__explorer/instances', '/assets/a.js']) {
      const response = await rawRequest(server.port, target, { headers: { host, ...html } });
      expect(response.status, target).toBe(421);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.body).toMatch(/^Misdirected request/);
      expect(response.body).not.toContain('ok');
      expectCommonHeaders(response, target);
    }
  });

  it.each([
    'localhost',
    'localhost:5173',
    '127.0.0.1:1',
    '[::1]:5173',
    'EXPLORER.example.org',
    'lab.example.org:8443',
  ])('answers Host %s', async (host) => {
    const response = await rawRequest(server.port, '/__explorer/instances', { headers: { host } });
    expect(response.status).toBe(200);
  });

  it('accepts the non-loopback address it binds to, but not for a wildcard bind', () => {
    expect(createHostCheck([], '10.1.2.3')('10.1.2.3:5173')).toBe(true);
    expect(createHostCheck([], '10.1.2.3')('10.1.2.4:5173')).toBe(false);
    expect(createHostCheck([], 'fd00::5')('[fd00::5]:5173')).toBe(true);
    expect(createHostCheck([], '0.0.0.0')('0.0.0.0')).toBe(false);
    expect(createHostCheck([], undefined)(null)).toBe(false);
    expect(createHostCheck([], undefined)('local host')).toBe(false);
  });
});
