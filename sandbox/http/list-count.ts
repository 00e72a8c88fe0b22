import type { Database } from '../db/database.ts';

// Per database: table → the unfiltered count and the write generation it was taken at.
const unfilteredCounts = new WeakMap<Database, Map<string, { writes: number; count: number }>>();

/**
 * DRF's `count` for a list page, as cheaply as it can be known exactly:
 * - a page that is neither empty nor full ends the list, so count = offset + its rows (no query);
 * - an unfiltered count on an engine that sees every write (PGlite) is kept until the next write;
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
  const unfiltered = where.sql === 'true' && where.params.length === 0 && db.exclusive;
  const cache = unfilteredCounts.get(db) ?? new Map<string, { writes: number; count: number }>();
  if (unfiltered) {
    unfilteredCounts.set(db, cache);
    const hit = cache.get(table);
    if (hit && hit.writes === db.writes) return hit.count;
  }
  const writes = db.writes;
  const [row] = await db.query<{ count: number }>(countSql(), where.params);
  const count = row?.count ?? 0;
  if (unfiltered) cache.set(table, { writes, count });
  return count;
}
