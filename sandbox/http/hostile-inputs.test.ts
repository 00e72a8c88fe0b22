import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { createSandbox } from '../app.ts';
import type { Sandbox } from '../app.ts';
import { client, IDS, login } from './test-helpers.ts';
import type { Reply } from './test-helpers.ts';

// The real registry: the nickname pattern and integer fields are those Alyx's schema advertises.
let sandbox: Sandbox;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sandbox = await createSandbox({ seed: false });
  await sandbox.sink.insertMany('users', [
    { id: IDS.admin, username: 'admin', password: hashPassword('admin', 10), is_superuser: true },
  ]);
  api = client(sandbox, await login(sandbox, 'admin'));
});

afterAll(() => sandbox.close());

const DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const DB_TEXT =
  /invalid byte sequence|(integer|bigint) out of range|is out of range for type|syntax error|SELECT|FROM|relation "|column "|0x00/i;

interface Case {
  name: string;
  send: () => Promise<Reply>;
  status: number;
  body?: Record<string, unknown>;
}

const cases: Case[] = [
  {
    name: 'NUL in a filter value',
    send: () => api('GET', '/subjects?nickname=a%00b'),
    status: 400,
    body: { detail: 'Null characters are not allowed.' },
  },
  { name: 'NUL in a django= value', send: () => api('GET', '/subjects?django=nickname,a%00'), status: 400 },
  { name: 'NUL in a lookup path', send: () => api('GET', '/subjects/a%00b'), status: 400 },
  {
    name: 'NUL in a JSON body',
    send: () => api('POST', '/subjects', { nickname: 'a\u0000b' }),
    status: 400,
    body: { detail: 'Null characters are not allowed.' },
  },
  { name: 'NUL in a JSON key', send: () => api('POST', '/subjects', { 'a\u0000': 1 }), status: 400 },
  {
    name: 'a lone surrogate in a JSON body',
    send: () => api('POST', '/subjects', '{"nickname": "\\ud800", "json": {"k": "\\udfff"}}'),
    status: 400,
  },
  {
    name: 'a lone surrogate in a filter',
    send: () => api('GET', '/subjects?nickname=%ED%A0%80'),
    status: 200,
  },
  {
    name: 'garbage multipart',
    send: () =>
      api('POST', '/subjects', '--x\r\ngarbage', { 'content-type': 'multipart/form-data; boundary=' }),
    status: 400,
  },
  {
    name: 'an unknown content type',
    send: () => api('POST', '/subjects', 'x', { 'content-type': 'text/x-nonsense' }),
    status: 415,
  },
  {
    name: 'JSON nested 10,000 deep',
    send: () => api('POST', '/subjects', DEEP),
    status: 400,
    body: { detail: expect.stringContaining('maximum recursion depth') },
  },
  {
    name: 'JSON nested 10,000 deep in a JSON field',
    send: () => api('POST', '/subjects', `{"nickname": "deep", "json": ${DEEP}}`),
    status: 400,
  },
  { name: 'offset ≥ 2^63', send: () => api('GET', '/subjects?offset=9223372036854775808'), status: 200 },
  { name: 'limit ≥ 2^63', send: () => api('GET', '/subjects?limit=99999999999999999999'), status: 200 },
  {
    name: 'an integer filter past bigint',
    send: () => api('GET', '/sessions?django=number__gt,99999999999999999999'),
    status: 400,
  },
  {
    name: 'a declared integer filter past bigint',
    send: () => api('GET', '/sessions?number=99999999999999999999'),
    status: 400,
  },
  {
    name: 'an integer field past PostgreSQL integer',
    send: () => api('POST', '/sessions', { number: 99999999999 }),
    status: 400,
  },
  {
    name: 'a nickname outside the advertised pattern',
    send: () => api('POST', '/subjects', { nickname: 'bad name!' }),
    status: 400,
  },
  {
    name: 'a nickname with a slash',
    send: () => api('POST', '/subjects', { nickname: '../x' }),
    status: 400,
  },
];

describe('hostile inputs get Alyx-shaped 4xx answers, never database text', () => {
  it.each(cases)('$name → $status', async ({ send, status, body }) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await send();
    error.mockRestore();
    expect(reply.status, reply.text.slice(0, 300)).toBe(status);
    expect(reply.text).not.toMatch(DB_TEXT);
    if (body) expect(reply.body).toMatchObject(body);
  });

  it("answers the nickname pattern with RegexValidator's message, and accepts Unicode word characters", async () => {
    const bad = await api('POST', '/subjects', { nickname: 'bad name!' });
    expect(bad.body).toMatchObject({ nickname: ['Enter a valid value.'] });
    const good = await api('POST', '/subjects', { nickname: 'Çeşme_01.a-b' });
    expect(good.body).not.toHaveProperty('nickname');
  });
});
