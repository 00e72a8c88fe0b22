import type { ColumnType } from '../resources/types.ts';
import { detailError, ServerError } from './errors.ts';

export const SQL_CAST: Record<ColumnType, string> = {
  uuid: 'uuid',
  string: 'text',
  text: 'text',
  integer: 'bigint',
  float: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamp',
  json: 'jsonb',
};

/** Python's `str()` of a parsed `django=` value (floats keep their `.0`, booleans are `True`). */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

const UUID_HEX = /^[0-9a-f]{32}$/;

/** Django's UUIDField.to_python: any case, hyphens optional, `urn:uuid:` / braces tolerated. */
export function normalizeUuid(value: string): string | null {
  const hex = value
    .trim()
    .toLowerCase()
    .replace(/^urn:uuid:/, '')
    .replace(/[{}-]/g, '');
  if (!UUID_HEX.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME_RE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function isValidDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Value for a Django `get_prep_value` on a column of `type`; errors are Django's (500 in Alyx). */
export function coerceScalar(type: ColumnType, value: unknown, fieldName: string): unknown {
  const text = pyStr(value);
  switch (type) {
    case 'uuid': {
      const uuid = typeof value === 'string' ? normalizeUuid(value) : null;
      if (!uuid) throw new ServerError(`['“${text}” is not a valid UUID.']`);
      return uuid;
    }
    case 'integer':
    case 'float': {
      const number =
        typeof value === 'number'
          ? value
          : typeof value === 'boolean'
            ? Number(value)
            : Number(String(value).trim());
      if (typeof value === 'string' && value.trim() === '')
        throw new ServerError(`Field '${fieldName}' expected a number but got ''.`);
      if (!Number.isFinite(number))
        throw new ServerError(`Field '${fieldName}' expected a number but got '${text}'.`);
      // Beyond bigint PostgreSQL fails with its own text; answer a clean 400 instead.
      if (type === 'integer' && Math.abs(number) >= 2 ** 63)
        throw detailError(400, `Integer value out of range for field '${fieldName}'.`);
      return type === 'integer' ? Math.trunc(number) : number;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (['t', 'True', '1', 'true'].includes(text) || value === 1) return true;
      if (['f', 'False', '0', 'false'].includes(text) || value === 0) return false;
      throw new ServerError(`['“${text}” value must be either True or False.']`);
    }
    case 'date': {
      const candidate = typeof value === 'string' ? value.trim().slice(0, 10) : '';
      if (!isValidDate(candidate))
        throw new ServerError(
          `['“${text}” value has an invalid date format. It must be in YYYY-MM-DD format.']`,
        );
      return candidate;
    }
    case 'datetime': {
      const match = typeof value === 'string' ? DATETIME_RE.exec(value.trim()) : null;
      if (!match || !isValidDate(match[1] ?? '')) {
        throw new ServerError(
          `['“${text}” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.']`,
        );
      }
      return String(value).trim();
    }
    case 'json':
      return JSON.stringify(value);
    default:
      return text;
  }
}
