import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../app.ts';
import { listen } from './listen.ts';
import type { Listening } from './listen.ts';
import { hostPolicy, isAllowedHost } from './hosts.ts';
import { testSandbox } from './test-helpers.ts';

const KEY = 'a-long-shared-secret-of-the-app-server';

/** A raw request over the socket: fetch() would not let a test choose the Host header. */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host header (DNS rebinding)', () => {
  let sandbox: Sandbox;
  let server: Listening;
  beforeAll(async () => {
    sandbox = await testSandbox({ allowedHosts: ['explorer.lab.org', '.corp.example'], proxyKey: KEY });
    server = await listen(sandbox, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await sandbox.close();
  });

  it.each([
    ['localhost:8000', 200],
    ['127.0.0.1', 200],
    ['[::1]:9', 200],
    ['LOCALHOST', 200],
    ['explorer.lab.org', 200],
    ['a.corp.example:443', 200],
    ['evil.example', 400],
    ['localhost.evil.example', 400],
    ['127.0.0.1.nip.io', 400],
    ['explorer.lab.org.evil', 400],
  ])('Host %s → %i', async (host, status) => {
    const reply = await raw(server.port, '/', { host });
    expect(reply.status).toBe(status);
    if (status === 400) {
      expect(reply.body).toContain('Bad Request (400)');
      expect(reply.body).not.toContain(host);
    } else expect(reply.body).toContain(`http://${host}/subjects`);
  });

  it('ignores X-Forwarded-* without the proxy key, or with a wrong one', async () => {
    const forwarded = {
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-prefix': '/p',
    };
    for (const extra of [
      {},
      { 'x-explorer-proxy-key': 'wrong' },
      { 'x-explorer-proxy-key': `${KEY}x` },
    ] as Record<string, string>[]) {
      const reply = await raw(server.port, '/', { host: 'localhost', ...forwarded, ...extra });
      expect(reply.status).toBe(200);
      expect(reply.body).not.toContain('evil.example');
      expect(reply.body).toContain('http://localhost/subjects');
    }
  });

  it('honours X-Forwarded-Host/Proto/Prefix from the app server carrying the key', async () => {
    const reply = await raw(server.port, '/', {
      host: '127.0.0.1',
      'x-explorer-proxy-key': KEY,
      'x-forwarded-host': 'explorer.example.org',
      'x-forwarded-proto': 'https',
      'x-forwarded-prefix': '/api/sandbox',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('https://explorer.example.org/api/sandbox/subjects');
  });
});

describe('hostPolicy', () => {
  it('adds the public URL host and a non-loopback bound address; never trusts X-Forwarded-* by default', () => {
    const policy = hostPolicy({ publicUrl: 'https://alyx.lab.org:8443/x', bindHost: '192.168.1.5' });
    expect(isAllowedHost(policy, 'alyx.lab.org')).toBe(true);
    expect(isAllowedHost(policy, '192.168.1.5:8000')).toBe(true);
    expect(isAllowedHost(policy, '192.168.1.6')).toBe(false);
    expect(policy.proxyKey).toBeNull();
    expect(isAllowedHost(hostPolicy({ bindHost: '::' }), '[::]')).toBe(false);
    expect(isAllowedHost(hostPolicy({ bindHost: 'fd00::5' }), '[fd00::5]:80')).toBe(true);
  });
});
