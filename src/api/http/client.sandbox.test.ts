/** The client against the sandbox over real HTTP (random port): login, lists, paging, failures. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSandboxModule,
  serveOverHttp,
  type HttpServer,
  type SandboxInstance,
} from '../test-support/sandbox.ts';
import { createAlyxClient, type AlyxClient } from './client.ts';
import { alyxFailure } from '../test-support/alyx-failure.ts';

const sandboxModule = await loadSandboxModule();

describe('AlyxClient against the sandbox over HTTP', () => {
  let sandbox: SandboxInstance;
  let server: HttpServer;
  let anonymous: AlyxClient;
  let admin: AlyxClient;
  let publicUser: AlyxClient;

  beforeAll(async () => {
    sandbox = await sandboxModule.createSandbox({ dataDir: null });
    server = await serveOverHttp(sandbox);
    anonymous = createAlyxClient({ baseUrl: server.baseUrl });
    const adminToken = await anonymous.login('admin', 'admin');
    const publicToken = await anonymous.login('public', 'public');
    admin = createAlyxClient({ baseUrl: server.baseUrl, getToken: () => adminToken });
    publicUser = createAlyxClient({ baseUrl: server.baseUrl, getToken: () => publicToken });
  });

  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('logs in with a password and gets a token; bad credentials are a validation error', async () => {
    const token = await anonymous.login('alice', 'alice');
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    const error = await alyxFailure(anonymous.login('alice', 'wrong'));
    expect(error.kind).toBe('validation');
    expect(error.nonFieldErrors.join(' ')).toMatch(/unable to log in/i);
  });

  it('classifies requests without or with a bad token as unauthorized (403)', async () => {
    const missing = await alyxFailure(anonymous.get('/sessions'));
    expect(missing).toMatchObject({ kind: 'unauthorized', status: 403 });
    const bad = createAlyxClient({ baseUrl: server.baseUrl, getToken: () => 'f'.repeat(40) });
    expect(await alyxFailure(bad.get('/sessions'))).toMatchObject({
      kind: 'unauthorized',
      detail: 'Invalid token.',
    });
  });

  it('lists a page with count/next/previous/results', async () => {
    const page = await admin.listPage('sessions', { limit: 3 });
    expect(page.results).toHaveLength(3);
    expect(page.count).toBeGreaterThan(3);
    expect(page.next).toMatch(/offset=3/);
    expect(page.previous).toBeNull();
  });

  it('pages with listAll following next, and stops at maxPages', async () => {
    const first = await admin.listPage('labs', { limit: 1000 });
    const pages: number[] = [];
    const all = await admin.listAll('labs', { limit: 2 }, { onPage: (page, index) => pages.push(index) });
    expect(all).toHaveLength(first.count);
    expect(pages).toHaveLength(Math.ceil(first.count / 2));
    const capped = await admin.listAll('sessions', { limit: 5 }, { maxPages: 2 });
    expect(capped).toHaveLength(10);
  });

  it('gets a record by lookup and reports a missing one as not-found', async () => {
    const page = await admin.listPage<{ nickname: string }>('subjects', { limit: 1 });
    const nickname = page.results[0]?.nickname ?? '';
    const subject = await admin.get<{ nickname: string }>(`/subjects/${encodeURIComponent(nickname)}`);
    expect(subject.nickname).toBe(nickname);
    expect(await alyxFailure(admin.get('/subjects/no-such-subject-here'))).toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    expect(await alyxFailure(admin.get('/sessions/NOT-A-UUID'))).toMatchObject({ kind: 'not-found' });
  });

  it('forbids writes for the public account', async () => {
    const error = await alyxFailure(publicUser.post('/projects', { name: 'h4-public-write' }));
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, method: 'POST' });
  });

  it('maps a server validation error onto fields, and round-trips a write', async () => {
    const invalid = await alyxFailure(admin.post('/projects', {}));
    expect(invalid.kind).toBe('validation');
    expect(Object.keys(invalid.fieldErrors)).toContain('name');
    const created = await admin.post<{ name: string }>('/projects', {
      name: 'h4-client-test',
      description: 'x',
    });
    expect(created.name).toBe('h4-client-test');
    const patched = await admin.patch<{ description: string }>('/projects/h4-client-test', {
      description: 'patched',
    });
    expect(patched.description).toBe('patched');
    await admin.delete('/projects/h4-client-test');
    expect(await alyxFailure(admin.get('/projects/h4-client-test'))).toMatchObject({ kind: 'not-found' });
  });

  it('reports a bad django= lookup as a server error with the Django message', async () => {
    const error = await alyxFailure(admin.get('/sessions', { django: 'no_such_field__icontains,x' }));
    expect(error.kind).toBe('server');
    expect(error.detail).toMatch(/Cannot resolve keyword/);
  });

  it('reads the OPTIONS metadata', async () => {
    const metadata = await admin.options<{ actions?: Record<string, unknown> }>('/subjects');
    expect(metadata.actions).toHaveProperty('POST');
  });

  it('classifies an unreachable server as a network error', async () => {
    const closed = createAlyxClient({ baseUrl: 'http://127.0.0.1:9' });
    expect(await alyxFailure(closed.get('/sessions'))).toMatchObject({ kind: 'network', status: null });
  });
});
