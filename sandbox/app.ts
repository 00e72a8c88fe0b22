import { rm } from 'node:fs/promises';
import { openDatabase } from './db/database.ts';
import { ensureSchema } from './db/ddl.ts';
import { ModelIndex, quoteIdent } from './db/models.ts';
import { createRecordSink } from './db/sink.ts';
import { FaultStore } from './http/faults.ts';
import { createHttpApp } from './http/handler.ts';
import type { DiscoverySource } from './http/runtime.ts';
import { parseRate, Throttle } from './http/throttle.ts';
import { resources as registry } from './resources/registry.ts';
import type { RecordSink } from './resources/types.ts';
import type { DiscoveryMode, SandboxOptions } from './config.ts';
import { loadFixture } from './seed/fixture.ts';
import { seedDemoData } from './seed/seed.ts';

export type { SandboxOptions } from './config.ts';

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  sink: RecordSink;
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** What was loaded into a fresh database: 'seed', 'fixture', or 'none' (existing data kept or seeding off). */
  readonly loaded: 'seed' | 'fixture' | 'none';
}

function discoverySources(mode: DiscoveryMode = 'all'): Set<DiscoverySource> {
  return mode === 'all' ? new Set(['root', 'openapi', 'coreapi']) : new Set([mode]);
}

/** An Alyx-compatible server on PGlite, as a fetch handler. */
export async function createSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const resources = opts.resources ?? registry;
  const throttle = opts.throttle ? new Throttle(parseRate(opts.throttle)) : undefined;
  if (opts.reset && opts.dataDir) await rm(opts.dataDir, { recursive: true, force: true });
  const db = await openDatabase(opts.dataDir);
  try {
    const models = new ModelIndex(resources);
    await ensureSchema(db, models);
    const sink = createRecordSink(db, models);
    const empty = await isEmpty(db, models);
    let loaded: Sandbox['loaded'] = 'none';
    if (empty && opts.fixture) {
      await loadFixture(sink, opts.fixture, resources);
      loaded = 'fixture';
    } else if (empty && opts.seed !== false) {
      await seedDemoData(sink, { scale: opts.seed?.scale ?? 1 });
      loaded = 'seed';
    }
    const app = createHttpApp({
      resources,
      models,
      db,
      publicUrl: opts.publicUrl ?? null,
      discovery: discoverySources(opts.discovery),
      ...(throttle ? { throttle } : {}),
      ...(opts.faults ? { faults: new FaultStore() } : {}),
    });
    return {
      fetch: async (request) => app.fetch(request),
      sink,
      query: (sql, params) => db.query(sql, params ?? []),
      close: () => db.close(),
      loaded,
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function isEmpty(db: Awaited<ReturnType<typeof openDatabase>>, models: ModelIndex): Promise<boolean> {
  const probe = models.get('users') ?? models.all()[0];
  if (!probe) return true;
  const rows = await db.query(`SELECT 1 FROM ${quoteIdent(probe.table)} LIMIT 1`);
  return rows.length === 0;
}
