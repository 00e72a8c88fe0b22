import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';

/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly pg: PGlite;
}

const OID_INT8 = 20;
const OID_NUMERIC = 1700;
const OID_DATE = 1082;
const OID_TIMESTAMP = 1114;
const OID_TIMESTAMPTZ = 1184;

/**
 * Postgres prints `2021-05-10 17:47:13.833`; Django REST prints `2021-05-10T17:47:13.833000`
 * (naive, microseconds only when non-zero). Parsing at the driver keeps every row wire-ready.
 */
export function pgTimestampToIso(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?/.exec(value);
  if (!match) return value;
  const [, date, time, fraction] = match;
  const micro = (fraction ?? '').padEnd(6, '0').slice(0, 6);
  return /^0*$/.test(micro) ? `${date}T${time}` : `${date}T${time}.${micro}`;
}

const parsers = {
  [OID_INT8]: (v: string) => Number(v),
  [OID_NUMERIC]: (v: string) => Number(v),
  [OID_DATE]: (v: string) => v,
  [OID_TIMESTAMP]: pgTimestampToIso,
  [OID_TIMESTAMPTZ]: pgTimestampToIso,
};

function wrap(runner: Pick<Transaction, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await runner.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await runner.exec(sql);
    },
  };
}

/**
 * Opens PGlite in `dataDir` (persistent) or in memory when `dataDir` is null/undefined;
 * `loadDataDir` (a data-dir tarball) starts a database that does not exist yet from that content.
 */
export async function openDatabase(dataDir?: string | null, loadDataDir?: Blob | null): Promise<Database> {
  const options = { parsers, ...(loadDataDir ? { loadDataDir } : {}) };
  const pg = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  try {
    await pg.waitReady;
  } catch (error) {
    await pg.close().catch(() => undefined);
    throw error;
  }
  const base = wrap(pg);
  return {
    ...base,
    pg,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}
