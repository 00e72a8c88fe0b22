/** The console's raw request against the in-process sandbox: answers as they came, never thrown. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from './client.ts';
import { AlyxError } from './errors.ts';
import { rawRequestPath, RawRequestRefused, sendRawRequest, type RawTarget } from './raw-request.ts';
import { inProcessFetch, loadSandboxModule, type SandboxInstance } from '../test-support/sandbox.ts';

const sandboxModule = await loadSandboxModule();
const BASE = 'http://sandbox.test/api/sandbox';

describe('rawRequestPath', () => {
  it('keeps instance-relative paths and merges the query', () => {
    expect(rawRequestPath('/sessions', 'subject=KS005')).toBe('/sessions?subject=KS005');
    expect(rawRequestPath('sessions?limit=2', 'subject=KS005')).toBe('/sessions?limit=2&subject=KS005');
    expect(rawRequestPath(' /subjects/KS%20005 ')).toBe('/subjects/KS%20005');
    expect(rawRequestPath('/')).toBe('/');
  });

  it.each([
    'https://evil.example.org/sessions',
    'http:/sessions',
    '//evil.example.org/sessions',
    'javascript:alert(1)',
    '/../admin',
    '/sessions/../../x',
    '/sessions/%2e%2e/x',
    '/%2E%2E',
    '/sessions/.',
    '/a%2F..%2Fb',
    '/a\\..\\b',
    '/bad%zz',
    '',
  ])('refuses %j', (path) => {
    expect(() => rawRequestPath(path)).toThrow(RawRequestRefused);
  });
});

describe('sendRawRequest against the sandbox', () => {
  let sandbox: SandboxInstance;
  let admin: RawTarget;
  let publicUser: RawTarget;
  let anonymous: RawTarget;
  const seen: string[] = [];

  beforeAll(async () => {
    sandbox = await sandboxModule.createSandbox({ dataDir: null });
    const inner = inProcessFetch(sandbox);
    // The sandbox is mounted at its root; strip the proxy-like base the console would prefix.
    const fetchViaBase: typeof fetch = (input, init) => {
      const url = String(input);
      seen.push(url);
      return inner(url.replace(BASE, 'http://sandbox.test'), init);
    };
    const login = async (username: string): Promise<string> =>
      createAlyxClient({ baseUrl: 'http://sandbox.test', fetch: inner }).login(username, username);
    const adminToken = await login('admin');
    const publicToken = await login('public');
    admin = { baseUrl: BASE, getToken: () => adminToken, fetch: fetchViaBase };
    publicUser = { baseUrl: BASE, getToken: () => publicToken, fetch: fetchViaBase };
    anonymous = { baseUrl: BASE, fetch: fetchViaBase };
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('GET a list: 200, headers, size in bytes, time and parsed JSON', async () => {
    const reply = await sendRawRequest(admin, { method: 'GET', path: '/subjects', query: 'limit=2' });
    expect(reply.status).toBe(200);
    expect(reply.headers.find(([name]) => name === 'content-type')?.[1]).toMatch(/application\/json/);
    expect(reply.sizeBytes).toBe(new TextEncoder().encode(reply.text).byteLength);
    expect(reply.sizeBytes).toBeGreaterThan(10);
    expect(reply.durationMs).toBeGreaterThanOrEqual(0);
    const page = reply.json as { count: number; results: unknown[] };
    expect(page.results).toHaveLength(2);
    expect(page.count).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(`${BASE}/subjects?limit=2`);
  });

  it('returns 4xx and 5xx answers instead of throwing', async () => {
    const missing = await sendRawRequest(admin, { method: 'GET', path: '/subjects/no-such-subject-xyz' });
    expect(missing.status).toBe(404);

    const noToken = await sendRawRequest(anonymous, { method: 'GET', path: '/subjects' });
    expect(noToken.status).toBe(403);
    expect(noToken.json).toMatchObject({ detail: expect.stringMatching(/credentials/i) as unknown });

    const refused = await sendRawRequest(publicUser, {
      method: 'PATCH',
      path: '/subjects/anything',
      body: '{"description": "x"}',
    });
    expect(refused.status).toBe(403);

    const invalid = await sendRawRequest(admin, { method: 'POST', path: '/subjects', body: '{}' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.json as object).length, invalid.text).toBeGreaterThan(0);

    const badLookup = await sendRawRequest(admin, {
      method: 'GET',
      path: '/sessions',
      query: 'django=no_such_field__exact,1',
    });
    expect(badLookup.status).toBeGreaterThanOrEqual(400);
  });

  it('OPTIONS, and a POST/PATCH/DELETE round trip with a JSON body', async () => {
    const options = await sendRawRequest(admin, { method: 'OPTIONS', path: '/subjects' });
    expect(options.status).toBe(200);
    expect(options.json).toHaveProperty('actions');

    const nickname = `raw-${Date.now()}`;
    const lab = (
      (await sendRawRequest(admin, { method: 'GET', path: '/labs', query: 'limit=1' })).json as {
        results: { name: string }[];
      }
    ).results[0]?.name;
    const created = await sendRawRequest(admin, {
      method: 'POST',
      path: '/subjects',
      body: JSON.stringify({ nickname, lab, sex: 'U' }),
    });
    expect(created.status, created.text).toBe(201);

    const patched = await sendRawRequest(admin, {
      method: 'PATCH',
      path: `/subjects/${nickname}`,
      body: '{"description": "from the console"}',
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ nickname, description: 'from the console' });

    const deleted = await sendRawRequest(admin, { method: 'DELETE', path: `/subjects/${nickname}` });
    expect(deleted.status).toBe(204);
    expect(deleted.sizeBytes).toBe(0);
    expect(deleted.json).toBeUndefined();
    expect((await sendRawRequest(admin, { method: 'GET', path: `/subjects/${nickname}` })).status).toBe(404);
  });

  it('refuses absolute URLs before sending anything', async () => {
    const before = seen.length;
    await expect(
      sendRawRequest(admin, { method: 'GET', path: 'https://evil.example.org/subjects' }),
    ).rejects.toBeInstanceOf(RawRequestRefused);
    await expect(sendRawRequest(admin, { method: 'GET', path: '/../subjects' })).rejects.toBeInstanceOf(
      RawRequestRefused,
    );
    expect(seen.length).toBe(before);
  });

  it('a network failure is an AlyxError of kind network; an abort stays an abort', async () => {
    // A real refused connection: nothing listens on the discard port of loopback.
    const down: RawTarget = { baseUrl: 'http://127.0.0.1:9' };
    await expect(sendRawRequest(down, { method: 'GET', path: '/subjects' })).rejects.toMatchObject({
      kind: 'network',
    });
    await expect(sendRawRequest(down, { method: 'GET', path: '/subjects' })).rejects.toBeInstanceOf(
      AlyxError,
    );

    const controller = new AbortController();
    controller.abort();
    await expect(
      sendRawRequest(admin, { method: 'GET', path: '/subjects', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
