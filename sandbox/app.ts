import { mkdir, rm } from 'node:fs/promises';
import type { Database } from './db/database.ts';
import { dropAll, ensureIndexes, ensureSchema } from './db/ddl.ts';
import { openPglite } from './db/pglite.ts';
import { openPostgres } from './db/postgres.ts';
import { ModelIndex, quoteIdent } from './db/models.ts';
import { createRecordSink } from './db/sink.ts';
import { discardSnapshot, lookupSeedSnapshot, writeSnapshot } from './db/snapshot.ts';
import type { SeedSnapshot } from './db/snapshot.ts';
import { FaultStore } from './http/faults.ts';
import { createHttpApp } from './http/handler.ts';
import { DEFAULT_BODY_LIMITS } from './http/body-limit.ts';
import { hostPolicy } from './http/hosts.ts';
import type { HostPolicy } from './http/hosts.ts';
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
  /** The seed snapshot cache: 'loaded' = started from it, 'saved' = seeded and stored it, 'none' = not used. */
  readonly snapshot: 'loaded' | 'saved' | 'none';
  /** Which Host headers a network listener answers, and the app server's proxy key. */
  readonly hosts: HostPolicy;
}

function discoverySources(mode: DiscoveryMode = 'all'): Set<DiscoverySource> {
  return mode === 'all' ? new Set(['root', 'openapi', 'coreapi']) : new Set([mode]);
}

/**
 * A bulk load leaves the planner without statistics: at scale 50 that meant sequential scans and
 * multi-second detail pages. On PostgreSQL VACUUM also sets the visibility map: a `count(*)` that
 * is not cached (filtered, or the first after a write; http/list-count.ts) of 100,000 sessions
 * becomes an index-only scan (18 → 8 ms, ADR 0036).
 */
const AFTER_BULK_LOAD = { pglite: 'ANALYZE', postgres: 'VACUUM ANALYZE' } as const;

/** An Alyx-compatible server on PGlite, as a fetch handler. */
export async function createSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const resources = opts.resources ?? registry;
  const throttle = opts.throttle ? new Throttle(parseRate(opts.throttle)) : undefined;
  if (opts.reset && opts.dataDir && !opts.postgres) await rm(opts.dataDir, { recursive: true, force: true });
  const scale = opts.seed === false ? null : (opts.seed?.scale ?? 1);
  // Only the registry's demo data is cached: custom declarations or a fixture make another database.
  const cached =
    scale !== null && !opts.fixture && !opts.postgres && resources === registry
      ? await lookupSeedSnapshot(scale, opts.dataDir)
      : null;
  const { db, fromSnapshot } = opts.postgres
    ? { db: await openPostgres(opts.postgres.url, opts.postgres), fromSnapshot: false }
    : await openWithSnapshot(opts.dataDir, cached);
  try {
    const models = new ModelIndex(resources);
    if (opts.reset && opts.postgres) await dropAll(db, models);
    // Indexes come after a bulk load: building them once is far cheaper than updating them per row.
    await ensureSchema(db, models, { indexes: false });
    await db.watchWrites(models.all().map((model) => model.table));
    const sink = createRecordSink(db, models);
    const empty = await isEmpty(db, models);
    let loaded: Sandbox['loaded'] = 'none';
    let snapshot: Sandbox['snapshot'] = 'none';
    if (fromSnapshot && !empty) {
      loaded = 'seed';
      snapshot = 'loaded';
    } else if (empty && opts.fixture) {
      await loadFixture(sink, opts.fixture, resources);
      await ensureIndexes(db, models);
      await db.query(AFTER_BULK_LOAD[db.engine]);
      loaded = 'fixture';
    } else if (empty && scale !== null) {
      await seedDemoData(sink, { scale });
      await ensureIndexes(db, models);
      await db.query(AFTER_BULK_LOAD[db.engine]);
      loaded = 'seed';
      // Taken before the first request, so no token or edit ever lands in the cache.
      if (cached && (await saveSnapshot(cached.file, db))) snapshot = 'saved';
    } else {
      await ensureIndexes(db, models);
    }
    const hosts = hostPolicy({
      allowedHosts: opts.allowedHosts,
      publicUrl: opts.publicUrl,
      bindHost: opts.bindHost,
      proxyKey: opts.proxyKey,
    });
    const app = createHttpApp({
      resources,
      models,
      db,
      publicUrl: opts.publicUrl ?? null,
      hosts,
      bodyLimits: {
        maxBytes: opts.maxBodyBytes ?? DEFAULT_BODY_LIMITS.maxBytes,
        timeoutMs: opts.bodyTimeoutMs ?? DEFAULT_BODY_LIMITS.timeoutMs,
      },
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
      snapshot,
      hosts,
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function isEmpty(db: Database, models: ModelIndex): Promise<boolean> {
  const probe = models.get('users') ?? models.all()[0];
  if (!probe) return true;
  const rows = await db.query(`SELECT 1 FROM ${quoteIdent(probe.table)} LIMIT 1`);
  return rows.length === 0;
}

async function openWithSnapshot(
  dataDir: string | null | undefined,
  cached: SeedSnapshot | null,
): Promise<{ db: Database; fromSnapshot: boolean }> {
  if (!cached?.tarball) return { db: await openPglite(dataDir), fromSnapshot: false };
  try {
    return { db: await openPglite(dataDir, cached.tarball), fromSnapshot: true };
  } catch (error) {
    console.warn(`sandbox: ignoring unreadable seed snapshot ${cached.file}: ${(error as Error).message}`);
    await discardSnapshot(cached.file);
    // The data dir was missing or empty before (lookupSeedSnapshot checks), so clearing it loses nothing.
    if (dataDir) {
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(dataDir, { recursive: true });
    }
    return { db: await openPglite(dataDir), fromSnapshot: false };
  }
}

async function saveSnapshot(file: string, db: Database): Promise<boolean> {
  try {
    if (!db.dumpDataDir) return false;
    await writeSnapshot(file, db.dumpDataDir);
    return true;
  } catch (error) {
    console.warn(`sandbox: could not save the seed snapshot ${file}: ${(error as Error).message}`);
    return false;
  }
}
