import type {
  ColumnDeclaration,
  ColumnType,
  Serializer,
  SerializerField,
  StoredRow,
  WriteContext,
} from '../resources/types.ts';
import type { Queryable } from '../db/database.ts';
import type { Model, ModelIndex } from '../db/models.ts';
import { quoteIdent } from '../db/models.ts';
import { ApiError, validationError } from './errors.ts';
import { convertRelation, convertScalar, FieldInvalid, pyType } from './write-fields.ts';

export interface WriteInput {
  models: ModelIndex;
  model: Model;
  db: Queryable;
  serializer: Serializer;
  body: Record<string, unknown>;
  /** PATCH: absent fields are left alone and nothing is required. */
  partial: boolean;
  /** Body came from a form: many-valued fields arrive as repeated keys, JSON as text. */
  form: boolean;
  existing?: StoredRow;
  ctx: WriteContext;
}

function label(name: string): string {
  return name.replace(/_/g, ' ');
}

function columnDefault(column: ColumnDeclaration, ctx: WriteContext): unknown {
  const value =
    typeof column.default === 'function'
      ? (column.default as (c: WriteContext) => unknown)(ctx)
      : column.default;
  if (value !== undefined) return value;
  if (column.manyToMany) return [];
  // Django's CharField stores '' when a non-null column gets no value.
  if (!column.nullable && (column.type === 'string' || column.type === 'text')) return '';
  return null;
}

export interface ValidatedWrite {
  /** Column values to store. */
  values: Record<string, unknown>;
  /** Converted values of the body's write-only fields that have no column (for resource hooks). */
  writeOnly: Record<string, unknown>;
}

const WIRE_TO_COLUMN: Partial<Record<SerializerField['type'], ColumnType>> = {
  string: 'string',
  integer: 'integer',
  number: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  uuid: 'uuid',
  json: 'json',
};

/** A stand-in column so a write-only field with no column is validated like DRF's field class. */
function writeOnlyColumn(field: SerializerField): ColumnDeclaration | undefined {
  if (!field.writeOnly) return undefined;
  const target = field.relation?.target;
  if (target) return { name: field.name, type: 'uuid', foreignKey: { target } };
  const type = WIRE_TO_COLUMN[field.type];
  return type ? { name: field.name, type } : undefined;
}

/** The value of every column a create would store when the body omits it (not `id`). */
export function columnDefaults(model: Model, ctx: WriteContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of model.columns.values())
    if (column.name !== 'id') out[column.name] = columnDefault(column, ctx);
  return out;
}

/**
 * Validates a write body like a DRF ModelSerializer and returns the column values to store.
 * All field errors are collected; unique-together runs only when the fields are valid.
 */
export async function validateWrite(input: WriteInput): Promise<ValidatedWrite> {
  const { models, model, db, serializer, body, partial, existing, ctx } = input;
  const errors: Record<string, string[]> = {};
  const values: Record<string, unknown> = {};
  const writeOnly: Record<string, unknown> = {};
  for (const field of serializer.fields) {
    if (field.readOnly || field.compute || 'computeMany' in field) continue;
    const source = field.source ?? field.name;
    const modelColumn = model.columns.get(source);
    const column = modelColumn ?? writeOnlyColumn(field);
    if (!column || source === 'id') continue;
    if (!(field.name in body)) {
      if (!partial && field.required) errors[field.name] = ['This field is required.'];
      continue;
    }
    const out = modelColumn ? values : writeOnly;
    let value = body[field.name];
    try {
      if (input.form) value = fromForm(column, value);
      if (value === null) {
        if (!(field.nullable ?? column.nullable)) throw new FieldInvalid('This field may not be null.');
        out[column.name] = null;
        continue;
      }
      if (column.manyToMany) {
        if (!Array.isArray(value))
          throw new FieldInvalid(`Expected a list of items but got type "${pyType(value)}".`);
        if (value.length === 0 && field.required) throw new FieldInvalid('This list may not be empty.');
        const ids: unknown[] = [];
        for (const item of value) ids.push(await convertRelation(db, models, column, field, item));
        out[column.name] = ids;
      } else if (column.foreignKey) {
        out[column.name] = await convertRelation(db, models, column, field, value);
      } else {
        out[column.name] = convertScalar(column, field, value);
      }
    } catch (error) {
      if (!(error instanceof FieldInvalid)) throw error;
      errors[field.name] = [error.message];
    }
  }
  if (!existing) {
    for (const [name, value] of Object.entries(columnDefaults(model, ctx)))
      if (!(name in values)) values[name] = value;
  }
  await checkUnique(model, db, values, existing, errors, serializer);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  await checkUniqueTogether(model, db, values, existing);
  return { values, writeOnly };
}

function fromForm(column: ColumnDeclaration, value: unknown): unknown {
  if (column.manyToMany) return Array.isArray(value) ? value : [value];
  const single = Array.isArray(value) ? value[value.length - 1] : value;
  if (column.type === 'json' && typeof single === 'string') {
    try {
      return JSON.parse(single) as unknown;
    } catch {
      throw new FieldInvalid('Value must be valid JSON.');
    }
  }
  return single;
}

async function checkUnique(
  model: Model,
  db: Queryable,
  values: Record<string, unknown>,
  existing: StoredRow | undefined,
  errors: Record<string, string[]>,
  serializer: Serializer,
): Promise<void> {
  for (const column of model.columns.values()) {
    if (!column.unique || values[column.name] === undefined || values[column.name] === null) continue;
    const fieldName =
      serializer.fields.find((f) => (f.source ?? f.name) === column.name)?.name ?? column.name;
    if (errors[fieldName]) continue;
    const rows = await db.query(
      `SELECT 1 FROM ${quoteIdent(model.table)} WHERE ${quoteIdent(column.name)} = $1 AND id::text <> $2 LIMIT 1`,
      [values[column.name], existing ? String(existing.id) : ''],
    );
    if (rows.length > 0)
      errors[fieldName] = [
        `${model.resource.verboseName.toLowerCase()} with this ${label(column.name)} already exists.`,
      ];
  }
}

async function checkUniqueTogether(
  model: Model,
  db: Queryable,
  values: Record<string, unknown>,
  existing: StoredRow | undefined,
) {
  for (const group of model.resource.uniqueTogether ?? []) {
    if (existing && !group.some((name) => name in values)) continue;
    const merged = group.map((name) => (name in values ? values[name] : existing?.[name]));
    if (merged.some((v) => v === null || v === undefined)) continue;
    const where = group.map((name, i) => `${quoteIdent(name)} = $${i + 1}`).join(' AND ');
    const rows = await db.query(
      `SELECT 1 FROM ${quoteIdent(model.table)} WHERE ${where} AND id::text <> $${group.length + 1} LIMIT 1`,
      [...merged, existing ? String(existing.id) : ''],
    );
    if (rows.length > 0)
      throw validationError({ non_field_errors: [`The fields ${group.join(', ')} must make a unique set.`] });
  }
}

function castParam(
  models: ModelIndex,
  column: ColumnDeclaration,
  value: unknown,
): { placeholder: string; param: unknown } {
  const type = column.name === 'id' ? null : models.sqlType(column);
  if (type === 'jsonb')
    return {
      placeholder: '::jsonb',
      param: value === null || value === undefined ? null : JSON.stringify(value),
    };
  return { placeholder: type ? `::${type}` : '', param: value };
}

export async function insertRow(
  models: ModelIndex,
  model: Model,
  db: Queryable,
  values: Record<string, unknown>,
): Promise<StoredRow> {
  const names = Object.keys(values).filter((n) => model.columns.has(n));
  const params: unknown[] = [];
  const placeholders = names.map((name) => {
    const { placeholder, param } = castParam(
      models,
      model.columns.get(name) as ColumnDeclaration,
      values[name],
    );
    params.push(param);
    return `$${params.length}${placeholder}`;
  });
  const idExpr = model.resource.primaryKey === 'uuid' && !names.includes('id') ? 'gen_random_uuid()' : null;
  const columnList = [...(idExpr ? ['id'] : []), ...names].map(quoteIdent).join(', ');
  const valueList = [...(idExpr ? [idExpr] : []), ...placeholders].join(', ');
  const [row] = await db.query<StoredRow>(
    `INSERT INTO ${quoteIdent(model.table)} (${columnList}) VALUES (${valueList}) RETURNING *`,
    params,
  );
  return row as StoredRow;
}

export async function updateRow(
  models: ModelIndex,
  model: Model,
  db: Queryable,
  id: unknown,
  values: Record<string, unknown>,
): Promise<StoredRow> {
  const names = Object.keys(values).filter((n) => model.columns.has(n) && n !== 'id');
  const params: unknown[] = [id];
  const sets = names.map((name) => {
    const { placeholder, param } = castParam(
      models,
      model.columns.get(name) as ColumnDeclaration,
      values[name],
    );
    params.push(param);
    return `${quoteIdent(name)} = $${params.length}${placeholder}`;
  });
  const sql = sets.length
    ? `UPDATE ${quoteIdent(model.table)} SET ${sets.join(', ')} WHERE id = $1 RETURNING *`
    : `SELECT * FROM ${quoteIdent(model.table)} WHERE id = $1`;
  const [row] = await db.query<StoredRow>(sql, params);
  return row as StoredRow;
}

function className(model: Model): string {
  return model.resource.verboseName
    .replace(/(^|\s)(\w)/g, (_, __, c: string) => c.toUpperCase())
    .replace(/\s/g, '');
}

/** Deletes a row honouring each referencing column's onDelete, like Django's Collector. */
export async function deleteRow(models: ModelIndex, model: Model, db: Queryable, id: unknown): Promise<void> {
  for (const ref of models.referencing(model.name)) {
    const table = quoteIdent(ref.model.table);
    const col = quoteIdent(ref.column.name);
    if (ref.kind === 'm2m') {
      await db.query(`UPDATE ${table} SET ${col} = array_remove(${col}, $1) WHERE $1 = ANY(${col})`, [id]);
      continue;
    }
    const dependants = await db.query<{ id: unknown }>(`SELECT id FROM ${table} WHERE ${col} = $1`, [id]);
    if (dependants.length === 0) continue;
    const onDelete = ref.column.foreignKey?.onDelete ?? 'cascade';
    if (onDelete === 'protect') {
      throw new ApiError(409, {
        detail: `Cannot delete some instances of model '${className(model)}' because they are referenced through protected foreign keys: '${className(ref.model)}.${ref.column.name}'.`,
      });
    }
    if (onDelete === 'set-null') await db.query(`UPDATE ${table} SET ${col} = NULL WHERE ${col} = $1`, [id]);
    else for (const dependant of dependants) await deleteRow(models, ref.model, db, dependant.id);
  }
  if (model.name === 'users') await db.query('DELETE FROM authtoken WHERE user_id = $1', [String(id)]);
  await db.query(`DELETE FROM ${quoteIdent(model.table)} WHERE id = $1`, [id]);
}
