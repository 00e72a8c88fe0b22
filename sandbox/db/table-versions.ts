import type { Queryable } from './database.ts';
import { quoteIdent } from './models.ts';

const VERSIONS_TABLE = 'sandbox_table_versions';
const BUMP_FUNCTION = 'sandbox_bump_table_version';
const TRIGGER = 'sandbox_table_version';

/**
 * On a PostgreSQL server other clients (psql, a second sandbox process) may write, so a cached
 * result cannot be keyed on this process's writes. A statement-level trigger on each table bumps
 * its row in `sandbox_table_versions` in the writer's own transaction: the version becomes
 * visible exactly when the write does, whoever made it. Per statement, not per row, so a bulk
 * load of 5,000 rows costs one bump.
 */
export function watchWritesSql(tables: readonly string[]): string {
  // The trigger runs with the writer's search_path, so the versions table is named by the
  // schema of the table that fired it.
  const statements = [
    `SELECT pg_advisory_xact_lock(hashtext('${BUMP_FUNCTION}'))`,
    `CREATE TABLE IF NOT EXISTS ${VERSIONS_TABLE} (table_name text PRIMARY KEY, version bigint NOT NULL)`,
    `CREATE OR REPLACE FUNCTION ${BUMP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('INSERT INTO %I.${VERSIONS_TABLE} AS v (table_name, version) VALUES ($1, 1)
    ON CONFLICT (table_name) DO UPDATE SET version = v.version + 1', TG_TABLE_SCHEMA)
    USING TG_TABLE_NAME;
  RETURN NULL;
END
$fn$`,
  ];
  for (const table of tables) {
    const literal = `'${quoteIdent(table).replace(/'/g, "''")}'`;
    statements.push(`DO $do$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '${TRIGGER}' AND tgrelid = ${literal}::regclass) THEN
    CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${quoteIdent(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION ${BUMP_FUNCTION}();
  END IF;
END $do$`);
  }
  return statements.join(';\n');
}

/** The table's version: 0 until its first write after the trigger was installed. */
export async function readTableVersion(db: Queryable, table: string): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `SELECT version FROM ${VERSIONS_TABLE} WHERE table_name = $1`,
    [table],
  );
  return row?.version ?? 0;
}
