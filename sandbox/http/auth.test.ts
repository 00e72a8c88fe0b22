import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../app.ts';
import { client, login, ORIGIN, testSandbox } from './test-helpers.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await testSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('POST /auth-token', () => {
  it('returns one 40-hex token per user, for JSON, form and multipart bodies', async () => {
    const json = await login(sandbox, 'alice');
    expect(json).toMatch(/^[0-9a-f]{40}$/);
    const form = await sandbox.fetch(
      new Request(`${ORIGIN}/auth-token`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'alice', password: 'alice' }),
      }),
    );
    expect(await form.json()).toEqual({ token: json });
    const data = new FormData();
    data.set('username', 'alice');
    data.set('password', 'alice');
    const multipart = await sandbox.fetch(
      new Request(`${ORIGIN}/auth-token`, { method: 'POST', body: data }),
    );
    expect(await multipart.json()).toEqual({ token: json });
    expect(await login(sandbox, 'admin')).not.toBe(json);
  });

  it('rejects wrong passwords, unknown and inactive users with 400', async () => {
    const api = client(sandbox);
    for (const [username, password] of [
      ['alice', 'nope'],
      ['nobody', 'x'],
      ['ghost', 'ghost'],
    ]) {
      const reply = await api('POST', '/auth-token', { username, password });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({
        non_field_errors: ['Unable to log in with provided credentials.'],
        status_code: 400,
      });
    }
    const missing = await api('POST', '/auth-token', { username: 'alice' });
    expect(missing.body).toEqual({ password: ['This field is required.'], status_code: 400 });
    const get = await api('GET', '/auth-token');
    expect(get.status).toBe(405);
  });
});

describe('token authentication on data endpoints', () => {
  it('answers 403 without credentials, even for GET, and never 401', async () => {
    const reply = await client(sandbox)('GET', '/subjects');
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ detail: 'Authentication credentials were not provided.', status_code: 403 });
    const bearer = await client(sandbox)('GET', '/subjects', undefined, { authorization: 'Bearer abc' });
    expect(bearer.status).toBe(403);
  });

  it('answers 403 Invalid token. for an unknown token', async () => {
    const reply = await client(sandbox, 'f'.repeat(40))('GET', '/subjects');
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ detail: 'Invalid token.', status_code: 403 });
  });

  it('lets the public user GET but refuses every other method with 403, before 405', async () => {
    const api = client(sandbox, await login(sandbox, 'public'));
    expect((await api('GET', '/labs')).status).toBe(200);
    for (const [method, path] of [
      ['POST', '/labs'],
      ['PATCH', '/labs/x'],
      ['PUT', '/labs/x'],
      ['DELETE', '/labs/x'],
      ['OPTIONS', '/labs'],
      ['HEAD', '/labs'],
      ['DELETE', '/brain-regions/1'],
    ]) {
      const reply = await api(
        method as string,
        path as string,
        method === 'HEAD' || method === 'OPTIONS' || method === 'DELETE' ? undefined : {},
      );
      expect(reply.status, `${method} ${path}`).toBe(403);
      if (method !== 'HEAD')
        expect(reply.body).toEqual({
          detail: 'You do not have permission to perform this action.',
          status_code: 403,
        });
    }
  });

  it('sends no CORS headers', async () => {
    const response = await sandbox.fetch(
      new Request(`${ORIGIN}/labs`, { headers: { origin: 'http://evil.test' } }),
    );
    expect([...response.headers.keys()].filter((k) => k.startsWith('access-control'))).toEqual([]);
  });
});
