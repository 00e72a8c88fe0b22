import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../app.ts';
import { loadListData, SUBJECTS, sessionId } from './fixtures-data.ts';
import { client, IDS, login, ORIGIN, testSandbox } from './test-helpers.ts';
import type { Reply } from './test-helpers.ts';

let sandbox: Sandbox;
let api: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

beforeAll(async () => {
  sandbox = await testSandbox();
  await loadListData(sandbox);
  api = client(sandbox, await login(sandbox, 'alice'));
});
afterAll(async () => {
  await sandbox.close();
});

async function count(table: string): Promise<number> {
  const [row] = await sandbox.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? -1;
}

describe('create', () => {
  it('creates with defaults (responsible_user = requester) and returns 201 with the detail shape', async () => {
    const reply = await api('POST', '/subjects', {
      nickname: 'NEW_01',
      lab: 'mainenlab',
      projects: ['matlab_legacy'],
      birth_date: '2022-02-02',
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      nickname: 'NEW_01',
      lab: 'mainenlab',
      responsible_user: 'alice',
      projects: ['matlab_legacy'],
      sex: 'U',
      alive_flag: true,
    });
    expect(reply.headers.get('location')).toBe(`${ORIGIN}/subjects/NEW_01`);
    expect((await api('GET', '/subjects/NEW_01')).status).toBe(200);
  });

  it('accepts form-urlencoded bodies with repeated keys for many-valued fields', async () => {
    const body =
      'nickname=FORM_01&lab=cortexlab&projects=matlab_legacy&projects=ibl_neuropixel_brainwide_01&json=%7B%22a%22%3A1%7D';
    const reply = await api('POST', '/subjects', body, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      projects: ['matlab_legacy', 'ibl_neuropixel_brainwide_01'],
      json: { a: 1 },
    });
  });

  it('stores aware datetimes as naive UTC, labels as stored ints, hyperlinks as pks', async () => {
    const reply = await api('POST', '/sessions', {
      subject: 'KS001',
      start_time: '2022-05-01T12:00:00+02:00',
      qc: 'FAIL',
      users: ['admin'],
      parent_session: `${ORIGIN}/sessions/${sessionId(2)}`,
      extended_qc: { x: 1 },
    });
    expect(reply.status, reply.text).toBe(201);
    const body = reply.body as Record<string, unknown>;
    expect(body).toMatchObject({
      start_time: '2022-05-01T10:00:00',
      qc: 'FAIL',
      users: ['admin'],
      parent_session: `${ORIGIN}/sessions/${sessionId(2)}`,
    });
    const [row] = await sandbox.query<{ qc: number }>('SELECT qc FROM sessions WHERE id = $1', [body.id]);
    expect(row?.qc).toBe(40);
  });
});

describe('validation errors (400, DRF messages)', () => {
  const cases: [string, unknown, Record<string, string[]>][] = [
    ['required', { lab: 'cortexlab' }, { nickname: ['This field is required.'] }],
    [
      'integer',
      { nickname: 'V1', lab: 'cortexlab', litter_size: 'lots' },
      { litter_size: ['A valid integer is required.'] },
    ],
    [
      'number',
      { nickname: 'V1', lab: 'cortexlab', weight: 'heavy' },
      { weight: ['A valid number is required.'] },
    ],
    [
      'boolean',
      { nickname: 'V1', lab: 'cortexlab', alive_flag: 'perhaps' },
      { alive_flag: ['Must be a valid boolean.'] },
    ],
    [
      'date',
      { nickname: 'V1', lab: 'cortexlab', birth_date: '15/01/2020' },
      { birth_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'] },
    ],
    ['choice', { nickname: 'V1', lab: 'cortexlab', sex: 'X' }, { sex: ['"X" is not a valid choice.'] }],
    ['slug', { nickname: 'V1', lab: 'nolab' }, { lab: ['Object with name=nolab does not exist.'] }],
    [
      'm2m list',
      { nickname: 'V1', lab: 'cortexlab', projects: 'matlab_legacy' },
      { projects: ['Expected a list of items but got type "str".'] },
    ],
    ['null', { nickname: 'V1', lab: null }, { lab: ['This field may not be null.'] }],
    ['blank', { nickname: '   ', lab: 'cortexlab' }, { nickname: ['This field may not be blank.'] }],
    [
      'max length',
      { nickname: 'x'.repeat(65), lab: 'cortexlab' },
      { nickname: ['Ensure this field has no more than 64 characters.'] },
    ],
    [
      'unique together',
      { nickname: 'KS001', lab: 'cortexlab' },
      { non_field_errors: ['The fields lab, nickname must make a unique set.'] },
    ],
  ];
  for (const [name, body, errors] of cases) {
    it(name, async () => {
      const before = await count('subjects');
      const reply = await api('POST', '/subjects', body);
      expect(reply.status, reply.text).toBe(400);
      expect(reply.body).toEqual({ ...errors, status_code: 400 });
      expect(await count('subjects')).toBe(before);
    });
  }

  it('collects several field errors at once; read-only fields are ignored', async () => {
    const reply = await api('POST', '/subjects', { id: 'x', url: 'y', litter_size: 'a', weight: 'b' });
    expect(reply.body).toEqual({
      nickname: ['This field is required.'],
      lab: ['This field is required.'],
      litter_size: ['A valid integer is required.'],
      weight: ['A valid number is required.'],
      status_code: 400,
    });
  });

  it('unique columns, uuid, datetime, label choice and hyperlink errors', async () => {
    expect((await api('POST', '/labs', { name: 'cortexlab' })).body).toEqual({
      name: ['lab with this name already exists.'],
      status_code: 400,
    });
    const session = await api('POST', '/sessions', {
      subject: 'KS001',
      start_time: 'yesterday',
      qc: 'fail',
      parent_session: 'http://x/other/1',
    });
    expect(session.body).toEqual({
      start_time: [
        'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
      ],
      qc: ['"fail" is not a valid choice.'],
      parent_session: ['Invalid hyperlink - No URL match.'],
      status_code: 400,
    });
  });

  it('malformed JSON and non-object bodies', async () => {
    const reply = await api('POST', '/labs', '{"name": ');
    expect(reply.status).toBe(400);
    expect((reply.body as { detail: string }).detail).toMatch(/^JSON parse error - /);
    expect((await api('POST', '/labs', [1])).body).toEqual({
      non_field_errors: ['Invalid data. Expected a dictionary, but got list.'],
      status_code: 400,
    });
  });
});

describe('update and delete', () => {
  it('PATCH is partial, PUT requires the required fields', async () => {
    const patched = await api('PATCH', '/subjects/KS002', { litter_size: 9 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ nickname: 'KS002', litter_size: 9, lab: 'cortexlab' });
    const put = await api('PUT', '/subjects/KS002', { litter_size: 3 });
    expect(put.body).toEqual({
      nickname: ['This field is required.'],
      lab: ['This field is required.'],
      status_code: 400,
    });
    const full = await api('PUT', '/subjects/KS002', { nickname: 'KS002', lab: 'cortexlab', litter_size: 3 });
    expect(full.body).toMatchObject({
      litter_size: 3,
      projects: ['ibl_neuropixel_brainwide_01', 'matlab_legacy'],
    });
  });

  it('DELETE is 204; FK cascade and set-null are honoured; protect refuses', async () => {
    const created = (await api('POST', '/subjects', { nickname: 'DOOMED', lab: 'cortexlab' })).body as {
      id: string;
    };
    const parent = (await api('POST', '/sessions', { subject: 'DOOMED' })).body as {
      id: string;
      url: string;
    };
    const child = (await api('POST', '/sessions', { subject: 'KS001', parent_session: parent.url })).body as {
      id: string;
    };
    expect((await api('DELETE', '/subjects/DOOMED')).status).toBe(204);
    expect(await sandbox.query('SELECT 1 FROM subjects WHERE id = $1', [created.id])).toHaveLength(0);
    expect(await sandbox.query('SELECT 1 FROM sessions WHERE id = $1', [parent.id])).toHaveLength(0);
    expect((await api('GET', `/sessions/${child.id}`)).body).toMatchObject({ parent_session: null });
    const protectedLab = await api('DELETE', '/labs/mainenlab');
    expect(protectedLab.status).toBe(409);
    expect((protectedLab.body as { detail: string }).detail).toContain(
      "referenced through protected foreign keys: 'Subject.lab'",
    );
    expect((await api('GET', '/labs/mainenlab')).status).toBe(200);
  });

  it('a write failing midway changes nothing (one transaction per request)', async () => {
    const before = await count('sessions');
    const reply = await api('POST', '/sessions', { subject: 'KS001', task_protocol: 'explode-on-render' });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ status_code: 500, detail: 'render failed on purpose' });
    expect(await count('sessions')).toBe(before);
    const patch = await api('PATCH', `/sessions/${sessionId(4)}`, { task_protocol: 'explode-on-render' });
    expect(patch.status).toBe(500);
    const [row] = await sandbox.query<{ task_protocol: string }>(
      'SELECT task_protocol FROM sessions WHERE id = $1',
      [sessionId(4)],
    );
    expect(row?.task_protocol).toBe('');
  });
});

describe('routing errors', () => {
  it('404 JSON for a missing object, HTML 404 for unmatched paths', async () => {
    expect((await api('GET', '/subjects/NOPE')).body).toEqual({
      detail: 'No Subject matches the given query.',
      status_code: 404,
    });
    expect((await api('GET', `/sessions/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(
      404,
    );
    for (const path of [
      '/sessions/',
      '/sessions/ABCDEF00-0000-4000-8000-000000000001',
      '/sessions/abc',
      '/nothing',
      '/brain-regions/abc',
      '/sessions/a/b',
    ]) {
      const reply = await api('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(reply.text).toContain('<h1>Not Found</h1>');
    }
  });

  it('405 after authentication for undeclared methods, with Allow', async () => {
    const reply = await api('DELETE', '/brain-regions/997');
    expect(reply.status).toBe(405);
    expect(reply.body).toEqual({ detail: 'Method "DELETE" not allowed.', status_code: 405 });
    expect(reply.headers.get('allow')).toBe('GET, PUT, PATCH, HEAD, OPTIONS');
    expect((await api('POST', '/brain-regions', {})).status).toBe(405);
    expect((await api('PUT', '/subjects', {})).status).toBe(405);
    expect((await client(sandbox)('DELETE', '/brain-regions/997')).status).toBe(403);
  });

  it('integer lookups and pk relations on brain regions', async () => {
    const reply = await api('PATCH', '/brain-regions/567', {
      description: 'Cerebrum, described',
      acronym: 'ignored',
    });
    expect(reply.body).toEqual({
      id: 567,
      acronym: 'CH',
      name: 'Cerebrum',
      description: 'Cerebrum, described',
      parent: 8,
    });
  });

  it('OPTIONS returns DRF metadata with POST/PUT actions', async () => {
    const list = await api('OPTIONS', '/subjects');
    expect(list.status).toBe(200);
    const body = list.body as {
      name: string;
      renders: string[];
      actions: { POST: Record<string, { required: boolean; read_only: boolean }> };
    };
    expect(body.renders).toEqual(['application/json', 'text/html']);
    expect(body.actions.POST.nickname).toMatchObject({ required: true, read_only: false });
    const detail = (await api('OPTIONS', `/sessions/${sessionId(1)}`)).body as {
      actions: Record<string, unknown>;
    };
    expect(Object.keys(detail.actions)).toEqual(['PUT']);
    void SUBJECTS;
    void IDS;
  });
});
