import type { Queryable } from './database.ts';
import type { ModelIndex } from './models.ts';
import { quoteIdent } from './models.ts';

const AUTH_TOKEN_TABLE = 'authtoken';

// Columns worth an index beyond FKs: the usual filter, lookup and ordering fields.
const INDEXED_NAMES = new Set([
  'name',
  'nickname',
  'username',
  'start_time',
  'date_time',
  'created_datetime',
  'birth_date',
  'acronym',
]);

/**
 * Creates missing tables and columns (idempotent, so a data dir survives a registry that grew).
 * No DB-level foreign keys or unique constraints: fixtures load in any order, and the engine
 * enforces relations and uniqueness with DRF-shaped errors.
 */
export async function ensureSchema(db: Queryable, models: ModelIndex): Promise<void> {
  const statements: string[] = [];
  for (const model of models.all()) {
    const table = quoteIdent(model.table);
    const pkType = models.pkSqlType(model.name);
    statements.push(`CREATE TABLE IF NOT EXISTS ${table} (id ${pkType} PRIMARY KEY)`);
    for (const column of model.columns.values()) {
      if (column.name === 'id') continue;
      statements.push(
        `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${quoteIdent(column.name)} ${models.sqlType(column)}`,
      );
      const indexName = quoteIdent(`${model.table}_${column.name}_idx`);
      if (column.manyToMany) {
        statements.push(
          `CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} USING gin (${quoteIdent(column.name)})`,
        );
      } else if (column.foreignKey || column.unique || INDEXED_NAMES.has(column.name)) {
        statements.push(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (${quoteIdent(column.name)})`);
      }
    }
  }
  statements.push(
    `CREATE TABLE IF NOT EXISTS ${AUTH_TOKEN_TABLE} (key text PRIMARY KEY, user_id text NOT NULL UNIQUE, created timestamp NOT NULL DEFAULT now())`,
  );
  await db.exec(statements.join(';\n'));
}

export async function dropAll(db: Queryable, models: ModelIndex): Promise<void> {
  const tables = [...models.all().map((m) => quoteIdent(m.table)), AUTH_TOKEN_TABLE];
  await db.exec(`DROP TABLE IF EXISTS ${tables.join(', ')} CASCADE`);
}
