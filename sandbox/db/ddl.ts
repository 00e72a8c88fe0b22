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

/** `t.start_time DESC, t.id` → `"start_time" DESC, "id"`; null when the ordering is not plain columns. */
export function orderingIndexColumns(ordering: string | undefined): string | null {
  if (!ordering) return null;
  const terms = ordering.split(',').map((term) => /^\s*t\.(\w+)(?:\s+(ASC|DESC))?\s*$/i.exec(term));
  if (terms.some((match) => !match)) return null;
  const columns = terms.map((match) => {
    const [, name = '', direction] = match as RegExpExecArray;
    return `${quoteIdent(name)}${direction?.toUpperCase() === 'DESC' ? ' DESC' : ''}`;
  });
  // The list query breaks ties by id: with it the index yields pages in order without a sort.
  if (!terms.some((match) => match?.[1] === 'id')) columns.push('"id"');
  return columns.join(', ');
}

/**
 * Creates missing tables and columns (idempotent, so a data dir survives a registry that grew),
 * and their indexes unless `indexes` is false (a bulk load first, then ensureIndexes).
 * No DB-level foreign keys or unique constraints: fixtures load in any order, and the engine
 * enforces relations and uniqueness with DRF-shaped errors.
 */
export async function ensureSchema(
  db: Queryable,
  models: ModelIndex,
  { indexes = true }: { indexes?: boolean } = {},
): Promise<void> {
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
    }
  }
  statements.push(
    `CREATE TABLE IF NOT EXISTS ${AUTH_TOKEN_TABLE} (key text PRIMARY KEY, user_id text NOT NULL UNIQUE, created timestamp NOT NULL DEFAULT now())`,
  );
  await db.exec(statements.join(';\n'));
  if (indexes) await ensureIndexes(db, models);
}

/** The secondary indexes: FKs, m2m arrays (GIN), usual filter fields, and each list's ordering. */
export async function ensureIndexes(db: Queryable, models: ModelIndex): Promise<void> {
  const statements: string[] = [];
  for (const model of models.all()) {
    const table = quoteIdent(model.table);
    for (const column of model.columns.values()) {
      if (column.name === 'id') continue;
      const indexName = quoteIdent(`${model.table}_${column.name}_idx`);
      if (column.manyToMany) {
        statements.push(
          `CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} USING gin (${quoteIdent(column.name)})`,
        );
      } else if (column.foreignKey || column.unique || INDEXED_NAMES.has(column.name)) {
        statements.push(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (${quoteIdent(column.name)})`);
      }
    }
    const ordering = orderingIndexColumns(model.resource.ordering);
    if (ordering)
      statements.push(
        `CREATE INDEX IF NOT EXISTS ${quoteIdent(`${model.table}_ordering_idx`)} ON ${table} (${ordering})`,
      );
  }
  if (statements.length > 0) await db.exec(statements.join(';\n'));
}

export async function dropAll(db: Queryable, models: ModelIndex): Promise<void> {
  const tables = [...models.all().map((m) => quoteIdent(m.table)), AUTH_TOKEN_TABLE];
  await db.exec(`DROP TABLE IF EXISTS ${tables.join(', ')} CASCADE`);
}
