import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { createSandbox } from '../app.ts';
import type { Sandbox } from '../app.ts';
import { checkRegex } from './lookup-bounds.ts';
import { listen } from './listen.ts';
import type { Listening } from './listen.ts';
import { IDS, login } from './test-helpers.ts';

let sandbox: Sandbox;
let server: Listening;
let token: string;

beforeAll(async () => {
  sandbox = await createSandbox({ seed: false });
  await sandbox.sink.insertMany('users', [
    { id: IDS.admin, username: 'admin', password: hashPassword('admin', 10), is_superuser: true },
    { id: IDS.public, username: 'public', password: hashPassword('public', 10), is_public_user: true },
  ]);
  token = await login(sandbox, 'public');
  server = await listen(sandbox, 0, '127.0.0.1');
});

afterAll(async () => {
  await server.close();
  await sandbox.close();
});

async function get(path: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Token ${token}` } });
  const body: unknown = await response.json();
  return { status: response.status, body, ms: performance.now() - started };
}

const q = encodeURIComponent;

describe('one request cannot freeze the sandbox', () => {
  it('refuses the nested-repetition regex at once while another request is answered', async () => {
    // Without the bound this pattern alone blocks PGlite (and so Node's event loop) for ~14 s.
    const [hostile, other] = await Promise.all([
      get(`/users?limit=1&django=${q('username__regex,z((a{15}){15}){15}')}`),
      get('/users?username=admin'),
    ]);
    expect(hostile.status).toBe(400);
    expect(hostile.body).toMatchObject({ detail: expect.stringContaining('nested quantifiers') });
    expect(hostile.ms).toBeLessThan(2000);
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(2000);
  });

  it.each([
    ['the reported pattern', `/datasets?limit=1&django=${q('name__regex,z((a{40}){40}){40}')}`, /nested/],
    ['iregex, via a relation', `/sessions?django=${q('subject__nickname__iregex,^(a+)+$')}`, /nested/],
    ['a starred group of stars', `/users?django=${q('username__regex,x(a*b*)*c')}`, /nested/],
    ['backreferences', `/users?django=${q('username__regex,x(a)\\1')}`, /backreferences/],
    ['large repetition counts', `/users?django=${q('username__regex,a{1000}')}`, /repetition counts/],
    ['long regexes', `/users?django=${q(`username__regex,${'a'.repeat(201)}`)}`, /too long/],
    ['long contains patterns', `/users?django=${q(`username__icontains,${'%_'.repeat(600)}`)}`, /too long/],
    [
      'huge in lists',
      `/users?django=${q(`username__in,[${Array(1001).fill("'a'").join(',')}]`)}`,
      /Too many/,
    ],
    [
      'long relation chains',
      `/subjects?django=${q('responsible_user__allowed_users__allowed_users__allowed_users__allowed_users__allowed_users__allowed_users__username,a')}`,
      /path too long/,
    ],
  ])('refuses %s with 400 fast', async (_, path, message) => {
    const reply = await get(path);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ detail: expect.stringMatching(message) });
    expect(reply.ms).toBeLessThan(2000);
  });

  it('keeps ordinary regexes working', async () => {
    const reply = await get(`/users?django=${q('username__regex,^(adm|pub)[a-z]+$')}`);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).toContain('"public"');
  });
});

describe('checkRegex', () => {
  it.each([
    '^abc$',
    '(ab|cd)+',
    '[a-z]{2,5}',
    'a*?b',
    '(?:x)+',
    '\\d+\\.\\d*',
    '[(]+',
    'a{3}',
    '(?i)abc',
    'x{',
  ])('accepts %s', (pattern) => expect(() => checkRegex(pattern)).not.toThrow());
  it.each(['(a+)+', '((a{2}){2}){2}', '(a|b*)*', '(x?){5}', '(a)\\1', 'a{101}', '(?:a+)+'])(
    'refuses %s',
    (pattern) => expect(() => checkRegex(pattern)).toThrow(),
  );
});
