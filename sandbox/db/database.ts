/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** A bulk load target: the table and its columns with their SQL types, in row order. */
export interface BulkTable {
  table: string;
  columns: readonly { name: string; sqlType: string }[];
}

/**
 * One storage engine (PGlite in-process, or a PostgreSQL server): the same SQL, parameters and
 * transactions, so everything above this interface is engine-blind.
 */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /**
   * A number that changes whenever `table` may have changed, whoever wrote to it: a cache key for
   * read results. PGlite owns its data dir, so its own write counter serves; a PostgreSQL server
   * can be written by other clients, so there a statement trigger bumps a per-table version.
   */
  tableVersion(table: string): Promise<number>;
  /** Makes `tableVersion` see every writer of these tables (PostgreSQL: installs the triggers). */
  watchWrites(tables: readonly string[]): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Appends rows (values in PostgreSQL text input form, null = NULL) in one transaction. */
  bulkInsert(target: BulkTable, rows: readonly (readonly (string | null)[])[]): Promise<void>;
  /** PGlite only: the data dir as a tarball (the seed snapshot cache). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

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

export const OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

/** Text parsers by type oid, shared by both engines so rows look the same whichever stores them. */
export const TEXT_PARSERS: Record<number, (value: string) => unknown> = {
  [OID.INT8]: (v: string) => Number(v),
  [OID.NUMERIC]: (v: string) => Number(v),
  [OID.DATE]: (v: string) => v,
  [OID.TIMESTAMP]: pgTimestampToIso,
  [OID.TIMESTAMPTZ]: pgTimestampToIso,
};

const READ_ONLY = /^\s*(SELECT|EXPLAIN|SHOW)\b/i;

/** Statements outside a transaction that may write (anything but a SELECT) count as a write too. */
export function counting(runner: Queryable, onWrite: () => void): Queryable {
  return {
    query: (sql, params) => {
      if (!READ_ONLY.test(sql)) onWrite();
      return runner.query(sql, params);
    },
    exec: (sql) => {
      onWrite();
      return runner.exec(sql);
    },
  };
}
