/** Pure decisions of the shared value renderer: what a value is, and its short and readable forms. */
import { toRelativeAlyxPath } from '../../api/http/alyx-urls.ts';
import { instanceBases, type InstanceConfig } from '../../api/instances.ts';
import type { FieldModel } from '../../api/schema/model.ts';
import { formatCount } from '../../lib/format.ts';
import { isRecord, isUuid, safeDecode } from '../../api/values.ts';

export interface ParsedJson {
  value: unknown;
  /** The server sent a JSON-encoded string (labs' `json` in old fixtures). */
  doubleEncoded: boolean;
}

/** Decodes a JSON field, unwrapping double-encoded strings; plain strings stay strings. */
export function parseJsonField(value: unknown): ParsedJson {
  if (typeof value !== 'string') return { value, doubleEncoded: false };
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return { value, doubleEncoded: false };
  try {
    return { value: JSON.parse(trimmed) as unknown, doubleEncoded: true };
  } catch {
    return { value, doubleEncoded: false };
  }
}

/** Long or multi-line text gets a readable block instead of a single line. */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.length > 120 || value.includes('\n'));
}

/** Short display of a UUID or an Alyx hyperlink's last segment; the full value stays in the title. */
export function shortText(value: string): string {
  if (isUuid(value)) return value.slice(0, 8);
  const match = /^https?:\/\/[^?#]*\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(value);
  const tail = match?.[1];
  if (tail) {
    const decoded = safeDecode(tail);
    return isUuid(decoded) ? decoded.slice(0, 8) : decoded;
  }
  return value;
}

/** `file_size`, `dataset_size`…: byte counts Alyx keeps as integers. */
export function isSizeField(name: string): boolean {
  return name === 'file_size' || name.endsWith('_size');
}

const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** 1234567 → "1.2 MB" (decimal units, as file managers show them); exact below 1 kB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

export function exactBytes(bytes: number): string {
  return `${formatCount(bytes)} bytes`;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A datetime as people read it: `2024-03-01 14:02:11` (no `T`, no microseconds); other text unchanged. */
export function readableDatetime(value: string): string {
  if (!ISO_DATETIME.test(value)) return value;
  return value.replace('T', ' ').replace(/\.\d+/, '');
}

export function isDatetimeValue(field: FieldModel | undefined, value: string): boolean {
  return field?.kind === 'datetime' || field?.kind === 'date' || ISO_DATETIME.test(value);
}

/**
 * An Alyx hyperlink as the instance names it: through the proxy Django writes
 * `http://host/api/sandbox/sessions/…`; people know `https://alyx…/sessions/…`.
 */
export function alyxFormOf(value: string, instance: InstanceConfig): string {
  if (!/^https?:\/\//i.test(instance.url) || !/^https?:\/\//i.test(value)) return value;
  const bases = instanceBases(instance).filter((base) => base !== instance.url);
  if (bases.length === 0) return value;
  const relative = toRelativeAlyxPath(value, bases);
  return relative === null ? value : `${instance.url.replace(/\/+$/, '')}${relative}`;
}

/** What a value is for display, from the model's kind first, then the value's shape. */
export type ValueShape =
  'null' | 'empty' | 'boolean' | 'size' | 'number' | 'json' | 'list' | 'empty-list' | 'text';

const JSONISH_NAMES = /^(json|arguments)$|_qc$/;

export function valueShape(name: string, value: unknown, field?: FieldModel): ValueShape {
  if (value === null || value === undefined) return 'null';
  if (value === '') return 'empty';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return isSizeField(name) ? 'size' : 'number';
  if (field?.kind === 'json' || field?.kind === 'object' || isRecord(value)) return 'json';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'empty-list';
    return value.some((item) => item !== null && typeof item === 'object') ? 'json' : 'list';
  }
  if (typeof value === 'string' && JSONISH_NAMES.test(name) && parseJsonField(value).doubleEncoded)
    return 'json';
  return 'text';
}
