import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../app.ts';
import type { Sandbox } from '../app.ts';
import { client, login } from '../http/test-helpers.ts';
import {
  readSnapshot,
  seedSnapshotKey,
  snapshotDir,
  snapshotFile,
  snapshotsEnabled,
  writeSnapshot,
} from './snapshot.ts';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sandbox-snapshot-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('seedSnapshotKey', () => {
  it('changes with any source file, its name, a new file and the scale, but not with test files', async () => {
    const root = join(scratch, 'sources');
    await mkdir(join(root, 'seed', 'nested'), { recursive: true });
    await writeFile(join(root, 'seed', 'a.ts'), 'export const a = 1;\n');
    await writeFile(join(root, 'seed', 'nested', 'b.ts'), 'export const b = 2;\n');
    await writeFile(join(root, 'single.ts'), 'export const c = 3;\n');
    const sources = [join(root, 'seed'), join(root, 'single.ts'), join(root, 'missing')];
    const base = await seedSnapshotKey(1, sources);
    expect(base).toMatch(/^[0-9a-f]{24}$/);
    expect(await seedSnapshotKey(1, sources)).toBe(base);
    expect(await seedSnapshotKey(2, sources)).not.toBe(base);

    await writeFile(join(root, 'seed', 'a.test.ts'), 'it("x", () => {});\n');
    expect(await seedSnapshotKey(1, sources)).toBe(base);

    await writeFile(join(root, 'seed', 'nested', 'b.ts'), 'export const b = 3;\n');
    const edited = await seedSnapshotKey(1, sources);
    expect(edited).not.toBe(base);
    await writeFile(join(root, 'single.ts'), 'export const c = 4;\n');
    const editedFile = await seedSnapshotKey(1, sources);
    expect(editedFile).not.toBe(edited);
    await writeFile(join(root, 'seed', 'new.ts'), '');
    expect(await seedSnapshotKey(1, sources)).not.toBe(editedFile);
  });

  it('covers the real seed, resources, db and auth sources', async () => {
    const key = await seedSnapshotKey(1);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(await seedSnapshotKey(1, [join(scratch, 'nothing-here')])).not.toBe(key);
  });
});

describe('cache settings', () => {
  it('is on unless SANDBOX_SNAPSHOT is 0 or false, and SANDBOX_SNAPSHOT_DIR moves it', () => {
    expect(snapshotsEnabled({})).toBe(true);
    expect(snapshotsEnabled({ SANDBOX_SNAPSHOT: '1' })).toBe(true);
    expect(snapshotsEnabled({ SANDBOX_SNAPSHOT: '0' })).toBe(false);
    expect(snapshotsEnabled({ SANDBOX_SNAPSHOT: 'false' })).toBe(false);
    expect(snapshotDir({})).toMatch(/node_modules[\\/]\.cache[\\/]alyx-sandbox$/);
    expect(snapshotDir({ SANDBOX_SNAPSHOT_DIR: '/x/y' })).toBe('/x/y');
  });
});

describe('snapshot files', () => {
  it('treats an unreadable file as a miss and removes it', async () => {
    const file = join(scratch, 'broken', 'seed-x.tar.gz');
    await mkdir(join(scratch, 'broken'), { recursive: true });
    await writeFile(file, 'not gzip at all');
    expect(await readSnapshot(file)).toBeNull();
    expect(await readdir(join(scratch, 'broken'))).toEqual([]);
    expect(await readSnapshot(join(scratch, 'broken', 'absent.tar.gz'))).toBeNull();
  });

  it(
    'survives racing writers: one whole file, no temp files left, and it loads',
    { timeout: 60_000 },
    async () => {
      const pg = await PGlite.create();
      const dir = join(scratch, 'race');
      const file = snapshotFile(dir, 'race');
      try {
        await pg.exec("CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");
        const dump = () => pg.dumpDataDir('none');
        await Promise.all([writeSnapshot(file, dump), writeSnapshot(file, dump), writeSnapshot(file, dump)]);
      } finally {
        await pg.close();
      }
      expect(await readdir(dir)).toEqual(['seed-race.tar.gz']);
      const tarball = await readSnapshot(file);
      expect(tarball).not.toBeNull();
      const copy = await PGlite.create({ loadDataDir: tarball as Blob });
      try {
        expect((await copy.query<{ v: string }>('SELECT v FROM t')).rows).toEqual([{ v: 'kept' }]);
      } finally {
        await copy.close();
      }
    },
  );
});

async function tableCounts(sandbox: Sandbox): Promise<Record<string, number>> {
  const tables = await sandbox.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sandbox.query<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`);
    out[name] = row?.n ?? -1;
  }
  return out;
}

async function sampleRows(sandbox: Sandbox): Promise<unknown[]> {
  const [session] = await sandbox.query('SELECT * FROM sessions ORDER BY id LIMIT 1');
  // Demo passwords are salted afresh by every seed run.
  const [alice] = await sandbox.query("SELECT * FROM users WHERE username = 'alice'");
  return [session, { ...alice, password: typeof alice?.password }];
}

describe('createSandbox with the seed snapshot cache', () => {
  it(
    'seeds when off, saves on a miss, then starts from the snapshot with the same data and no tokens',
    { timeout: 240_000 },
    async () => {
      const cache = join(scratch, 'cache');
      vi.stubEnv('SANDBOX_SNAPSHOT_DIR', cache);

      vi.stubEnv('SANDBOX_SNAPSHOT', '0');
      const seeded = await createSandbox({ dataDir: null });
      const expectedCounts = await tableCounts(seeded);
      const expectedRows = await sampleRows(seeded);
      await seeded.close();
      expect([seeded.loaded, seeded.snapshot]).toEqual(['seed', 'none']);
      expect(await readdir(cache).catch(() => [])).toEqual([]);

      vi.stubEnv('SANDBOX_SNAPSHOT', '1');
      const first = await createSandbox({ dataDir: null });
      expect([first.loaded, first.snapshot]).toEqual(['seed', 'saved']);
      expect(await readdir(cache)).toEqual([`seed-${await seedSnapshotKey(1)}.tar.gz`]);
      const oldToken = await login(first, 'alice');
      expect(oldToken).toMatch(/^[0-9a-f]{40}$/);
      await first.close();

      const warm = await createSandbox({ dataDir: null });
      try {
        expect([warm.loaded, warm.snapshot]).toEqual(['seed', 'loaded']);
        expect(expectedCounts.sessions).toBeGreaterThan(0);
        expect(expectedCounts.authtoken).toBe(0);
        expect(await tableCounts(warm)).toEqual(expectedCounts);
        expect(await sampleRows(warm)).toEqual(expectedRows);
        // DRF's TokenAuthentication without WWW-Authenticate: a stale token is a 403.
        expect((await client(warm, oldToken)('GET', '/labs')).body).toMatchObject({
          detail: 'Invalid token.',
        });
        const token = await login(warm, 'alice');
        expect((await client(warm, token)('GET', '/labs?limit=1')).status).toBe(200);
      } finally {
        await warm.close();
      }
    },
  );

  it(
    'starts a new data dir from the snapshot, and that dir keeps edits across a restart',
    { timeout: 240_000 },
    async () => {
      vi.stubEnv('SANDBOX_SNAPSHOT_DIR', join(scratch, 'cache'));
      const dataDir = join(scratch, 'data');
      const first = await createSandbox({ dataDir });
      expect([first.loaded, first.snapshot]).toEqual(['seed', 'loaded']);
      const token = await login(first, 'alice');
      expect((await client(first, token)('POST', '/labs', { name: 'snapshot_lab' })).status).toBe(201);
      await first.close();

      const second = await createSandbox({ dataDir });
      try {
        expect([second.loaded, second.snapshot]).toEqual(['none', 'none']);
        expect((await client(second, token)('GET', '/labs/snapshot_lab')).status).toBe(200);
      } finally {
        await second.close();
      }
    },
  );
});
