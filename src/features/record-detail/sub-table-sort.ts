/** Ordering of sub-table rows: dated rows (weighings, water administrations) newest first by default. */
import type { RecordData } from './values.ts';

export type SortDirection = 'ascending' | 'descending';
export interface SubTableSort {
  column: string;
  direction: SortDirection;
}

const DATE_COLUMN = /(^|_)(date|date_time|datetime|start_time|time)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The column that dates the rows, when every non-empty value of it is an ISO date. */
export function dateColumn(columns: readonly string[], items: readonly RecordData[]): string | undefined {
  return columns.find((column) => {
    if (!DATE_COLUMN.test(column)) return false;
    const values = items.map((item) => item[column]).filter((v) => v !== null && v !== undefined && v !== '');
    return values.length > 0 && values.every((v) => typeof v === 'string' && ISO_DATE.test(v));
  });
}

function compare(a: unknown, b: unknown): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const textA = typeof a === 'string' ? a : JSON.stringify(a);
  const textB = typeof b === 'string' ? b : JSON.stringify(b);
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

/** Rows in the given order (stable; empty values last either way). */
export function sortRows(items: readonly RecordData[], sort: SubTableSort | null): readonly RecordData[] {
  if (!sort) return items;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => {
      const a = x.item[sort.column];
      const b = y.item[sort.column];
      const emptyA = a === null || a === undefined || a === '';
      const emptyB = b === null || b === undefined || b === '';
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      return sign * compare(a, b) || x.index - y.index;
    })
    .map(({ item }) => item);
}

/** Clicking a header: a new column sorts ascending (dates newest first), the same column flips. */
export function nextSort(current: SubTableSort | null, column: string, dated: boolean): SubTableSort {
  if (current?.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: dated ? 'descending' : 'ascending' };
}
