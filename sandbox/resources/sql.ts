import type { RenderContext, SqlFragment, StoredRow } from './types.ts';

/** Table of a resource, as the engine creates it. */
export function table(resource: string): string {
  return resource.replace(/-/g, '_');
}

/**
 * Naive ISO 8601 text of a timestamp expression, microseconds only when non-zero, as Django
 * renders with `USE_TZ=False` (`2021-05-10T17:47:13.833000`, `2021-02-17T08:34:39`).
 */
export function isoSql(expr: string): string {
  return `regexp_replace(to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.US'), '\\.000000$', '')`;
}

/**
 * SQL for "the array of ids bound at `$n`". Ids travel as one JSON text parameter so the query
 * does not depend on how the driver serialises JS arrays.
 */
export function idArraySql(placeholder: string, pkType: 'uuid' | 'integer' = 'uuid'): string {
  const cast = pkType === 'uuid' ? 'uuid' : 'integer';
  return `ARRAY(SELECT (jsonb_array_elements_text(${placeholder}::jsonb))::${cast})`;
}

export function idsParam(rows: readonly StoredRow[]): string {
  return JSON.stringify(rows.map((r) => r.id));
}

/**
 * Runs `sql` (whose `$1` is the page's ids) and returns one value per row, keyed by the
 * result's `id` column; rows without a result get `fallback()`.
 */
export async function perRow<T>(
  rows: readonly StoredRow[],
  ctx: RenderContext,
  sql: string,
  pick: (r: Record<string, unknown>) => T,
  fallback: () => T,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const result = await ctx.query(sql, [idsParam(rows)]);
  const byId = new Map<string, T>();
  for (const r of result) byId.set(String(r.id), pick(r));
  return rows.map((row) => (byId.has(String(row.id)) ? (byId.get(String(row.id)) as T) : fallback()));
}

/** Groups result rows by `key` (stringified) preserving query order. */
export function groupBy<T extends Record<string, unknown>>(
  rows: readonly T[],
  key: string,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = String(r[key]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Parses a django-filter BooleanFilter value (`True/False/true/false/1/0`). */
export function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

export function splitComma(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const TRUE_SQL: SqlFragment = { sql: 'TRUE', params: [] };
export const FALSE_SQL: SqlFragment = { sql: 'FALSE', params: [] };

export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Naive "now", as Django stores it with `USE_TZ=False` (UTC here). */
export function nowNaive(): string {
  return new Date().toISOString().slice(0, 23);
}
