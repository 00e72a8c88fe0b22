/** How a record's values are classified for display. */
import { isRecord } from '../../api/values.ts';

export type RecordData = Record<string, unknown>;

/** Arrays of objects (a session's datasets, insertions, notes) render as sub-tables. */
export function isObjectArray(value: unknown): value is RecordData[] {
  return Array.isArray(value) && value.length > 0 && value.every(isRecord);
}

export interface ParsedJson {
  value: unknown;
  /** The server sent a JSON-encoded string (labs' `json` in old fixtures). */
  doubleEncoded: boolean;
}

/** Decodes a JSON field, unwrapping double-encoded strings; plain strings stay strings. */
export function parseJsonField(value: unknown): ParsedJson {
  if (typeof value !== 'string') return { value, doubleEncoded: false };
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return { value, doubleEncoded: false };
  try {
    return { value: JSON.parse(trimmed) as unknown, doubleEncoded: true };
  } catch {
    return { value, doubleEncoded: false };
  }
}

/** Long or multi-line text gets a readable block instead of a single line. */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.length > 120 || value.includes('\n'));
}

/** Columns of a sub-table: union of keys in item order, heavy nested values last. */
export function subTableColumns(items: readonly RecordData[]): string[] {
  const keys: string[] = [];
  for (const item of items.slice(0, 50))
    for (const key of Object.keys(item)) if (!keys.includes(key)) keys.push(key);
  const heavy = (key: string) => items.some((item) => isRecord(item[key]) || Array.isArray(item[key]));
  return [...keys.filter((k) => !heavy(k)), ...keys.filter(heavy)];
}
