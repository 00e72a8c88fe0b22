import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../app.ts';
import { testStorage } from '../db/test-engine.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dump = path.resolve(repoRoot, '../shared/alyx/fixtures/all_dumped_anon.json.gz');
const haveDump = existsSync(dump);
if (!haveDump)
  console.info(
    `sandbox fixture test skipped: ${dump} does not exist (no ../shared/alyx next to the repository)`,
  );

interface Page {
  count: number;
  results: Record<string, unknown>[];
}

describe.skipIf(!haveDump)('a sandbox loaded from the shared Alyx dump', () => {
  let sandbox: Sandbox;
  let token = '';

  const get = async (url: string, auth = true): Promise<Response> =>
    sandbox.fetch(
      new Request(`http://127.0.0.1${url}`, { headers: auth ? { authorization: `Token ${token}` } : {} }),
    );

  beforeAll(async () => {
    sandbox = await createSandbox({ dataDir: null, fixture: dump, ...testStorage() });
    const response = await sandbox.fetch(
      new Request('http://127.0.0.1/auth-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin' }),
      }),
    );
    expect(response.status).toBe(200);
    token = String(((await response.json()) as { token?: unknown }).token);
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  it('logs in as admin and lists the dumped subjects', async () => {
    expect(sandbox.loaded).toBe('fixture');
    const response = await get('/subjects?limit=5');
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.count).toBe(968);
    expect(page.results).toHaveLength(5);
    for (const subject of page.results) {
      expect(subject.lab).toBe('somelab');
      expect(subject.species).toBe('Laboratory mouse');
    }
  });

  it('serves all 337 sessions of the dump', async () => {
    const page = (await (await get('/sessions?limit=1')).json()) as Page;
    expect(page.count).toBe(337);
    const detail = await get(`/sessions/${String(page.results[0]?.id)}`);
    expect(detail.status).toBe(200);
  });

  it('resolves nicknames and still refuses requests without a token', async () => {
    const one = (await (await get('/subjects?limit=1')).json()) as Page;
    const nickname = String(one.results[0]?.nickname);
    const detail = await get(`/subjects/${encodeURIComponent(nickname)}`);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as Record<string, unknown>).nickname).toBe(nickname);
    expect((await get('/subjects?limit=1', false)).status).toBe(403);
  });
});
