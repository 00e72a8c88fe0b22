import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox/app.ts';
import { NGINX_HINT, findNginx } from '../scripts/find-nginx.mjs';
import {
  buildUnderBase,
  freePort,
  readableTempDir,
  renderRecipe,
  startAppServer,
  startNginx,
  type Nginx,
  type Started,
} from './nginx-harness.ts';
import { COMMON_SECURITY_HEADERS, PROXY_CSP, appCsp } from './security-headers.ts';
import { listen, rawRequest, type Listening, type RawResponse } from './test-helpers.ts';

// The two nginx recipes of docs/deploy.md, run from the very files the docs quote (docs/deploy/*.conf).
const nginxBinary = findNginx();
if (!nginxBinary) console.log(`nginx recipes skipped (no nginx binary): ${NGINX_HINT}.`);

// The recipes listen with TLS; the test listens on a loopback port in plain HTTP.
const PLAIN_HTTP = (name: string, port: number) =>
  [
    ['listen 443 ssl;', `listen 127.0.0.1:${port};`],
    [`    ssl_certificate     /etc/ssl/certs/${name}.pem;\n`, ''],
    [`    ssl_certificate_key /etc/ssl/private/${name}.key;\n`, ''],
  ] as const;

function headerValues(response: RawResponse, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < response.rawHeaders.length; i += 2) {
    if (response.rawHeaders[i]?.toLowerCase() === name) values.push(response.rawHeaders[i + 1] ?? '');
  }
  return values;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('docs/deploy.md', () => {
  it('quotes each docs/deploy file as it is', () => {
    const doc = readFileSync(path.resolve('docs/deploy.md'), 'utf8');
    for (const file of readdirSync(path.resolve('docs/deploy'))) {
      const text = readFileSync(path.resolve('docs/deploy', file), 'utf8').trimEnd();
      expect(doc.includes(`\n${text}\n\`\`\``), `docs/deploy.md quotes docs/deploy/${file} verbatim`).toBe(
        true,
      );
    }
  });
});

describe.skipIf(!nginxBinary)('recipe 1: two app servers behind one nginx', () => {
  const PUBLIC_HOST = 'explorer.lab.example.org';
  const PROXY_KEY = 'n'.repeat(32);
  let sandbox: Sandbox;
  // One sandbox, one listener per app server: the test sees which app server forwarded what.
  const seen = { a: [] as string[], b: [] as string[] };
  const listeners: Partial<Record<'a' | 'b', Listening>> = {};
  const apps: Partial<Record<'a' | 'b', Started>> = {};
  const ports = { a: 0, b: 0, nginx: 0 };
  const envs: Partial<Record<'a' | 'b', Record<string, string>>> = {};
  let dir: string;
  let nginx: Nginx | undefined;
  let token = '';

  const send = (method: string, target: string, body?: unknown, accept = 'application/json') =>
    rawRequest(ports.nginx, target, {
      method,
      headers: {
        host: PUBLIC_HOST,
        accept,
        ...(token ? { authorization: `Token ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const count = (which: 'a' | 'b', line: string) => seen[which].filter((entry) => entry === line).length;

  beforeAll(async () => {
    sandbox = await createSandbox({ dataDir: null, proxyKey: PROXY_KEY, faults: true });
    dir = readableTempDir('nginx-recipe-1-');
    const dist = path.join(dir, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Alyx Explorer</title>\n');
    for (const which of ['a', 'b'] as const) {
      listeners[which] = await listen((request) => {
        const url = new URL(request.url);
        if (url.pathname !== '/__sandbox/faults') seen[which].push(`${request.method} ${url.pathname}`);
        return sandbox.fetch(request);
      });
      const config = path.join(dir, `explorer-${which}.config.json`);
      const instance = { name: 'sandbox', url: listeners[which].url, proxy: true, proxyKey: PROXY_KEY };
      writeFileSync(config, JSON.stringify({ instances: [instance], allowedHosts: [PUBLIC_HOST] }));
      ports[which] = await freePort();
      envs[which] = { EXPLORER_CONFIG: config, EXPLORER_DIST: dist };
    }
    [apps.a, apps.b] = await Promise.all([
      startAppServer(envs.a!, ports.a),
      startAppServer(envs.b!, ports.b),
    ]);
    ports.nginx = await freePort();
    const site = renderRecipe('nginx-app-servers.conf', [
      ...PLAIN_HTTP(PUBLIC_HOST, ports.nginx),
      ['127.0.0.1:5173', `127.0.0.1:${ports.a}`],
      ['127.0.0.1:5174', `127.0.0.1:${ports.b}`],
    ]);
    nginx = await startNginx(nginxBinary!, site, ports.nginx);
  }, 120_000);

  afterAll(async () => {
    await nginx?.kill();
    await Promise.all([apps.a?.kill('SIGKILL'), apps.b?.kill('SIGKILL')]);
    await Promise.all([listeners.a?.close(), listeners.b?.close()]);
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in through nginx, then reads and writes, served by both app servers', async () => {
    const login = await send('POST', '/api/sandbox/auth-token', { username: 'alice', password: 'alice' });
    expect(login.status).toBe(200);
    token = (JSON.parse(login.body) as { token: string }).token;
    for (let i = 0; i < 4; i++) expect((await send('GET', '/api/sandbox/subjects?limit=2')).status).toBe(200);

    const nickname = `NGINX_${Date.now()}`;
    const created = await send('POST', '/api/sandbox/subjects', { nickname, lab: 'mainenlab' });
    expect(created.status).toBe(201);
    const patched = await send('PATCH', `/api/sandbox/subjects/${nickname}`, { description: 'via nginx' });
    expect(patched.status).toBe(200);
    const read = await send('GET', `/api/sandbox/subjects/${nickname}`);
    expect((JSON.parse(read.body) as { description: string }).description).toBe('via nginx');
    expect((await send('DELETE', `/api/sandbox/subjects/${nickname}`)).status).toBe(204);

    expect(count('a', 'GET /subjects')).toBeGreaterThan(0);
    expect(count('b', 'GET /subjects')).toBeGreaterThan(0);
  });

  it('passes the explorer’s security headers and CSP through once, unchanged', async () => {
    for (const [target, csp, accept] of [
      ['/', appCsp(), 'text/html'],
      ['/sandbox/subjects', appCsp(), 'text/html'],
      ['/api/sandbox/subjects?limit=1', PROXY_CSP, 'application/json'],
    ] as const) {
      const response = await send('GET', target, undefined, accept);
      expect(response.status).toBe(200);
      expect(headerValues(response, 'content-security-policy')).toEqual([csp]);
      for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) {
        expect(headerValues(response, name), name).toEqual([value]);
      }
    }
  });

  it('refuses a Host the app servers were not configured for (421), through nginx', async () => {
    const response = await rawRequest(ports.nginx, '/', {
      headers: { host: 'elsewhere.example', accept: 'text/html' },
    });
    expect(response.status).toBe(421);
  });

  /** Sends `method target` with the sandbox holding it for 1.5 s, and SIGKILLs the app server that forwarded it. */
  async function killMidRequest(method: string, target: string, body?: unknown) {
    const sandboxPath = new URL(target, 'http://x').pathname.replace('/api/sandbox', '');
    const fault = await fetch(`${listeners.a!.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: `^${sandboxPath}`, method, kind: 'latency', latencyMs: 1500, times: 1 }),
    });
    expect(fault.status).toBe(201);
    const line = `${method} ${sandboxPath}`;
    const before = { a: count('a', line), b: count('b', line) };
    const answer = send(method, target, body);
    let holder: 'a' | 'b' | undefined;
    await until(`${line} to reach the sandbox`, () => {
      holder = count('a', line) > before.a ? 'a' : count('b', line) > before.b ? 'b' : undefined;
      return holder !== undefined;
    });
    await apps[holder!]!.kill('SIGKILL');
    const response = await answer;
    const other = holder === 'a' ? 'b' : 'a';
    const atOther = count(other, line) - before[other];
    apps[holder!] = await startAppServer(envs[holder!]!, ports[holder!]);
    return { response, atOther };
  }

  it('does not resend a POST whose app server died after receiving it', async () => {
    const nickname = `NGINX_ONCE_${Date.now()}`;
    const { response, atOther } = await killMidRequest('POST', '/api/sandbox/subjects', {
      nickname,
      lab: 'mainenlab',
    });
    expect(response.status).toBe(502);
    // The sandbox still applies the one POST it got after its delay; nobody sent a second.
    await until('the held POST to be applied', async () => {
      const read = await fetch(`${listeners.a!.url}/subjects/${nickname}`, {
        headers: { authorization: `Token ${token}` },
      });
      return read.status === 200;
    });
    expect(atOther).toBe(0);
  });

  // nginx leaves a failed server alone for fail_timeout (10 s): with the other one down as well it
  // answers 502 (no live upstreams) meanwhile. Wait until it sends to both again.
  async function untilBothServe() {
    await until('nginx to use both app servers again', async () => {
      const before = { a: count('a', 'GET /users'), b: count('b', 'GET /users') };
      await send('GET', '/api/sandbox/users?limit=1');
      await send('GET', '/api/sandbox/users?limit=1');
      return count('a', 'GET /users') > before.a && count('b', 'GET /users') > before.b;
    });
  }

  it('answers from the other app server while one is down, and moves a dropped GET to it', async () => {
    await untilBothServe();
    await apps.a!.kill('SIGKILL');
    for (let i = 0; i < 4; i++) expect((await send('GET', '/api/sandbox/subjects?limit=1')).status).toBe(200);
    apps.a = await startAppServer(envs.a!, ports.a);
    await untilBothServe();
    const { response, atOther } = await killMidRequest('GET', '/api/sandbox/subjects?limit=3');
    expect(response.status).toBe(200);
    expect(atOther).toBe(1);
  }, 60_000);
});

describe.skipIf(!nginxBinary)('recipe 2: the sub-path build on Alyx’s own origin', () => {
  let sandbox: Sandbox;
  let alyx: Listening;
  let dir: string;
  let nginx: Nginx | undefined;
  let port = 0;
  let assets: string[] = [];

  beforeAll(async () => {
    dir = readableTempDir('nginx-recipe-2-');
    const outDir = path.join(dir, 'alyx-explorer');
    await buildUnderBase(outDir, '/explorer/');
    assets = readdirSync(path.join(outDir, 'assets'));
    sandbox = await createSandbox({ dataDir: null });
    alyx = await listen((request) => sandbox.fetch(request));
    port = await freePort();
    const headers = path.join(dir, 'alyx-explorer-headers.conf');
    writeFileSync(headers, renderRecipe('alyx-explorer-headers.conf', []));
    const site = renderRecipe('nginx-alyx-origin.conf', [
      ...PLAIN_HTTP('alyx.lab.example.org', port),
      ['127.0.0.1:8000', `127.0.0.1:${alyx.port}`],
      ['https://alyx.lab.example.org', `http://127.0.0.1:${port}`],
      ['/var/www/alyx-explorer/', `${outDir}/`],
      ['/etc/nginx/alyx-explorer-headers.conf', headers],
    ]);
    nginx = await startNginx(nginxBinary!, site, port);
  }, 300_000);

  afterAll(async () => {
    await nginx?.kill();
    await alyx?.close();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (target: string, headers: Record<string, string> = {}) =>
    rawRequest(port, target, { headers: { host: `127.0.0.1:${port}`, ...headers } });

  it('answers /explorer/ and deep links with the app shell, revalidated, under the app’s CSP', async () => {
    for (const target of ['/explorer/', '/explorer/alyx/subjects', '/explorer/alyx/sessions/abc?limit=5']) {
      const response = await get(target);
      expect(response.status, target).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(headerValues(response, 'content-security-policy')).toEqual([appCsp()]);
      for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) {
        expect(headerValues(response, name), name).toEqual([value]);
      }
    }
    const bare = await get('/explorer');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toMatch(/\/explorer\/$/);
  });

  it('serves hashed assets with a long cache, compressed, and a missing one as an uncached 404', async () => {
    const script = assets.find((name) => name.endsWith('.js'));
    const style = assets.find((name) => name.endsWith('.css'));
    for (const [name, type] of [
      [script, /^application\/javascript/],
      [style, /^text\/css/],
    ] as const) {
      const response = await get(`/explorer/assets/${name}`, { 'accept-encoding': 'gzip' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(headerValues(response, 'x-content-type-options')).toEqual(['nosniff']);
    }
    const big = await get(`/explorer/assets/${script}`, { 'accept-encoding': 'gzip' });
    if (big.bytes.length > 1024) expect(big.headers['content-encoding']).toBe('gzip');
    const missing = await get('/explorer/assets/index-00000000.js');
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it('answers /explorer/__explorer/instances with one direct instance on this origin', async () => {
    const response = await get('/explorer/__explorer/instances');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(response.body)).toEqual([
      { name: 'alyx', url: `http://127.0.0.1:${port}`, proxy: false },
    ]);
  });

  it('passes Alyx’s API on the same origin through to it', async () => {
    const login = await rawRequest(port, '/auth-token', {
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'alice' }),
    });
    expect(login.status).toBe(200);
    const { token } = JSON.parse(login.body) as { token: string };
    const list = await get('/subjects?limit=2', {
      authorization: `Token ${token}`,
      accept: 'application/json',
    });
    expect(list.status).toBe(200);
    expect((JSON.parse(list.body) as { results: unknown[] }).results).toHaveLength(2);
  });
});
