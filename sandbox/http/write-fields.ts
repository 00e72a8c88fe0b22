import type { ColumnDeclaration, SerializerField } from '../resources/types.ts';
import type { Queryable } from '../db/database.ts';
import type { ModelIndex } from '../db/models.ts';
import { quoteIdent } from '../db/models.ts';
import { DATETIME_RE, isValidDate, normalizeUuid } from './lookup-values.ts';

/** A field-level validation failure: DRF's message for that field. */
export class FieldInvalid extends Error {}

const TRUE_VALUES = new Set([
  't',
  'T',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  '1',
]);
const FALSE_VALUES = new Set([
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
]);

function pyType(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  return 'dict';
}

function toText(value: unknown, column: ColumnDeclaration): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new FieldInvalid('Not a valid string.');
  const text = String(value).trim();
  if (text === '' && !column.blank) throw new FieldInvalid('This field may not be blank.');
  if (column.maxLength !== undefined && text.length > column.maxLength) {
    throw new FieldInvalid(`Ensure this field has no more than ${column.maxLength} characters.`);
  }
  return text;
}

/** Naive UTC wall time of an aware ISO datetime, as DRF does with USE_TZ=False. */
function naiveDatetime(text: string): string {
  const match = DATETIME_RE.exec(text);
  if (!match) throw new Error('unreachable');
  const [, date, hh = '00', mm = '00', ss = '00', fraction, zone] = match;
  const base = `${date}T${hh}:${mm}:${ss}${fraction ? `.${fraction}` : ''}`;
  if (!zone) return base;
  const offset =
    zone === 'Z'
      ? '+00:00'
      : zone.length === 3
        ? `${zone}:00`
        : zone.includes(':')
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const micro = (fraction ?? '').padEnd(6, '0');
  const utc = new Date(`${date}T${hh}:${mm}:${ss}${offset}`);
  return `${utc.toISOString().slice(0, 19)}.${micro}`;
}

/** DRF field `to_internal_value` for a plain (non-relation) column. */
export function convertScalar(column: ColumnDeclaration, field: SerializerField, value: unknown): unknown {
  if (column.choices) {
    if (field.choiceRepresentation === 'label') {
      const match = column.choices.find((c) => c.label === String(value));
      if (!match) throw new FieldInvalid(`"${String(value)}" is not a valid choice.`);
      return match.value;
    }
    if (value === '' && column.blank) return '';
    const match = column.choices.find((c) => String(c.value) === String(value));
    if (!match) throw new FieldInvalid(`"${String(value)}" is not a valid choice.`);
    return match.value;
  }
  switch (column.type) {
    case 'integer': {
      const text = typeof value === 'boolean' ? 'x' : String(value).trim();
      if (!/^[+-]?\d+(\.0*)?$/.test(text)) throw new FieldInvalid('A valid integer is required.');
      const number = Math.trunc(Number(text));
      // Django's IntegerField range validators (PostgreSQL integer).
      if (number > INT_MAX) throw new FieldInvalid(`Ensure this value is less than or equal to ${INT_MAX}.`);
      if (number < -INT_MAX - 1)
        throw new FieldInvalid(`Ensure this value is greater than or equal to ${-INT_MAX - 1}.`);
      return number;
    }
    case 'float': {
      const number = typeof value === 'boolean' || value === '' ? NaN : Number(value);
      if (!Number.isFinite(number)) throw new FieldInvalid('A valid number is required.');
      return number;
    }
    case 'boolean':
      if (value === true || value === 1 || TRUE_VALUES.has(String(value))) return true;
      if (value === false || value === 0 || FALSE_VALUES.has(String(value))) return false;
      throw new FieldInvalid('Must be a valid boolean.');
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value.trim())) {
        throw new FieldInvalid('Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');
      }
      return value.trim();
    case 'datetime': {
      const text = typeof value === 'string' ? value.trim() : '';
      const match = DATETIME_RE.exec(text);
      if (!match || !isValidDate(match[1] ?? '')) {
        throw new FieldInvalid(
          'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
        );
      }
      return naiveDatetime(text);
    }
    case 'uuid': {
      const uuid = typeof value === 'string' ? normalizeUuid(value) : null;
      if (!uuid) throw new FieldInvalid('Must be a valid UUID.');
      return uuid;
    }
    case 'json':
      return value;
    default:
      return matchPattern(toText(value, column), field);
  }
}

const INT_MAX = 2147483647;

/** The serializer's advertised `pattern` (Django RegexValidator); Python's `\w` is Unicode-aware. */
function matchPattern(text: string, field: SerializerField): string {
  const pattern = field.openapi?.pattern;
  if (typeof pattern !== 'string') return text;
  if (!unicodeRegex(pattern).test(text)) throw new FieldInvalid('Enter a valid value.');
  return text;
}

function unicodeRegex(pattern: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '\\' && pattern[i + 1] === 'w') {
      out += inClass ? '\\p{L}\\p{N}_' : '[\\p{L}\\p{N}_]';
      i += 1;
    } else if (char === '\\') {
      out += pattern.slice(i, i + 2);
      i += 1;
    } else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      out += char;
    }
  }
  try {
    return new RegExp(out, 'u');
  } catch {
    // Python tolerates escapes (`\_`, `\:`) that Unicode-mode JavaScript refuses.
    return new RegExp(pattern);
  }
}

/** Resolves the wire value of a relation field to the target pk (DRF related fields). */
export async function convertRelation(
  db: Queryable,
  models: ModelIndex,
  column: ColumnDeclaration,
  field: SerializerField,
  value: unknown,
): Promise<unknown> {
  const target = models.get(column.foreignKey?.target ?? column.manyToMany?.target ?? '');
  if (!target) return value;
  const relation = field.relation ?? { kind: 'pk' as const };
  const table = quoteIdent(target.table);
  const find = async (sql: string, param: unknown) => (await db.query<{ id: unknown }>(sql, [param]))[0]?.id;
  if (relation.kind === 'slug') {
    if (typeof value !== 'string' && typeof value !== 'number') throw new FieldInvalid('Invalid value.');
    const id = await find(
      `SELECT id FROM ${table} WHERE ${quoteIdent(relation.slugField)}::text = $1 ORDER BY id LIMIT 1`,
      String(value),
    );
    if (id === undefined)
      throw new FieldInvalid(`Object with ${relation.slugField}=${String(value)} does not exist.`);
    return id;
  }
  if (relation.kind === 'hyperlink') {
    if (typeof value !== 'string')
      throw new FieldInvalid(`Incorrect type. Expected URL string, received ${pyType(value)}.`);
    const path = value.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] ?? '';
    const match = new RegExp(`/${target.name}/([^/]+)$`).exec(path);
    if (!match) throw new FieldInvalid('Invalid hyperlink - No URL match.');
    const lookup = decodeURIComponent(match[1] as string);
    const lookupField = target.resource.lookupField ?? 'id';
    const lookupColumn = target.columns.get(lookupField);
    if (lookupColumn?.type === 'uuid' && !normalizeUuid(lookup))
      throw new FieldInvalid('Invalid hyperlink - Object does not exist.');
    const id = await find(
      `SELECT id FROM ${table} WHERE ${quoteIdent(lookupField)}::text = $1 LIMIT 1`,
      lookup,
    );
    if (id === undefined) throw new FieldInvalid('Invalid hyperlink - Object does not exist.');
    return id;
  }
  const integerPk = target.resource.primaryKey === 'integer';
  if (typeof value === 'boolean' || (typeof value !== 'string' && typeof value !== 'number')) {
    throw new FieldInvalid(`Incorrect type. Expected pk value, received ${pyType(value)}.`);
  }
  const pk = integerPk
    ? /^\d+$/.test(String(value).trim())
      ? Number(value)
      : null
    : normalizeUuid(String(value));
  if (pk === null) {
    throw new FieldInvalid(
      integerPk
        ? `Incorrect type. Expected pk value, received ${pyType(value)}.`
        : `“${String(value)}” is not a valid UUID.`,
    );
  }
  const id = await find(`SELECT id FROM ${table} WHERE id = $1::${integerPk ? 'bigint' : 'uuid'}`, pk);
  if (id === undefined) throw new FieldInvalid(`Invalid pk "${String(value)}" - object does not exist.`);
  return id;
}

export { pyType };
