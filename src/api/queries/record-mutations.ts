import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { alyxPathFor } from '../schema/endpoint-for-path.ts';
import type { EndpointModel } from '../schema/model.ts';
import type { WriteMethod } from '../schema/write-fields.ts';
import { isAlyxError } from '../http/errors.ts';
import { isRecord } from '../values.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { alyxKeys, isCountKey, recordDataOf } from './keys.ts';
import type { AlyxRecord } from './record-queries.ts';
import { recordLookup } from './row-key.ts';
import { removeWhenUnobserved } from './remove-when-unobserved.ts';

export interface WriteVariables {
  body: Record<string, unknown>;
  /** Lets the form cancel a slow request. */
  signal?: AbortSignal;
}

export interface WriteResult {
  record: AlyxRecord;
  /** The lookup of the written record (its URL segment), when the answer names one. */
  lookup: string | undefined;
  /** True when an edit changed the lookup (a subject renamed): the view moves to the new URL. */
  moved: boolean;
}

/** The Alyx action name ONE uses for each method (`one.alyx.rest(endpoint, action, …)`). */
export const ONE_ACTIONS: Record<WriteMethod, 'create' | 'partial_update' | 'update'> = {
  POST: 'create',
  PATCH: 'partial_update',
  PUT: 'update',
};

/**
 * After a write: the answer becomes the record's detail entry (under its new lookup when renamed),
 * the endpoint's lists go stale, and so does every count of the instance — a new session changes a
 * subject's "sessions (n)" tab, which is a limit=1 list of another endpoint.
 */
export async function applyWrite(
  queryClient: QueryClient,
  instance: InstanceConfig,
  endpoint: EndpointModel,
  result: WriteResult,
  previousLookup: string | undefined,
): Promise<void> {
  if (result.lookup !== undefined)
    queryClient.setQueryData(alyxKeys.detail(instance.name, endpoint.name, result.lookup), result.record);
  if (previousLookup !== undefined && result.moved)
    queryClient.removeQueries({ queryKey: alyxKeys.detail(instance.name, endpoint.name, previousLookup) });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: alyxKeys.lists(instance.name, endpoint.name) }),
    queryClient.invalidateQueries({
      queryKey: alyxKeys.instance(instance.name),
      predicate: (query) => isCountKey(query.queryKey),
    }),
  ]);
}

function resultOf(endpoint: EndpointModel, answer: unknown, previousLookup: string | undefined): WriteResult {
  const record = isRecord(answer) ? answer : {};
  const lookup = recordLookup(endpoint, record) ?? previousLookup;
  return { record, lookup, moved: previousLookup !== undefined && lookup !== previousLookup };
}

/** POST on the list route. */
export function createRecordMutation(
  queryClient: QueryClient,
  instance: InstanceConfig,
  endpoint: EndpointModel,
) {
  const client = clientFor(instance);
  return mutationOptions({
    mutationKey: ['alyx', instance.name, endpoint.name, 'write', 'POST'],
    mutationFn: async ({ body, signal }: WriteVariables): Promise<WriteResult> =>
      resultOf(endpoint, await client.post(alyxPathFor(endpoint.name), body, { signal }), undefined),
    onSuccess: (result) => applyWrite(queryClient, instance, endpoint, result, undefined),
  });
}

/** PATCH (partial update) or PUT (replace) on the detail route of `lookup`. */
export function updateRecordMutation(
  queryClient: QueryClient,
  instance: InstanceConfig,
  endpoint: EndpointModel,
  lookup: string,
  method: 'PATCH' | 'PUT',
) {
  const client = clientFor(instance);
  return mutationOptions({
    mutationKey: ['alyx', instance.name, endpoint.name, 'write', method, lookup],
    mutationFn: async ({ body, signal }: WriteVariables): Promise<WriteResult> => {
      const path = alyxPathFor(endpoint.name, lookup);
      const answer =
        method === 'PATCH'
          ? await client.patch(path, body, { signal })
          : await client.put(path, body, { signal });
      return resultOf(endpoint, answer, lookup);
    },
    onSuccess: (result) => applyWrite(queryClient, instance, endpoint, result, lookup),
  });
}

/**
 * Why a write was refused with 403: the account may only read (Alyx's public users: "You do not
 * have permission…"), or this one record is protected (a dataset with a protected tag) — which says
 * nothing about the account.
 */
export function refusalOf(error: unknown): 'read-only' | 'protected' | null {
  if (!isAlyxError(error) || error.kind !== 'forbidden') return null;
  return error.detail !== null && /protected/i.test(error.detail) ? 'protected' : 'read-only';
}

/**
 * `DELETE /{endpoint}/{lookup}`; on success the record leaves the cache and the endpoint's lists and
 * counts refetch. Alyx cascades (a session's datasets go with it): other records and lists of the
 * instance are only marked stale.
 */
export function deleteRecordMutation(
  queryClient: QueryClient | undefined,
  instance: InstanceConfig,
  endpoint: string,
  lookup: string | number,
) {
  const client = clientFor(instance);
  return mutationOptions({
    mutationKey: ['alyx', instance.name, endpoint, 'delete', String(lookup)],
    mutationFn: async (): Promise<void> => {
      await client.delete(alyxPathFor(endpoint, lookup));
    },
    onSuccess: () => {
      if (!queryClient) return;
      const detail = alyxKeys.detail(instance.name, endpoint, lookup);
      void queryClient.cancelQueries({ queryKey: detail, exact: true });
      removeWhenUnobserved(queryClient, detail);
      void queryClient.invalidateQueries({ queryKey: alyxKeys.lists(instance.name, endpoint) });
      void queryClient.invalidateQueries({
        queryKey: alyxKeys.instance(instance.name),
        predicate: (query) => {
          const data = recordDataOf(query.queryKey);
          return data !== null && data.endpoint !== endpoint;
        },
        refetchType: 'none',
      });
    },
  });
}
