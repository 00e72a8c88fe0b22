// @vitest-environment jsdom
/**
 * The request history over real HTTP: the sandbox on a loopback port, the app's own clients
 * (clientFor, rawRequest) and login/logout, and what lands in localStorage afterwards.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginWithPassword, logout } from '../api/auth/login.ts';
import { clearToken, getToken } from '../api/auth/token-store.ts';
import { rawRequest } from '../api/http/raw-request.ts';
import { clientFor, type InstanceConfig } from '../api/instances.ts';
import { startServedSandbox, type ServedSandbox } from '../api/test-support/sandbox.ts';
import { flushHistory, readHistory, startRequestHistory } from './request-history.ts';

const WRONG_PASSWORD = 'Wr0ng-Pa55-zq91';
const SECRET_QUERY = 'S3cr3t-Query-77';
const SECRET_FIELD = 'Hunter2-Field-55';

function storedText(): string {
  flushHistory();
  return Object.entries(localStorage)
    .filter(([key]) => key.startsWith('alyx-explorer:history:'))
    .map(([, value]) => value)
    .join('\n');
}

describe('request history against the sandbox', () => {
  let served: ServedSandbox;
  let instance: InstanceConfig;
  let other: InstanceConfig;
  let stop: () => void;

  beforeAll(async () => {
    served = await startServedSandbox();
    instance = served.instanceNamed('hist');
    other = served.instanceNamed('hist-other');
    stop = startRequestHistory();
  });

  afterAll(async () => {
    stop();
    await served?.close();
  });

  beforeEach(() => {
    flushHistory();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('records method, path, status, time and size of every request, and never a token, password or login body', async () => {
    await expect(loginWithPassword(instance, 'alice', WRONG_PASSWORD)).rejects.toThrow();
    const token = await loginWithPassword(instance, 'alice', 'alice');
    expect(token.length).toBeGreaterThan(8);
    const before = Date.now();
    const page = await clientFor(instance).listPage('subjects', { limit: 2, api_key: SECRET_QUERY });
    const nickname = String(page.results[0]?.nickname);
    await rawRequest(instance, {
      method: 'PATCH',
      path: `/subjects/${encodeURIComponent(nickname)}`,
      body: JSON.stringify({ description: 'from the console', password: SECRET_FIELD }),
    });
    await rawRequest(instance, {
      method: 'POST',
      path: '/auth-token',
      body: JSON.stringify({ username: 'alice', password: WRONG_PASSWORD }),
    });
    await clientFor(instance)
      .get('/no-such-endpoint')
      .catch(() => undefined);

    const entries = readHistory(instance.name);
    expect(entries.map((entry) => [entry.method, entry.path.split('?')[0], entry.status])).toEqual([
      ['GET', '/no-such-endpoint', 404],
      ['POST', '/auth-token', 400],
      ['PATCH', `/subjects/${encodeURIComponent(nickname)}`, 200],
      ['GET', '/subjects', 200],
      ['POST', '/auth-token', 200],
      ['POST', '/auth-token', 400],
    ]);
    const list = entries[3];
    expect(list?.path).toBe('/subjects?api_key=***&limit=2');
    expect(list?.sizeBytes).toBeGreaterThan(50);
    expect(list?.at).toBeGreaterThanOrEqual(before - 5);
    expect(list?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entries[2]?.fromConsole).toBe(true);
    expect(JSON.parse(entries[2]?.body ?? '{}')).toEqual({
      description: 'from the console',
      password: '***',
    });
    const logins = entries.filter((entry) => entry.path === '/auth-token');
    expect(logins).toHaveLength(3);
    for (const login of logins) expect(login).not.toHaveProperty('body');

    const text = storedText();
    expect(text).not.toContain(token);
    expect(text).not.toContain(WRONG_PASSWORD);
    expect(text).not.toContain(SECRET_QUERY);
    expect(text).not.toContain(SECRET_FIELD);
    expect(text).not.toMatch(/authorization|"username"|"token"/i);
    expect(readHistory(other.name)).toEqual([]);
  });

  it('records a refused connection as a network error', async () => {
    const closed: InstanceConfig = {
      name: 'hist-down',
      url: 'http://127.0.0.1:9',
      proxy: false,
      baseUrl: 'http://127.0.0.1:9',
    };
    await expect(clientFor(closed).get('/subjects')).rejects.toThrow();
    expect(readHistory('hist-down').map((entry) => [entry.path, entry.status, entry.sizeBytes])).toEqual([
      ['/subjects', 'network error', 0],
    ]);
  });

  it('records an aborted request of a signed-in instance as aborted', async () => {
    await loginWithPassword(instance, 'alice', 'alice');
    const controller = new AbortController();
    const pending = clientFor(instance).get('/sessions', undefined, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(readHistory(instance.name)[0]?.status).toBe('aborted');
  });

  it("is emptied on that instance's logout only; a refused token (401) keeps it", async () => {
    await loginWithPassword(instance, 'alice', 'alice');
    await loginWithPassword(other, 'alice', 'alice');
    await clientFor(instance).get('/users', { limit: 1 });
    await clientFor(other).get('/users', { limit: 1 });
    clearToken(instance.name, 'expired');
    expect(readHistory(instance.name).length).toBeGreaterThan(0);
    await loginWithPassword(instance, 'alice', 'alice');
    logout(new QueryClient(), instance);
    expect(getToken(instance.name)).toBeNull();
    expect(readHistory(instance.name)).toEqual([]);
    expect(localStorage.getItem(`alyx-explorer:history:${instance.name}`)).toBeNull();
    expect(readHistory(other.name).map((entry) => entry.path)).toEqual(['/users?limit=1', '/auth-token']);
  });
});
