import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { normalizeParams, type NormalizedParams, type ParamsInput } from '../http/params.ts';

/**
 * Query keys (STYLE.md): everything of an instance sits under `['alyx', instance]`, so logout and
 * writes invalidate by prefix. The third slot is an endpoint name; the app's own scopes (schema,
 * go-to resolution) take an object there, so an endpoint literally named `schema` cannot collide.
 */
type ReservedScope = 'schema' | 'resolve' | 'write-fields';

const scope = (name: ReservedScope) => ({ scope: name }) as const;

export const alyxKeys = {
  instance: (instance: string) => ['alyx', instance] as const,
  endpoint: (instance: string, endpoint: string) => ['alyx', instance, endpoint] as const,
  lists: (instance: string, endpoint: string) => ['alyx', instance, endpoint, 'list'] as const,
  list: (instance: string, endpoint: string, params?: ParamsInput) =>
    ['alyx', instance, endpoint, 'list', normalizeParams(params)] as readonly [
      'alyx',
      string,
      string,
      'list',
      NormalizedParams,
    ],
  /** Every page of a filtered list, concatenated (a weight curve's weighings). */
  allPages: (instance: string, endpoint: string, params?: ParamsInput) =>
    ['alyx', instance, endpoint, 'all-pages', normalizeParams(params)] as const,
  /** Counts of a filtered list per day, week, month or year of a date field. */
  overTime: (instance: string, endpoint: string, params: ParamsInput) =>
    ['alyx', instance, endpoint, 'over-time', normalizeParams(params)] as const,
  details: (instance: string, endpoint: string) => ['alyx', instance, endpoint, 'detail'] as const,
  detail: (instance: string, endpoint: string, lookup: string | number) =>
    ['alyx', instance, endpoint, 'detail', String(lookup)] as const,
  schema: (instance: string) => ['alyx', instance, scope('schema')] as const,
  resolve: (instance: string, input: string) => ['alyx', instance, scope('resolve'), input.trim()] as const,
  /**
   * A write body's fields: OPTIONS answers depend on the account (dropped with the instance's keys
   * at logout) and, for PUT, the record; `modelBuiltAt` rebuilds them with a refreshed model.
   */
  writeFields: (
    instance: string,
    endpoint: string,
    method: string,
    lookup: string | number | undefined,
    modelBuiltAt: number,
  ) =>
    [
      'alyx',
      instance,
      scope('write-fields'),
      endpoint,
      method,
      lookup === undefined ? null : String(lookup),
      modelBuiltAt,
    ] as const,
  instances: () => ['explorer', 'instances'] as const,
};

/** What a record-data key holds (a list page or a record of an endpoint); null for scopes and other keys. */
export function recordDataOf(
  key: QueryKey,
): { endpoint: string; kind: 'list' | 'detail'; params?: NormalizedParams } | null {
  const [root, , endpoint, kind, params] = key;
  if (root !== 'alyx' || typeof endpoint !== 'string') return null;
  if (kind === 'detail') return { endpoint, kind };
  if (kind !== 'list') return null;
  return typeof params === 'object' && params !== null
    ? { endpoint, kind, params: params as NormalizedParams }
    : { endpoint, kind };
}

/** A `limit=1` list: an endpoint's record count (the overview) or a reverse tab's. */
export function isCountKey(key: QueryKey): boolean {
  return recordDataOf(key)?.params?.['limit'] === '1';
}

/** True when `key` belongs to this instance (any endpoint or scope). */
export function isInstanceKey(key: QueryKey, instance: string): boolean {
  return partialMatchKey(key, alyxKeys.instance(instance));
}

/** True for the instance's API model (kept when records are refreshed or another account logs in). */
export function isSchemaKey(key: QueryKey, instance: string): boolean {
  return partialMatchKey(key, alyxKeys.schema(instance));
}
