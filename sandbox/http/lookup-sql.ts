// The SQL of Django's field lookups (exact, icontains, in, range, isnull, JSON roots…) on one
// expression: what a `django=` path compiles to once the path itself is resolved (lookup.ts).
import type { ColumnType, SqlFragment } from '../resources/types.ts';
import { ServerError } from './errors.ts';
import { checkListLength, checkPatternLength, checkRegex } from './lookup-bounds.ts';
import { coerceScalar, pyStr, SQL_CAST } from './lookup-values.ts';

export const COMPARATORS: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

export function truthy(value: unknown): boolean {
  if (typeof value === 'string') return ['true', '1', 't'].includes(value.toLowerCase());
  return Boolean(value);
}

/** Python iteration semantics for `__in` values: lists as-is, a string iterates its characters. */
export function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) {
    checkListLength(value);
    return value;
  }
  if (typeof value === 'string') {
    checkListLength([...value]);
    return [...value];
  }
  throw new ServerError(`'${typeof value === 'number' ? 'float' : typeof value}' object is not iterable`);
}

export function jsonRoot(expr: string, lookup: string, value: unknown): SqlFragment {
  switch (lookup) {
    case 'exact':
      return value === null
        ? { sql: `${expr} IS NULL`, params: [] }
        : { sql: `${expr} = $?::jsonb`, params: [JSON.stringify(value)] };
    case 'isnull':
      return { sql: truthy(value) ? `${expr} IS NULL` : `${expr} IS NOT NULL`, params: [] };
    case 'has_key':
      return { sql: `COALESCE(${expr} ? $?, false)`, params: [pyStr(value)] };
    case 'has_keys':
      return { sql: `COALESCE(${expr} ?& $?::text[], false)`, params: [toList(value).map(pyStr)] };
    case 'has_any_keys':
      return { sql: `COALESCE(${expr} ?| $?::text[], false)`, params: [toList(value).map(pyStr)] };
    case 'contains':
      return { sql: `${expr} @> $?::jsonb`, params: [JSON.stringify(value)] };
    case 'contained_by':
      return { sql: `${expr} <@ $?::jsonb`, params: [JSON.stringify(value)] };
    default:
      return compare(`${expr}::text`, 'text', lookup, value, 'json');
  }
}

function escapeLike(text: string): string {
  return text.replace(/([\\%_])/g, '\\$1');
}

export function likeOn(expr: string, lookup: string, value: unknown, leading: unknown[] = []): SqlFragment {
  checkPatternLength(pyStr(value));
  const text = escapeLike(pyStr(value));
  const insensitive = lookup.startsWith('i');
  const kind = insensitive ? lookup.slice(1) : lookup;
  const pattern = kind === 'contains' ? `%${text}%` : kind === 'startswith' ? `${text}%` : `%${text}`;
  return { sql: `${expr}::text ${insensitive ? 'ILIKE' : 'LIKE'} $?`, params: [...leading, pattern] };
}

/** One lookup on a scalar SQL expression of a known column type. */
export function compare(
  expr: string,
  type: ColumnType,
  lookup: string,
  value: unknown,
  fieldName: string,
): SqlFragment {
  const cast = SQL_CAST[type];
  switch (lookup) {
    case 'exact':
      if (value === null) return { sql: `${expr} IS NULL`, params: [] };
      return { sql: `${expr} = $?::${cast}`, params: [coerceScalar(type, value, fieldName)] };
    case 'iexact':
      if (value === null) return { sql: `${expr} IS NULL`, params: [] };
      return { sql: `UPPER(${expr}::text) = UPPER($?::text)`, params: [pyStr(value)] };
    case 'contains':
    case 'icontains':
    case 'startswith':
    case 'istartswith':
    case 'endswith':
    case 'iendswith':
      return likeOn(expr, lookup, value);
    case 'regex':
    case 'iregex':
      checkRegex(pyStr(value));
      return { sql: `${expr}::text ${lookup === 'regex' ? '~' : '~*'} $?`, params: [pyStr(value)] };
    case 'in': {
      const items = toList(value).filter((v) => v !== null);
      if (items.length === 0) return { sql: 'false', params: [] };
      return {
        sql: `${expr} = ANY($?::${cast}[])`,
        params: [items.map((v) => coerceScalar(type, v, fieldName))],
      };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return {
        sql: `${expr} ${COMPARATORS[lookup]} $?::${cast}`,
        params: [coerceScalar(type, value, fieldName)],
      };
    case 'range': {
      const items = toList(value);
      if (items.length !== 2)
        throw new ServerError(`not enough values to unpack (expected 2, got ${items.length})`);
      return {
        sql: `${expr} BETWEEN $?::${cast} AND $?::${cast}`,
        params: items.map((v) => coerceScalar(type, v, fieldName)),
      };
    }
    case 'isnull':
      if (typeof value !== 'boolean')
        throw new ServerError('The QuerySet value for an isnull lookup must be True or False.');
      return { sql: value ? `${expr} IS NULL` : `${expr} IS NOT NULL`, params: [] };
    default:
      throw new ServerError(`Unsupported lookup '${lookup}'`);
  }
}
