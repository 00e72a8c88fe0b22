import pg from 'pg';
import type { Database, Queryable, BulkTable } from './database.ts';
import { TEXT_PARSERS } from './database.ts';
import { quoteIdent } from './models.ts';
import { readTableVersion, watchWritesSql } from './table-versions.ts';

const OID_INT8_ARRAY = 1016;
// pg-types types its oids as an enum of the built-ins; any oid is a valid question here.
const builtinParser = pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown;
const ROWS_PER_INSERT = 5_000;
const POOL_SIZE = 8;

/** Same row values as PGlite: int8 as numbers, naive timestamps in Django's ISO form, dates as text. */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  const own = TEXT_PARSERS[oid];
  if (own) return own;
  if (oid === OID_INT8_ARRAY) {
    const strings = builtinParser(oid, 'text') as (v: string) => (string | null)[];
    return (v) => strings(v).map((x) => (x === null ? null : Number(x)));
  }
  return builtinParser(oid, format ?? 'text');
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      // No parameters: the simple protocol, which runs several statements in one call.
      await client.query(sql);
    },
  };
}

export interface PostgresOptions {
  /** Run in this schema (created when missing) instead of the URL's default search path. */
  schema?: string;
  /** Drop `schema` on close: a throwaway database for one test. */
  dropSchemaOnClose?: boolean;
}

/**
 * A PostgreSQL server through node-postgres. Write transactions are serialised in this process,
 * as PGlite does: uniqueness and relations are checked by the sandbox, not by constraints, so two
 * interleaved writes could otherwise both pass the same check. Reads run concurrently on the pool.
 */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Database> {
  const schema = opts.schema;
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    types: { getTypeParser: typeParser as pg.CustomTypesConfig['getTypeParser'] },
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', (error) => console.error(`sandbox: PostgreSQL connection error: ${error.message}`));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const inTransaction = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    serialised(async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });

  const direct = wrap(pool);
  let closed = false;
  return {
    ...direct,
    engine: 'postgres',
    tableVersion: (table) => readTableVersion(direct, table),
    watchWrites: (tables) => inTransaction((tx) => tx.exec(watchWritesSql(tables))),
    transaction: inTransaction,
    // node-postgres has no COPY without another package; one INSERT … SELECT FROM unnest() per
    // chunk casts the same text forms COPY would parse, in a single round trip.
    async bulkInsert(target: BulkTable, rows) {
      if (rows.length === 0) return;
      const names = target.columns.map((c) => quoteIdent(c.name));
      const casts = target.columns.map((c, i) => `${quoteIdent(`c${i}`)}::${c.sqlType}`);
      const arrays = target.columns.map((_, i) => `$${i + 1}::text[]`);
      const aliases = target.columns.map((_, i) => quoteIdent(`c${i}`));
      const sql = `INSERT INTO ${quoteIdent(target.table)} (${names.join(', ')})
        SELECT ${casts.join(', ')} FROM unnest(${arrays.join(', ')}) AS u(${aliases.join(', ')})`;
      await inTransaction(async (tx) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
          const chunk = rows.slice(start, start + ROWS_PER_INSERT);
          await tx.query(
            sql,
            target.columns.map((_, i) => chunk.map((row) => row[i] ?? null)),
          );
        }
      });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await queue;
      if (schema && opts.dropSchemaOnClose)
        await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => undefined);
      await pool.end();
    },
  };
}
