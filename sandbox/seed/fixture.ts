import { randomUUID } from 'node:crypto';
import { resources as registry } from '../resources/registry.ts';
import type { RecordSink, ResourceDeclaration, StoredRow } from '../resources/types.ts';
import { primeDemoHashes, userRow } from './demo-accounts.ts';
import { readDump } from './dump-reader.ts';
import { convertObject, type Tally } from './fixture-convert.ts';
import { FixtureIndex } from './fixture-index.ts';
import { DEMO_ACCOUNTS, USERS } from './vocabulary.ts';

export interface FixtureResult {
  /** Rows inserted per resource (including demo accounts added to `users`). */
  loaded: Record<string, number>;
  /** Dumped objects not loaded, per Django model (no matching resource, or folded into another row). */
  skipped: Record<string, number>;
  /** References to rows absent from the dump, set to null or dropped from m2m lists, per `resource.column`. */
  nulledReferences: Record<string, number>;
}

const FLUSH_ROWS = 10_000;

/** Resources ordered so that FK targets come first (cycles and self references are ignored). */
export function dependencyOrder(resources: readonly ResourceDeclaration[]): string[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: string[] = [];
  const visit = (name: string): void => {
    if (done.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const column of byName.get(name)?.columns ?? []) {
      const target = column.foreignKey?.target ?? column.manyToMany?.target;
      if (target && target !== name && byName.has(target)) visit(target);
    }
    visiting.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const r of resources) visit(r.name);
  return order;
}

/**
 * Loads a Django `dumpdata` file (JSON, or `.json.gz`) of an Alyx database into the sandbox:
 * models map to resources by their `modelLabel`, values are converted to the declared columns,
 * references to rows missing from the dump become null, and the demo accounts are added if absent.
 * The file is read twice, streaming: once to learn which rows exist, once to convert them.
 */
export async function loadFixture(
  sink: RecordSink,
  path: string,
  resources: readonly ResourceDeclaration[] = registry,
): Promise<FixtureResult> {
  const index = new FixtureIndex(resources);
  for await (const obj of readDump(path)) index.observe(obj);
  index.finish();

  const loaded: Tally = {};
  const skipped: Tally = {};
  const nulled: Tally = {};
  const order = dependencyOrder(resources);
  const buffers = new Map<string, StoredRow[]>();
  let pending = 0;
  const flush = async (): Promise<void> => {
    for (const name of order) {
      const rows = buffers.get(name);
      if (!rows || rows.length === 0) continue;
      buffers.set(name, []);
      await sink.insertMany(name, rows);
      loaded[name] = (loaded[name] ?? 0) + rows.length;
    }
    pending = 0;
  };

  const usernames = new Set<string>();
  let firstLab: string | null = null;
  for await (const obj of readDump(path)) {
    const resource = index.resourceOf.get(obj.model);
    if (!resource) {
      skipped[obj.model] = (skipped[obj.model] ?? 0) + 1;
      continue;
    }
    const row = convertObject(obj, resource, index, nulled);
    if (resource.name === 'users' && typeof row.username === 'string') usernames.add(row.username);
    if (resource.name === 'labs') firstLab ??= String(row.id);
    const list = buffers.get(resource.name) ?? [];
    list.push(row);
    buffers.set(resource.name, list);
    if (++pending >= FLUSH_ROWS) await flush();
  }
  await flush();

  const missing = USERS.filter(
    (u) => (DEMO_ACCOUNTS as readonly string[]).includes(u.username) && !usernames.has(u.username),
  );
  if (missing.length > 0 && resources.some((r) => r.name === 'users')) {
    await primeDemoHashes();
    const now = new Date().toISOString().slice(0, 19);
    const rows = missing.map((spec) => ({
      ...userRow(randomUUID(), spec, now, ''),
      lab: firstLab ? [firstLab] : [],
    }));
    await sink.insertMany('users', rows);
    loaded.users = (loaded.users ?? 0) + rows.length;
  }
  return { loaded, skipped, nulledReferences: nulled };
}
