// Dataset write hooks over HTTP on the demo data: session found/created from subject + date +
// number on POST, protected tags refusing DELETE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../app.ts';
import { client, login, ORIGIN } from '../http/test-helpers.ts';
import type { Reply } from '../http/test-helpers.ts';

let sandbox: Sandbox;
let api: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;
let subject: { nickname: string; lab: string };
let vocabulary: { dataset_type: string; data_format: string };

beforeAll(async () => {
  sandbox = await createSandbox({ dataDir: null });
  api = client(sandbox, await login(sandbox, 'admin'));
  const [s] = await sandbox.query<{ nickname: string; lab: string }>(
    'SELECT s.nickname, l.name AS lab FROM subjects s JOIN labs l ON l.id = s.lab ORDER BY s.nickname LIMIT 1',
  );
  const [v] = await sandbox.query<{ dataset_type: string; data_format: string }>(
    `SELECT dt.name AS dataset_type, df.name AS data_format FROM datasets d
     JOIN dataset_types dt ON dt.id = d.dataset_type JOIN data_formats df ON df.id = d.data_format LIMIT 1`,
  );
  if (!s || !v) throw new Error('demo data has no subject or dataset');
  subject = s;
  vocabulary = v;
}, 120_000);
afterAll(async () => {
  await sandbox.close();
});

async function count(table: string): Promise<number> {
  const [row] = await sandbox.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? -1;
}

function dataset(name: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { name, ...vocabulary, collection: 'alf', ...extra };
}

const WRITE_ONLY = ['subject', 'date', 'number'];

describe('POST /datasets with subject, date and number', () => {
  const date = '2031-03-04';

  it('creates the session (requester, subject lab) and a second dataset reuses it', async () => {
    const sessionsBefore = await count('sessions');
    const first = await api(
      'POST',
      '/datasets',
      dataset('_ibl_trials.table.pqt', { subject: subject.nickname, date, number: 2 }),
    );
    expect(first.status, first.text).toBe(201);
    const body = first.body as Record<string, unknown>;
    for (const key of WRITE_ONLY) expect(body).not.toHaveProperty(key);
    expect(body.experiment_number).toBe(2);
    expect(body.session).toMatch(new RegExp(`^${ORIGIN}/sessions/[0-9a-f-]{36}$`));
    expect(await count('sessions')).toBe(sessionsBefore + 1);

    const session = await api('GET', new URL(String(body.session)).pathname);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      subject: subject.nickname,
      lab: subject.lab,
      number: 2,
      start_time: `${date}T00:00:00`,
      users: ['admin'],
    });

    const second = await api(
      'POST',
      '/datasets',
      dataset('_ibl_wheel.position.npy', { subject: subject.nickname, date, number: 2 }),
    );
    expect(second.status, second.text).toBe(201);
    expect((second.body as Record<string, unknown>).session).toBe(body.session);
    expect(await count('sessions')).toBe(sessionsBefore + 1);

    const detail = await api('GET', new URL(String((second.body as Record<string, unknown>).url)).pathname);
    for (const key of WRITE_ONLY) expect(detail.body).not.toHaveProperty(key);
    expect((detail.body as Record<string, unknown>).session).toBe(body.session);
  });

  it('still takes the session as its URL, ignoring subject/date; a bare UUID is no URL (DRF)', async () => {
    const [row] = await sandbox.query<{ id: string }>('SELECT id FROM sessions ORDER BY id LIMIT 1');
    const url = `${ORIGIN}/sessions/${row?.id ?? ''}`;
    const sessionsBefore = await count('sessions');
    const reply = await api(
      'POST',
      '/datasets',
      dataset('_ibl_other.npy', { session: url, subject: subject.nickname, date: '2031-05-05' }),
    );
    expect(reply.status, reply.text).toBe(201);
    expect((reply.body as Record<string, unknown>).session).toBe(url);
    expect(await count('sessions')).toBe(sessionsBefore);
    const bare = await api('POST', '/datasets', dataset('_ibl_other.npy', { session: row?.id }));
    expect(bare.status).toBe(400);
    expect(bare.body).toEqual({ session: ['Invalid hyperlink - No URL match.'], status_code: 400 });
  });

  const refusals: [string, Record<string, unknown>, Record<string, string[]>][] = [
    ['unknown subject', { subject: 'foo', date }, { subject: ['Object with nickname=foo does not exist.'] }],
    [
      'bad date',
      { subject: 'SUBJECT', date: '04/03/2031' },
      { date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'] },
    ],
    ['bad number', { subject: 'SUBJECT', date, number: 'two' }, { number: ['A valid integer is required.'] }],
  ];
  for (const [name, extra, errors] of refusals) {
    it(`${name}: DRF 400 and nothing written`, async () => {
      const before = { datasets: await count('datasets'), sessions: await count('sessions') };
      const body = dataset('_ibl_refused.npy', {
        ...extra,
        ...(extra.subject === 'SUBJECT' ? { subject: subject.nickname } : {}),
      });
      const reply = await api('POST', '/datasets', body);
      expect(reply.status, reply.text).toBe(400);
      expect(reply.body).toEqual({ ...errors, status_code: 400 });
      expect({ datasets: await count('datasets'), sessions: await count('sessions') }).toEqual(before);
    });
  }
});

describe('DELETE /datasets/{id}', () => {
  it('refuses a dataset carrying a protected tag with 403 and keeps it', async () => {
    const [row] = await sandbox.query<{ id: string; tags: string }>(
      `SELECT d.id, string_agg(tg.name, ', ' ORDER BY tg.name) AS tags FROM datasets d JOIN tags tg ON tg.id = ANY(d.tags)
       WHERE tg.protected GROUP BY d.id ORDER BY d.id LIMIT 1`,
    );
    if (!row) throw new Error('demo data has no protected dataset');
    const files = await count('files');
    const reply = await api('DELETE', `/datasets/${row.id}`);
    expect(reply.status, reply.text).toBe(403);
    expect(reply.body).toEqual({
      status_code: 403,
      detail: `Failed to delete dataset ${row.id} due to protected tag(s) ${row.tags}`,
    });
    expect((await api('GET', `/datasets/${row.id}`)).status).toBe(200);
    expect(await count('files')).toBe(files);
  });

  it('deletes a dataset without a protected tag (204)', async () => {
    const [row] = await sandbox.query<{ id: string }>(
      `SELECT d.id FROM datasets d WHERE NOT EXISTS (SELECT 1 FROM tags tg WHERE tg.id = ANY(d.tags) AND tg.protected) ORDER BY d.id LIMIT 1`,
    );
    if (!row) throw new Error('demo data has no unprotected dataset');
    const reply = await api('DELETE', `/datasets/${row.id}`);
    expect(reply.status, reply.text).toBe(204);
    expect((await api('GET', `/datasets/${row.id}`)).status).toBe(404);
  });
});
