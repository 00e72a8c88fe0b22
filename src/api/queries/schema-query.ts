import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { discoverApi } from '../schema/discover.ts';
import type { ApiModel } from '../schema/model.ts';
import { clearCachedModel, readCachedModel, writeCachedModel } from '../schema/schema-cache.ts';
import { alyxKeys } from './keys.ts';

const SCHEMA_STALE_TIME_MS = 24 * 60 * 60 * 1000;

/**
 * A model built from the root list alone while OPTIONS was refused (not logged in yet) has no
 * fields: it is neither persisted nor considered fresh, so it is rebuilt once the user logs in.
 */
export function isModelComplete(model: ApiModel | undefined): boolean {
  if (!model) return false;
  if (model.sources.includes('openapi') || model.sources.includes('coreapi')) return true;
  return Object.values(model.endpoints).some(
    (endpoint) => endpoint.browsable && endpoint.listFields.length > 0,
  );
}

/** The instance's API model: from localStorage when younger than 7 days, rebuilt in the background after 24 h. */
export function apiModelQuery(instance: InstanceConfig) {
  const client = clientFor(instance);
  const name = instance.name;
  const build = (signal: AbortSignal): Promise<ApiModel> => discoverApi(client, { signal });
  return queryOptions({
    queryKey: alyxKeys.schema(name),
    queryFn: async ({ signal }): Promise<ApiModel> => {
      const model = await build(signal);
      if (isModelComplete(model)) writeCachedModel(name, model);
      return model;
    },
    initialData: () => readCachedModel(name),
    initialDataUpdatedAt: () => readCachedModel(name)?.builtAt,
    staleTime: (query) => (isModelComplete(query.state.data) ? SCHEMA_STALE_TIME_MS : 0),
    gcTime: Infinity,
  });
}

/** Drops the persisted model and rebuilds it now (the "refresh schema" button). */
export async function refreshApiModel(queryClient: QueryClient, instance: InstanceConfig): Promise<ApiModel> {
  clearCachedModel(instance.name);
  const model = await discoverApi(clientFor(instance));
  if (isModelComplete(model)) writeCachedModel(instance.name, model);
  queryClient.setQueryData(alyxKeys.schema(instance.name), model);
  return model;
}
