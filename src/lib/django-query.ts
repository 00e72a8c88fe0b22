/**
 * Alyx's generic `django=` filter as rows a person can edit: `field__lookup,value` pairs, a leading
 * `~` negating one. The splitting copies the sandbox's parser (sandbox/http/django-parser.ts, itself
 * Alyx's `BaseFilterSet._custom_filter_parser`): commas split only outside `[]` and `()`, and the
 * bracket depth carries over from one item to the next.
 */

import { splitOutsideBrackets } from '../api/django-split.ts';

export interface DjangoRow {
  /** The ORM path without its lookup: `subject__nickname`, `extended_qc__alignment__resolved`. */
  field: string;
  /** `icontains`, `date__gte`…; `''` writes no lookup, which Django reads as `exact`. */
  lookup: string;
  /** Sent as typed: Alyx itself turns `None`, `true`/`false`, digits and `[..]`/`(..)` into values. */
  value: string;
  negate: boolean;
}

/** The lookups the sandbox compiles (sandbox/http/lookup.ts), in the order a menu shows them. */
export const LOOKUPS = [
  'exact',
  'iexact',
  'contains',
  'icontains',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'range',
  'isnull',
  'regex',
  'iregex',
] as const;

export const JSON_LOOKUPS = ['has_key', 'has_keys', 'has_any_keys', 'contained_by'] as const;

/** Date/datetime transforms that may stand before a lookup (`start_time__date__gte`). */
export const DATE_TRANSFORMS = ['date', 'year', 'month', 'day', 'week_day', 'hour', 'minute'] as const;

const LOOKUP_NAMES = new Set<string>([...LOOKUPS, ...JSON_LOOKUPS]);
const TRANSFORM_NAMES = new Set<string>(DATE_TRANSFORMS);

/** The bracket depth the parser is left at after `text`: above 0, the next commas stop splitting. */
function depthAfter(text: string): number {
  let depth = 0;
  for (const char of text) {
    if (char === '[' || char === '(') depth += 1;
    else if ((char === ']' || char === ')') && depth > 0) depth -= 1;
  }
  return depth;
}

/** True when `item` comes back from Alyx's split as one item and leaves the following ones alone. */
export function survivesSplit(item: string): boolean {
  return splitOutsideBrackets(item).length === 1 && depthAfter(item) === 0;
}

/** `~subject__nickname__icontains` → field, lookup and negation (the lookup is the known tail). */
export function splitKey(key: string): Omit<DjangoRow, 'value'> {
  const negate = key.startsWith('~');
  const segments = (negate ? key.slice(1) : key).split('__');
  const tail: string[] = [];
  const last = segments[segments.length - 1] ?? '';
  if (segments.length > 1 && LOOKUP_NAMES.has(last)) {
    tail.unshift(segments.pop() ?? '');
    const before = segments[segments.length - 1] ?? '';
    if (segments.length > 1 && TRANSFORM_NAMES.has(before)) tail.unshift(segments.pop() ?? '');
  } else if (segments.length > 1 && TRANSFORM_NAMES.has(last)) tail.unshift(segments.pop() ?? '');
  return { field: segments.join('__'), lookup: tail.join('__'), negate };
}

export function rowKey(row: Pick<DjangoRow, 'field' | 'lookup' | 'negate'>): string {
  return `${row.negate ? '~' : ''}${row.field}${row.lookup ? `__${row.lookup}` : ''}`;
}

/**
 * `django=` text → rows, one per `key,value` pair as the sandbox pairs them. An odd item count
 * (which Alyx answers with "list index out of range") leaves a last row with an empty value.
 */
export function parseDjango(text: string): DjangoRow[] {
  if (text === '') return [];
  const items = splitOutsideBrackets(text);
  const rows: DjangoRow[] = [];
  for (let i = 0; i < items.length; i += 2)
    rows.push({ ...splitKey(items[i] ?? ''), value: items[i + 1] ?? '' });
  return rows;
}

/** Rows → `django=` text, every row as written (the inverse of parseDjango). */
export function buildDjango(rows: readonly DjangoRow[]): string {
  return rows.flatMap((row) => [rowKey(row), row.value]).join(',');
}

/** Rows worth sending: a blank row (no field, no value) is one the user has not filled in yet. */
export function filledRows(rows: readonly DjangoRow[]): DjangoRow[] {
  return rows.filter((row) => row.field.trim() !== '' || row.value !== '');
}

export type RowProblem = { part: 'field' | 'value'; message: string };

export const COMMA_LIMIT =
  "Alyx splits django= on every comma outside [ ] and ( ), so this value would be cut in two. Write a list (['a,b'] with in) or leave the comma out.";

/** Why a row would not reach Alyx as written, before anything is sent; null when it would. */
export function rowProblem(row: DjangoRow, rows: readonly DjangoRow[]): RowProblem | null {
  if (row.field.trim() === '') return { part: 'field', message: 'Choose or type a field.' };
  if (!survivesSplit(rowKey(row)))
    return { part: 'field', message: 'A field path cannot hold a comma or an unclosed bracket.' };
  if (!survivesSplit(row.value)) {
    const unclosed = splitOutsideBrackets(row.value).length === 1;
    return {
      part: 'value',
      message: unclosed
        ? 'This value leaves a bracket open: Alyx would stop splitting on the commas after it.'
        : COMMA_LIMIT,
    };
  }
  const key = rowKey(row);
  if (rows.filter((other) => rowKey(other) === key).length > 1)
    return { part: 'field', message: `Alyx refuses the same field twice (Duplicate filter field: ${key}).` };
  return null;
}

/** A hint for the value box, by lookup: the shape Alyx expects. */
export function valueHint(lookup: string): string {
  const last = lookup.split('__').pop() ?? '';
  if (last === 'in' || last === 'has_keys' || last === 'has_any_keys') return "A list: ['a', 'b'] or [1, 2]";
  if (last === 'range') return 'Two bounds: [low, high]';
  if (last === 'isnull') return 'True or False';
  if (['year', 'month', 'day', 'week_day', 'hour', 'minute'].includes(last)) return 'A number';
  if (last === 'date') return 'YYYY-MM-DD';
  return 'None, True/False, digits (read as numbers) or text';
}

export interface FieldChoices {
  /** The path segment Django could not resolve. */
  keyword: string;
  /** The names Django lists as valid at that point of the path. */
  choices: string[];
}

/** Django's FieldError text (`Cannot resolve keyword 'x' into field. Choices are: a, b`), read. */
export function choicesFromError(detail: string | null | undefined): FieldChoices | null {
  const match = /Cannot resolve keyword '([^']*)' into field\. Choices are: (.*)$/s.exec(detail ?? '');
  if (!match) return null;
  const choices = (match[2] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^\w+$/.test(name));
  return { keyword: match[1] ?? '', choices };
}

/**
 * The paths Django's choices offer for `field` when its `keyword` segment was the unknown one:
 * `subject__nicknme` with choices of the subject model → `subject__nickname`, `subject__lab`…
 */
export function pathsFromChoices(field: string, found: FieldChoices): string[] {
  const segments = field.split('__');
  const at = segments.indexOf(found.keyword);
  if (at < 0) return [];
  const prefix = segments
    .slice(0, at)
    .map((segment) => `${segment}__`)
    .join('');
  return found.choices.map((choice) => `${prefix}${choice}`);
}
