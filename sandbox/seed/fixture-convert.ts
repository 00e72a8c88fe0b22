import type { ColumnDeclaration, ResourceDeclaration, StoredRow } from '../resources/types.ts';
import type { DumpObject } from './dump-reader.ts';
import type { FixtureIndex } from './fixture-index.ts';

/** Counts of what the conversion had to change, keyed `resource.column`. */
export type Tally = Record<string, number>;

function bump(tally: Tally, key: string, by = 1): void {
  tally[key] = (tally[key] ?? 0) + by;
}

/** Django JSONField values arrive as objects, or as JSON-encoded strings in older dumps. */
function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Naive UTC ISO datetime, as the sandbox stores them; aware values are converted to UTC. */
export function naiveDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value.replace(' ', 'T');
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const micro = /\.(\d+)/.exec(value)?.[1] ?? '';
  const iso = new Date(ms).toISOString().slice(0, 19);
  return micro && !/^0+$/.test(micro) ? `${iso}.${micro.padEnd(6, '0').slice(0, 6)}` : iso;
}

function staticDefault(column: ColumnDeclaration): unknown {
  return typeof column.default === 'function' ? undefined : column.default;
}

function scalar(column: ColumnDeclaration, value: unknown, index: FixtureIndex): unknown {
  if (value === null || value === undefined) return column.nullable ? null : (staticDefault(column) ?? null);
  switch (column.type) {
    case 'json':
      return jsonValue(value);
    case 'datetime':
      return naiveDateTime(value);
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : null;
    case 'integer': {
      const n = typeof value === 'boolean' ? Number(value) : Number(value);
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'float': {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return value === true || value === 1 || value === 'true' || value === 'True';
    case 'string':
    case 'text':
      // A model folded into a string column (subject species, line…): its label, not its pk.
      if (typeof value === 'string') return index.labels.get(value) ?? value;
      if (Array.isArray(value)) return value.join('.');
      return String(value);
    case 'uuid':
      return typeof value === 'string' ? value : null;
  }
}

/** Converts one dumped object into a stored row of `resource`; records nulled references in `nulled`. */
export function convertObject(
  obj: DumpObject,
  resource: ResourceDeclaration,
  index: FixtureIndex,
  nulled: Tally,
): StoredRow {
  const row: StoredRow = { id: resource.primaryKey === 'integer' ? Number(obj.pk) : String(obj.pk) };
  const fields = obj.fields;
  for (const column of resource.columns) {
    if (column.name === 'id') continue;
    const key = `${resource.name}.${column.name}`;
    if (column.foreignKey) {
      if (!(column.name in fields)) continue;
      const value = fields[column.name];
      if (value === null || value === undefined || value === '') {
        row[column.name] = null;
      } else if (index.has(column.foreignKey.target, value)) {
        row[column.name] = column.type === 'integer' ? Number(value) : String(value);
      } else {
        row[column.name] = null;
        bump(nulled, key);
      }
      continue;
    }
    if (column.manyToMany) {
      const value = fields[column.name];
      if (!Array.isArray(value)) continue;
      const kept = value.filter((v) => index.has(column.manyToMany?.target ?? '', v));
      if (kept.length < value.length) bump(nulled, key, value.length - kept.length);
      row[column.name] = kept.map((v) => (column.type === 'integer' ? Number(v) : String(v)));
      continue;
    }
    if (column.name in fields) row[column.name] = scalar(column, fields[column.name], index);
  }
  foldRelated(obj, resource, index, row);
  return row;
}

/** Values that live in other models in Alyx but in a column of this row in the sandbox. */
function foldRelated(
  obj: DumpObject,
  resource: ResourceDeclaration,
  index: FixtureIndex,
  row: StoredRow,
): void {
  const has = (name: string): boolean => resource.columns.some((c) => c.name === name);
  const pk = String(obj.pk);
  if (obj.model === 'subjects.subject' && has('genotype')) row.genotype = index.genotypes.get(pk) ?? [];
  if (obj.model === 'misc.labmember' && has('lab') && !('lab' in obj.fields)) {
    row.lab = (index.memberships.get(pk) ?? []).filter((lab) => index.has('labs', lab));
  }
  if (obj.model === 'misc.note' && has('content_type')) {
    const ct = obj.fields.content_type;
    if (Array.isArray(ct)) row.content_type = ct.join('.');
    else if (ct !== null && ct !== undefined) row.content_type = index.contentTypes.get(String(ct)) ?? null;
  }
}
