import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { resources } from '../resources/registry.ts';
import type { StoredRow } from '../resources/types.ts';
import { CheckingSink } from './checking-sink.ts';
import { CollectingSink } from './collecting-sink.ts';
import { SEED_ORDER } from './row-buffer.ts';
import { seedDemoData } from './seed.ts';

/** Content hash of everything seeded, ignoring the random salts of the demo passwords. */
function fingerprint(sink: CollectingSink): string {
  const hash = createHash('sha256');
  for (const resource of sink.order) {
    for (const row of sink.get(resource)) {
      const stable =
        resource === 'users'
          ? { ...row, password: String(row.password).startsWith('pbkdf2') ? 'hashed' : row.password }
          : row;
      hash.update(`${resource}\t${JSON.stringify(stable)}\n`);
    }
  }
  return hash.digest('hex');
}

const one = new CollectingSink();
let counts: Record<string, number> = {};

beforeAll(async () => {
  counts = await seedDemoData(one, { scale: 1 });
}, 60_000);

const rowsOf = (resource: string): StoredRow[] => one.get(resource);

describe('seedDemoData at scale 1', () => {
  it('is deterministic', async () => {
    const again = new CollectingSink();
    await seedDemoData(again, { scale: 1, chunkSize: 3_000 });
    expect(fingerprint(again)).toBe(fingerprint(one));
  }, 60_000);

  it('has the documented sizes', () => {
    expect(counts.subjects).toBe(200);
    expect(counts.sessions).toBe(2000);
    expect(counts.users).toBe(10);
    expect(counts.labs).toBeGreaterThanOrEqual(3);
    expect(counts['dataset-types']).toBeGreaterThanOrEqual(28);
    expect(counts['brain-regions']).toBeGreaterThanOrEqual(40);
    expect(counts.datasets).toBeGreaterThan(17_000);
    expect(counts.datasets).toBeLessThan(24_000);
    expect(counts.files).toBeGreaterThan(counts.datasets ?? 0);
    for (const resource of [
      'insertions',
      'trajectories',
      'channels',
      'weighings',
      'water-administrations',
      'water-restriction',
      'surgeries',
      'notes',
      'tasks',
    ]) {
      expect(counts[resource], resource).toBeGreaterThan(0);
    }
    // Inserted in dependency order, every resource once per flush.
    const firstSeen = one.order.map((r) => SEED_ORDER.indexOf(r as (typeof SEED_ORDER)[number]));
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
  });

  it('creates the demo accounts with working passwords and roles', () => {
    const users = new Map(rowsOf('users').map((u) => [u.username, u]));
    const admin = users.get('admin');
    const alice = users.get('alice');
    const publicUser = users.get('public');
    expect(verifyPassword('admin', String(admin?.password))).toBe(true);
    expect(verifyPassword('alice', String(alice?.password))).toBe(true);
    expect(verifyPassword('public', String(publicUser?.password))).toBe(true);
    expect(verifyPassword('wrong', String(alice?.password))).toBe(false);
    expect(admin).toMatchObject({ is_superuser: true, is_staff: true, is_public_user: false });
    expect(alice).toMatchObject({ is_superuser: false, is_public_user: false });
    expect(publicUser).toMatchObject({ is_superuser: false, is_public_user: true });
    const others = rowsOf('users').filter((u) => !['admin', 'alice', 'public'].includes(String(u.username)));
    for (const u of others) expect(verifyPassword(String(u.username), String(u.password))).toBe(false);
  });

  it('looks like IBL data', () => {
    const subjects = rowsOf('subjects');
    const nicknames = subjects.map((s) => String(s.nickname));
    expect(new Set(nicknames).size).toBe(nicknames.length);
    expect(nicknames.some((n) => /^KS\d{3}$/.test(n))).toBe(true);
    expect(nicknames.some((n) => /^ZFM-\d{5}$/.test(n))).toBe(true);
    expect(subjects.some((s) => s.death_date !== null)).toBe(true);
    expect(subjects.some((s) => s.death_date === null)).toBe(true);

    const sessions = rowsOf('sessions');
    const starts = sessions.map((s) => String(s.start_time)).sort();
    expect(starts[0]! >= '2024-01-08').toBe(true);
    expect(starts[starts.length - 1]! < '2026-01-20').toBe(true);
    expect(new Set(sessions.map((s) => s.qc))).toEqual(new Set([0, 10, 30, 40, 50]));
    expect(sessions.some((s) => s.number === 2)).toBe(true);
    expect(sessions.some((s) => String(s.narrative).length > 0)).toBe(true);

    const names = new Set(rowsOf('datasets').map((d) => d.name));
    for (const name of ['_ibl_trials.table.pqt', 'spikes.times.npy', '_iblrig_leftCamera.raw.mp4'])
      expect(names.has(name), name).toBe(true);
    const collections = new Set(rowsOf('datasets').map((d) => d.collection));
    for (const c of ['alf', 'alf/probe00/pykilosort', 'raw_video_data'])
      expect(collections.has(c), c).toBe(true);

    const tags = rowsOf('tags');
    expect(tags.filter((t) => t.protected === true)).toHaveLength(1);
    expect(tags.filter((t) => t.public === true)).toHaveLength(1);
    expect(rowsOf('data-repository').filter((r) => r.globus_is_personal === true)).toHaveLength(1);
    expect(new Set(rowsOf('trajectories').map((t) => t.provenance))).toEqual(new Set([10, 30, 50, 70]));
    const statuses = new Set(rowsOf('tasks').map((t) => t.status));
    expect(statuses.has(60) && statuses.has(40)).toBe(true);
    expect(rowsOf('tasks').some((t) => String(t.log).includes('Traceback (most recent call last)'))).toBe(
      true,
    );
    expect(new Set(rowsOf('insertions').map((i) => i.name))).toEqual(new Set(['probe00', 'probe01']));
  });

  it('keeps referential integrity and writes only declared columns', async () => {
    const checking = new CheckingSink(resources);
    await seedDemoData(checking, { scale: 1, chunkSize: 2_500 });
    expect(checking.problems).toEqual([]);
    const pk = (resource: string, id: unknown): boolean => checking.has(resource, id);
    for (const note of rowsOf('notes')) {
      const target = note.content_type === 'actions.session' ? 'sessions' : 'subjects';
      expect(pk(target, note.object_id), String(note.id)).toBe(true);
    }
    expect([...checking.undeclared]).toEqual([]);
  }, 60_000);
});

describe('seedDemoData at a lean scale', () => {
  it("keeps Alyx's datasets per session (1M datasets at scale 50), with one file record each", async () => {
    const lean = new CollectingSink(false);
    const at6 = await seedDemoData(lean, { scale: 6 });
    const perSession = (c: Record<string, number>) => (c.datasets ?? 0) / (c.sessions ?? 1);
    expect(at6.sessions).toBe(12_000);
    // Same mix of session kinds as scale 1, so the same ~10.7 datasets per session.
    expect(perSession(at6)).toBeGreaterThan(perSession(counts) * 0.9);
    expect(perSession(at6)).toBeGreaterThan(10);
    // No cloud copies: about one file record per dataset (0.5% also have a personal copy).
    expect((at6.files ?? 0) / (at6.datasets ?? 1)).toBeLessThan(1.02);
    expect((counts.files ?? 0) / (counts.datasets ?? 1)).toBeGreaterThan(1.2);
  }, 60_000);
});
