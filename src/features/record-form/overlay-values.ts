import type { FormValue } from './form-values.ts';

type Shape = 'text' | 'boolean' | 'list' | 'null';

function shapeOf(value: unknown): Shape | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'list';
  return null;
}

/**
 * Values of another provenance (a stored draft — hostile: another version, another script of the
 * origin — or a resolved conflict) laid over the
 * form's own `base`: only the form's fields, and only values shaped like what that input holds (a
 * null where the field had one, or where the base is null). Everything else keeps the base value.
 */
export function overlayFormValues(
  stored: Record<string, unknown> | null,
  base: Record<string, FormValue>,
): Record<string, FormValue> {
  const result: Record<string, FormValue> = { ...base };
  if (!stored) return result;
  for (const name of Object.keys(base)) {
    if (!Object.hasOwn(stored, name)) continue;
    const value = stored[name];
    const shape = shapeOf(value);
    const expected = shapeOf(base[name]);
    if (shape === null) continue;
    if (shape === expected || shape === 'null' || expected === 'null') result[name] = value as FormValue;
  }
  return result;
}
