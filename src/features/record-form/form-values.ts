/**
 * What an input holds (`FormValue`) and how it becomes what Alyx is sent. Pure: every rule about
 * null vs empty, numbers, naive datetimes and JSON lives here and is unit-tested.
 */

import type { FieldModel } from '../../api/schema/model.ts';
import { inputKindFor } from './input-kind.ts';

/** Text for text-like inputs, a boolean, a list (M2M, arrays), or an explicit null ("empty (null)"). */
export type FormValue = string | boolean | string[] | null;

export type WireResult = { ok: true; value: unknown; unset: boolean } | { ok: false; error: string };

const NAIVE_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d{1,6})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Alyx stores lab-local naive datetimes (`2024-01-02T10:00:00`). Text is kept as typed, never
 * converted through Date (which would apply a timezone); only missing seconds are added, as
 * `<input type="datetime-local">` drops `:00`.
 */
export function normalizeNaiveDatetime(text: string): string | null {
  const match = NAIVE_DATETIME.exec(text.trim());
  if (!match) return null;
  const [, date, minutes, seconds] = match;
  return `${date}T${minutes}${seconds ?? ':00'}`;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * What a record's values prove about fields the schema left vague (coreapi and root-only instances
 * say little; DRF's OPTIONS calls every related field `field`): a null proves the field takes null,
 * so edit and replace forms offer "empty (null)" and send the null back rather than an empty string
 * the server would refuse; a list proves a list (a subject's `projects`), an object a JSON value.
 */
export function withRecordShape(
  fields: readonly FieldModel[],
  record: Record<string, unknown> | undefined,
): FieldModel[] {
  if (record === undefined) return [...fields];
  return fields.map((field) => {
    const value = record[field.name];
    if (value === null) return field.nullable ? field : { ...field, nullable: true };
    if (field.kind !== 'unknown') return field;
    if (Array.isArray(value))
      return { ...field, kind: 'array', itemKind: 'string', ...(field.relation ? { many: true } : {}) };
    if (typeof value === 'object' && value !== undefined) return { ...field, kind: 'json' };
    return field;
  });
}

/** The input value for a field from a record value (edit/replace) or a default (create). */
export function toFormValue(field: FieldModel, value: unknown): FormValue {
  const kind = inputKindFor(field);
  if (value === null) return field.nullable ? null : kind === 'boolean' ? false : '';
  switch (kind) {
    case 'boolean':
      return value === true || value === 'true';
    case 'multi-relation':
    case 'list':
      return Array.isArray(value)
        ? value.map(asText)
        : value === undefined || value === ''
          ? []
          : [asText(value)];
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    default:
      return asText(value);
  }
}

/** The value a create form starts from: the schema default, else empty. */
export function initialCreateValue(field: FieldModel): FormValue {
  if (field.default !== undefined) return toFormValue(field, field.default);
  return toFormValue(field, undefined);
}

/** Values from the query string of a "New" link (`?subject=KS005`), for fields that exist. */
export function prefillValue(field: FieldModel, values: string[]): FormValue {
  const kind = inputKindFor(field);
  if (kind === 'multi-relation' || kind === 'list')
    return values.flatMap((v) => v.split(',')).filter(Boolean);
  const first = values[0] ?? '';
  if (kind === 'boolean') return /^(true|1|yes)$/i.test(first);
  return first;
}

function parseNumber(field: FieldModel, text: string, integer: boolean): WireResult {
  const trimmed = text.trim();
  const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  if (!pattern.test(trimmed))
    return { ok: false, error: integer ? 'A whole number is required.' : 'A number is required.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || (integer && !Number.isSafeInteger(value)))
    return { ok: false, error: 'This number is out of range.' };
  if (field.minimum !== undefined && value < field.minimum)
    return { ok: false, error: `Ensure this value is greater than or equal to ${field.minimum}.` };
  if (field.maximum !== undefined && value > field.maximum)
    return { ok: false, error: `Ensure this value is less than or equal to ${field.maximum}.` };
  return { ok: true, value, unset: false };
}

/**
 * The value to send for `field`, or a client-side error. `unset` marks an input left empty that a
 * body may leave out (a number, date or relation with no text is not the empty string).
 */
export function toWireValue(field: FieldModel, value: FormValue): WireResult {
  if (value === null) return { ok: true, value: null, unset: false };
  const kind = inputKindFor(field);
  if (typeof value === 'boolean') return { ok: true, value, unset: false };
  if (Array.isArray(value)) {
    const items = value.map((item) => item.trim()).filter((item) => item.length > 0);
    if (field.itemKind === 'integer' || field.itemKind === 'number') {
      const numbers: number[] = [];
      for (const item of items) {
        const parsed = parseNumber(
          { ...field, minimum: undefined, maximum: undefined },
          item,
          field.itemKind === 'integer',
        );
        if (!parsed.ok) return parsed;
        numbers.push(parsed.value as number);
      }
      return { ok: true, value: numbers, unset: numbers.length === 0 };
    }
    return { ok: true, value: items, unset: items.length === 0 };
  }
  const text = value;
  const empty = text.trim().length === 0;
  switch (kind) {
    case 'integer':
    case 'decimal':
      return empty
        ? { ok: true, value: undefined, unset: true }
        : parseNumber(field, text, kind === 'integer');
    case 'date':
      if (empty) return { ok: true, value: undefined, unset: true };
      return DATE.test(text.trim())
        ? { ok: true, value: text.trim(), unset: false }
        : { ok: false, error: 'A date as YYYY-MM-DD is required.' };
    case 'datetime': {
      if (empty) return { ok: true, value: undefined, unset: true };
      const normalized = normalizeNaiveDatetime(text);
      return normalized
        ? { ok: true, value: normalized, unset: false }
        : { ok: false, error: 'A date and time as YYYY-MM-DDTHH:MM:SS is required.' };
    }
    case 'json':
      if (empty) return { ok: true, value: undefined, unset: true };
      try {
        return { ok: true, value: JSON.parse(text) as unknown, unset: false };
      } catch (error) {
        return {
          ok: false,
          error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    case 'relation':
    case 'select':
      return empty ? { ok: true, value: undefined, unset: true } : { ok: true, value: text, unset: false };
    default:
      // Text: an empty string is a value of its own (distinct from null), sent when the user means it.
      return { ok: true, value: text, unset: empty };
  }
}

/** Client-side constraint checks before sending; the server's answer stays final. */
export function validateValue(
  field: FieldModel,
  value: FormValue,
  method: 'POST' | 'PUT' | 'PATCH',
): string | null {
  const wire = toWireValue(field, value);
  if (!wire.ok) return wire.error;
  if (value === null) return field.nullable ? null : 'This field may not be null.';
  if (
    field.required &&
    method !== 'PATCH' &&
    wire.unset &&
    !(typeof value === 'string' && value === '' && field.allowBlank)
  )
    return 'This field is required.';
  if (typeof wire.value === 'string' && wire.value.length > 0) {
    if (field.maxLength !== undefined && [...wire.value].length > field.maxLength)
      return `Ensure this field has no more than ${field.maxLength} characters.`;
    if (field.pattern !== undefined && inputKindFor(field) === 'text') {
      let matches = true;
      try {
        matches = new RegExp(`^(?:${field.pattern.replace(/^\^|\$$/g, '')})$`, 'u').test(wire.value);
      } catch {
        // A pattern this browser cannot compile is left to the server.
      }
      if (!matches) return `Must match the pattern ${field.pattern}.`;
    }
  }
  return null;
}
