import { lastSegment } from '../http/alyx-urls.ts';
import type { EndpointModel } from '../schema/model.ts';

const FALLBACK_KEYS = ['name', 'username', 'nickname'] as const;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * A stable identity for a row: `id`, else the last segment of `url`, else the lookup field /
 * name / username / nickname. Undefined where Alyx gives none (water-restriction rows).
 */
export function rowKey(endpoint: string | EndpointModel, row: Record<string, unknown>): string | undefined {
  const name = typeof endpoint === 'string' ? endpoint : endpoint.name;
  if (name === 'water-restriction') return undefined;
  const id = text(row['id']);
  if (id) return id;
  const url = text(row['url']);
  if (url) {
    const segment = lastSegment(url);
    if (segment) return segment;
  }
  const lookupField = typeof endpoint === 'string' ? undefined : endpoint.lookupField;
  for (const key of lookupField ? [lookupField, ...FALLBACK_KEYS] : FALLBACK_KEYS) {
    const value = text(row[key]);
    if (value) return value;
  }
  return undefined;
}

/** The value to put in `/{endpoint}/{lookup}` for this row (subjects: nickname, not id). */
export function recordLookup(endpoint: EndpointModel, row: Record<string, unknown>): string | undefined {
  if (!endpoint.detail) return undefined;
  const field = endpoint.lookupField ?? 'id';
  const direct = text(row[field]);
  if (direct) return direct;
  const url = text(row['url']);
  return url ? (lastSegment(url) ?? undefined) : undefined;
}
