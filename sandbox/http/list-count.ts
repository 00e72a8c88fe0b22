import type { Database } from '../db/database.ts';

// Per database: table → the unfiltered count and the table version it was taken at.
const unfilteredCounts = new WeakMap<Database, Map<string, { version: number; count: number }>>();

/**
 * DRF's `count` for a list page, as cheaply as it can be known exactly:
 * - a page that is neither empty nor full ends the list, so count = offset + its rows (no query);
 * - an unfiltered count is kept until the table's version changes (any writer, db/table-versions.ts);
 * - otherwise `count(*)` with the page's WHERE.
 */
export async function pageCount(
  db: Database,
  table: string,
  where: { sql: string; params: unknown[] },
  page: { limit: number; offset: number; rows: number },
  countSql: () => string,
): Promise<number> {
  if ((page.rows > 0 && page.rows < page.limit) || (page.rows === 0 && page.offset === 0))
    return page.offset + page.rows;
  if (where.sql !== 'true' || where.params.length > 0) return runCount(db, countSql(), where.params);
  const cache = unfilteredCounts.get(db) ?? new Map<string, { version: number; count: number }>();
  unfilteredCounts.set(db, cache);
  // Read before counting: a write landing in between leaves a count newer than its key, and the
  // next request counts again.
  const version = await db.tableVersion(table);
  const hit = cache.get(table);
  if (hit && hit.version === version) return hit.count;
  const count = await runCount(db, countSql(), where.params);
  cache.set(table, { version, count });
  return count;
}

async function runCount(db: Database, sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ count: number }>(sql, params);
  return row?.count ?? 0;
}
