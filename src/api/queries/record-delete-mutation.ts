import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { isAlyxError, type AlyxError } from '../http/errors.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { alyxPathFor } from '../schema/endpoint-for-path.ts';
import { alyxKeys } from './keys.ts';

/**
 * A 403 that concerns one record (Alyx refuses to delete a dataset with a protected tag), not the
 * account. Deliberately not an AlyxError: the app's mutation hook marks an account read-only on
 * every AlyxError `forbidden`, and this refusal says nothing about the account.
 */
export class RecordProtectedError extends Error {
  override readonly name = 'RecordProtectedError';
  constructor(readonly original: AlyxError) {
    super(original.detail ?? 'This record is protected.', { cause: original });
  }
}

const PROTECTED = /protected/i;

function isProtectedRefusal(error: unknown): error is AlyxError {
  return isAlyxError(error) && error.kind === 'forbidden' && PROTECTED.test(error.detail ?? '');
}

function isCachedData(key: readonly unknown[]): boolean {
  return key[3] === 'list' || key[3] === 'detail';
}

/** `DELETE /{endpoint}/{lookup}`; on success the record leaves the cache and lists and counts refresh. */
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
      try {
        await client.delete(alyxPathFor(endpoint, lookup));
      } catch (error) {
        if (isProtectedRefusal(error)) throw new RecordProtectedError(error);
        throw error;
      }
    },
    onSuccess: () => {
      if (!queryClient) return;
      const detail = alyxKeys.detail(instance.name, endpoint, lookup);
      void queryClient.cancelQueries({ queryKey: detail, exact: true });
      queryClient.removeQueries({ queryKey: detail, exact: true });
      // Lists and counts (endpoint and reverse counts share the list keys) of this endpoint refetch now.
      void queryClient.invalidateQueries({ queryKey: alyxKeys.lists(instance.name, endpoint) });
      // Alyx cascades (a session's datasets go with it): other lists and records are only marked stale.
      void queryClient.invalidateQueries({
        queryKey: alyxKeys.instance(instance.name),
        predicate: (query) => query.queryKey[2] !== endpoint && isCachedData(query.queryKey),
        refetchType: 'none',
      });
    },
  });
}
