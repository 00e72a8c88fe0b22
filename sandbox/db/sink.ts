import { randomUUID } from 'node:crypto';
import type { ColumnDeclaration, RecordSink, StoredRow } from '../resources/types.ts';
import type { Database } from './database.ts';
import type { Model, ModelIndex } from './models.ts';

function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) =>
    item === null || item === undefined ? 'NULL' : `"${String(item).replace(/(["\\])/g, '\\$1')}"`,
  );
  return `{${parts.join(',')}}`;
}

function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().replace('Z', '');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value in PostgreSQL's text input form for `column` (what COPY parses), or null for NULL. */
export function textValue(column: ColumnDeclaration, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (column.manyToMany) return arrayLiteral(Array.isArray(value) ? value : [value]);
  switch (column.type) {
    case 'json':
      return JSON.stringify(value);
    case 'boolean':
      return value === true || value === 'true' || value === 'True' || value === 1 ? 't' : 'f';
    default:
      return scalarText(value);
  }
}

function staticDefault(column: ColumnDeclaration): unknown {
  return typeof column.default === 'function' ? undefined : column.default;
}

function toTextRow(model: Model, columns: readonly ColumnDeclaration[], row: StoredRow): (string | null)[] {
  return columns.map((column) => {
    let value = column.name in row ? row[column.name] : staticDefault(column);
    if (
      column.name === 'id' &&
      (value === undefined || value === null) &&
      model.resource.primaryKey === 'uuid'
    )
      value = randomUUID();
    return textValue(column, value);
  });
}

/** Bulk loader for seeders and fixtures: the engine's fastest append (COPY on PGlite), one transaction per call. */
export function createRecordSink(db: Database, models: ModelIndex): RecordSink {
  return {
    async insertMany(resource: string, rows: readonly StoredRow[]): Promise<void> {
      if (rows.length === 0) return;
      const model = models.require(resource);
      const columns = [...model.columns.values()];
      await db.bulkInsert(
        { table: model.table, columns: columns.map((c) => ({ name: c.name, sqlType: models.sqlType(c) })) },
        rows.map((row) => toTextRow(model, columns, row)),
      );
    },
  };
}
