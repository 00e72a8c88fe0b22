/**
 * Edit conflicts (ADR 0020). Alyx has no ETags or conditional writes, so before a PATCH or PUT the
 * form re-reads the record and compares three versions of each field: as opened, as on the server
 * now, as edited. A conflict is a field both sides changed, to different values. Values are compared
 * as Alyx serialises them: JSON deeply and regardless of key order, many-to-many lists regardless of
 * order, hyperlinks by the record they name (not the host Django saw), UUIDs regardless of case,
 * numbers regardless of being typed as text, naive datetimes regardless of `:00` seconds.
 */
import type { FieldModel } from '../api/schema/model.ts';
import { isRecord, isUuid, safeDecode } from '../api/values.ts';

export type FormValues = Record<string, unknown>;

/** A field model, or only a name when nothing more is known. */
export type ConflictField = FieldModel | string;

export interface FieldConflict {
  field: string;
  /** As the form opened it. */
  opened: unknown;
  /** On the server now. */
  server: unknown;
  /** As the user edited it. */
  mine: unknown;
}

export type ConflictChoice = 'mine' | 'server';

export interface ConflictInput {
  opened: FormValues;
  current: FormValues;
  edited: FormValues;
  fields: readonly ConflictField[];
}

/** Deeper than any record a person edits: compared as different, never a stack overflow. */
const MAX_DEPTH = 64;
const HTTP_URL = /^https?:\/\//i;
const NAIVE_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

function fieldName(field: ConflictField): string {
  return typeof field === 'string' ? field : field.name;
}

function modelOf(field: ConflictField): FieldModel | undefined {
  return typeof field === 'string' ? undefined : field;
}

function has(values: FormValues, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(values, name);
}

function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(safeDecode);
  } catch {
    return [];
  }
}

function normaliseText(value: string, field: FieldModel | undefined, item: boolean): unknown {
  const kind = item ? field?.itemKind : field?.kind;
  let text = value;
  if (HTTP_URL.test(text)) {
    const segments = pathSegments(text);
    // A relation: the lookup the hyperlink ends with, equal to the same lookup typed bare.
    if (field?.relation) text = segments.at(-1) ?? text;
    // Any other hyperlink: the same record whatever host Django saw (instance or proxy).
    else return `link:${segments.slice(-2).join('/')}`;
  }
  if (isUuid(text)) return text.toLowerCase();
  if ((kind === 'integer' || kind === 'number') && text.trim() !== '') {
    const number = Number(text);
    if (Number.isFinite(number)) return number;
  }
  if (kind === 'datetime') {
    const match = NAIVE_DATETIME.exec(text);
    if (match) {
      const fraction = (match[4] ?? '').replace(/0+$/, '');
      return `${match[1]}T${match[2]}:${match[3] ?? '00'}${fraction ? `.${fraction}` : ''}`;
    }
  }
  if ((kind === 'json' || kind === 'object') && /^\s*[[{]/.test(text)) {
    // Double-encoded JSON (some instances store the text of a JSON document).
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function normalise(value: unknown, field: FieldModel | undefined, item = false): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string') return normaliseText(value, field, item);
  return value;
}

function deepEqual(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index], depth + 1));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => has(b, key) && deepEqual(a[key], b[key], depth + 1));
  }
  return false;
}

/** Order-free comparison of two lists of scalars (many-to-many lookups). */
function sameSet(a: unknown[], b: unknown[], field: FieldModel | undefined): boolean {
  if (a.length !== b.length) return false;
  const key = (item: unknown): string => JSON.stringify(normalise(item, field, true)) ?? 'undefined';
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((item, index) => item === right[index]);
}

/** Whether two values of `field` are the same as Alyx would store them. */
export function sameFieldValue(a: unknown, b: unknown, field?: ConflictField): boolean {
  const model = field === undefined ? undefined : modelOf(field);
  if (Array.isArray(a) && Array.isArray(b)) {
    const scalars = [...a, ...b].every((item) => item === null || typeof item !== 'object');
    if (scalars && (model?.many || model?.relation || model?.kind === 'array')) return sameSet(a, b, model);
    if (scalars)
      return deepEqual(
        a.map((item) => normalise(item, model, true)),
        b.map((item) => normalise(item, model, true)),
        0,
      );
  }
  return deepEqual(normalise(a, model), normalise(b, model), 0);
}

/**
 * Fields the user changed (edited ≠ opened) whose server value changed meanwhile (current ≠ opened)
 * to something else than the user's (current ≠ edited). Read-only fields and fields absent from
 * `edited` are never the user's changes.
 */
export function findConflicts({ opened, current, edited, fields }: ConflictInput): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const name = fieldName(field);
    if (modelOf(field)?.readOnly || !has(edited, name)) continue;
    const mine = edited[name];
    const was = opened[name];
    const server = current[name];
    if (sameFieldValue(mine, was, field)) continue;
    if (sameFieldValue(server, was, field)) continue;
    if (sameFieldValue(mine, server, field)) continue;
    conflicts.push({ field: name, opened: was, server, mine });
  }
  return conflicts;
}

/**
 * The values to send once the user chose per conflicting field, rebased on the server's current
 * record: the user's changes (or the server's value where they took it), and for every field the
 * user did not change the server's current value — so a PUT does not put back what another client
 * changed meanwhile. Use `current` as the form's new original; a PATCH diff against it then holds
 * only the user's changes. Throws when a conflict has no choice: never decide silently.
 */
export function resolveConflicts(
  input: ConflictInput & { choices: Readonly<Record<string, ConflictChoice>> },
): FormValues {
  const { opened, current, edited, fields, choices } = input;
  const conflicting = new Set(findConflicts(input).map((conflict) => conflict.field));
  const resolved: FormValues = { ...edited };
  for (const field of fields) {
    const name = fieldName(field);
    if (conflicting.has(name)) {
      const choice = has(choices, name) ? choices[name] : undefined;
      if (choice !== 'mine' && choice !== 'server')
        throw new Error(`No choice for the conflict on "${name}"`);
      if (choice === 'server') resolved[name] = current[name];
      continue;
    }
    const changedByMe = has(edited, name) && !sameFieldValue(edited[name], opened[name], field);
    if (!changedByMe && has(current, name)) resolved[name] = current[name];
  }
  return resolved;
}

export type WriteCheck =
  { ok: true; current: FormValues } | { ok: false; conflicts: FieldConflict[]; current: FormValues };

/**
 * Re-reads the record (`fetchCurrent` does the GET through src/api) and compares it with the
 * version the form opened from. `current` comes back either way, to rebase on (resolveConflicts).
 */
export async function checkBeforeWrite(
  fetchCurrent: () => Promise<unknown>,
  opened: FormValues,
  edited: FormValues,
  fields: readonly ConflictField[],
): Promise<WriteCheck> {
  const current = await fetchCurrent();
  if (!isRecord(current)) throw new TypeError('The current record is not an object');
  const conflicts = findConflicts({ opened, current, edited, fields });
  return conflicts.length === 0 ? { ok: true, current } : { ok: false, conflicts, current };
}
