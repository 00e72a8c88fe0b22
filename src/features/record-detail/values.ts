/** How a record's values are classified for display. */
import { isRecord } from '../../api/values.ts';

export type RecordData = Record<string, unknown>;

/** Arrays of objects (a session's datasets, insertions, notes) render as sub-tables. */
export function isObjectArray(value: unknown): value is RecordData[] {
  return Array.isArray(value) && value.length > 0 && value.every(isRecord);
}

/** Columns of a sub-table: union of keys in item order, heavy nested values last. */
export function subTableColumns(items: readonly RecordData[]): string[] {
  const keys: string[] = [];
  for (const item of items.slice(0, 50))
    for (const key of Object.keys(item)) if (!keys.includes(key)) keys.push(key);
  const heavy = (key: string) => items.some((item) => isRecord(item[key]) || Array.isArray(item[key]));
  return [...keys.filter((k) => !heavy(k)), ...keys.filter(heavy)];
}
