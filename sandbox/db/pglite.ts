import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { BulkTable, Database, Queryable } from './database.ts';
import { counting, TEXT_PARSERS } from './database.ts';
import { quoteIdent } from './models.ts';

const ROWS_PER_COPY = 20_000;

/**
 * PGlite runs each statement synchronously and hands its lock on through promises, so while
 * statements were queued the process stayed in its microtask queue, and Node's server takes up one
 * new connection per event-loop iteration: the last clients to join bench:load waited 30 s and more.
 * Statements therefore start one per iteration (each after its own `setImmediate`, chained in call
 * order). Only starts are spaced, never completions, so a statement waiting for a transaction
 * cannot hold up that transaction's own statements.
 */
function oneStartPerTurn(): () => Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  return () => {
    const mine = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    previous = mine;
    return mine;
  };
}

function wrap(runner: Pick<Transaction, 'query' | 'exec'>, eventLoopTurn: () => Promise<void>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      await eventLoopTurn();
      const result = await runner.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await eventLoopTurn();
      await runner.exec(sql);
    },
  };
}

/** One CSV field; an unquoted empty field is NULL in COPY's CSV format, a quoted one is ''. */
function csvField(value: string | null): string {
  return value === null ? '' : `"${value.replace(/"/g, '""')}"`;
}

/**
 * Opens PGlite in `dataDir` (persistent) or in memory when `dataDir` is null/undefined;
 * `loadDataDir` (a data-dir tarball) starts a database that does not exist yet from that content.
 */
export async function openPglite(dataDir?: string | null, loadDataDir?: Blob | null): Promise<Database> {
  const options = { parsers: TEXT_PARSERS, ...(loadDataDir ? { loadDataDir } : {}) };
  const pg = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  try {
    await pg.waitReady;
  } catch (error) {
    await pg.close().catch(() => undefined);
    throw error;
  }
  let writes = 0;
  const eventLoopTurn = oneStartPerTurn();
  return {
    ...counting(wrap(pg, eventLoopTurn), () => writes++),
    engine: 'pglite',
    // Every write goes through this object, so its counter is every table's version.
    tableVersion: async () => writes,
    watchWrites: async () => undefined,
    transaction: async (fn) => {
      writes++;
      await eventLoopTurn();
      return pg.transaction((tx) => fn(wrap(tx, eventLoopTurn)));
    },
    // COPY from a blob: PGlite's fastest way in, several times quicker than multi-row INSERTs.
    async bulkInsert(target: BulkTable, rows) {
      if (rows.length === 0) return;
      writes++;
      const names = target.columns.map((c) => quoteIdent(c.name)).join(', ');
      const sql = `COPY ${quoteIdent(target.table)} (${names}) FROM '/dev/blob' WITH (FORMAT csv)`;
      await pg.transaction(async (tx) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_COPY) {
          const lines: string[] = [];
          const end = Math.min(rows.length, start + ROWS_PER_COPY);
          for (let i = start; i < end; i++) lines.push((rows[i] ?? []).map(csvField).join(','));
          await tx.query(sql, [], { blob: new Blob([lines.join('\n') + '\n']) });
        }
      });
    },
    dumpDataDir: () => pg.dumpDataDir('none'),
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}
