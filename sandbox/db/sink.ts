import { randomUUID } from 'node:crypto';
import type { ColumnDeclaration, RecordSink, StoredRow } from '../resources/types.ts';
import type { Database } from './database.ts';
import type { Model, ModelIndex } from './models.ts';
import { quoteIdent } from './models.ts';

const ROWS_PER_COPY = 20_000;

function csvQuote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

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

/** One CSV field; an unquoted empty field is NULL in COPY's CSV format, a quoted one is ''. */
export function csvField(column: ColumnDeclaration, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.manyToMany) return csvQuote(arrayLiteral(Array.isArray(value) ? value : [value]));
  switch (column.type) {
    case 'json':
      return csvQuote(JSON.stringify(value));
    case 'boolean':
      return value === true || value === 'true' || value === 'True' || value === 1 ? 't' : 'f';
    default:
      return csvQuote(scalarText(value));
  }
}

function staticDefault(column: ColumnDeclaration): unknown {
  return typeof column.default === 'function' ? undefined : column.default;
}

function toCsvLine(model: Model, columns: readonly ColumnDeclaration[], row: StoredRow): string {
  return columns
    .map((column) => {
      let value = column.name in row ? row[column.name] : staticDefault(column);
      if (
        column.name === 'id' &&
        (value === undefined || value === null) &&
        model.resource.primaryKey === 'uuid'
      )
        value = randomUUID();
      return csvField(column, value);
    })
    .join(',');
}

/** Bulk loader for seeders and fixtures: COPY in chunks, all inside one transaction. */
export function createRecordSink(db: Database, models: ModelIndex): RecordSink {
  return {
    async insertMany(resource: string, rows: readonly StoredRow[]): Promise<void> {
      if (rows.length === 0) return;
      const model = models.require(resource);
      const columns = [...model.columns.values()];
      const sql = `COPY ${quoteIdent(model.table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      await db.pg.transaction(async (tx) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_COPY) {
          const lines: string[] = [];
          const end = Math.min(rows.length, start + ROWS_PER_COPY);
          for (let i = start; i < end; i++) lines.push(toCsvLine(model, columns, rows[i] as StoredRow));
          await tx.query(sql, [], { blob: new Blob([lines.join('\n') + '\n']) });
        }
      });
    },
  };
}
