/**
 * The body of a write, from the form's state. PATCH: only the fields whose input changed. PUT: the
 * full writable representation (the form is prefilled from the record). POST: every field with a
 * value, defaults included. Read-only fields are never sent.
 */

import type { FieldModel } from '../../api/schema/model.ts';
import type { WriteMethod } from '../../api/schema/write-fields.ts';
import { toWireValue, validateValue, type FormValue } from './form-values.ts';

export interface PayloadInput {
  method: WriteMethod;
  fields: readonly FieldModel[];
  values: Readonly<Record<string, FormValue>>;
  /** The inputs as the form opened them (from the record, defaults or prefill). */
  original: Readonly<Record<string, FormValue>>;
  /** Fields the user edited: an empty text is sent on create only when the user cleared it on purpose. */
  touched?: ReadonlySet<string>;
}

export interface FieldChange {
  field: string;
  before: FormValue | undefined;
  after: unknown;
}

export interface Payload {
  body: Record<string, unknown>;
  /** Client-side errors by field; the body must not be sent while there are any. */
  errors: Record<string, string>;
  changes: FieldChange[];
}

export function sameFormValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

export function buildPayload({ method, fields, values, original, touched }: PayloadInput): Payload {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (field.readOnly) continue;
    const value = field.name in values ? values[field.name] : original[field.name];
    if (value === undefined) continue;
    const changed = !sameFormValue(value, original[field.name]);
    if (method === 'PATCH' && !changed) continue;
    const error = validateValue(field, value, method);
    if (error) {
      errors[field.name] = error;
      continue;
    }
    const wire = toWireValue(field, value);
    if (!wire.ok) continue;
    if (wire.unset) {
      const clearedText =
        typeof value === 'string' && (method !== 'POST' || touched?.has(field.name) === true);
      // An empty number/date/relation cannot be sent as ''; on PATCH/PUT clearing one means null when allowed.
      if (clearedText && (wire.value === '' || Array.isArray(wire.value))) body[field.name] = wire.value;
      else if (Array.isArray(wire.value) && method !== 'POST') body[field.name] = wire.value;
      else if (method === 'PATCH' && field.nullable) body[field.name] = null;
      else continue;
    } else body[field.name] = wire.value;
    if (changed) changes.push({ field: field.name, before: original[field.name], after: body[field.name] });
  }
  return { body, errors, changes };
}
