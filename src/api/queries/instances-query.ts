import { queryOptions } from '@tanstack/react-query';
import { createAlyxClient } from '../http/client.ts';
import { parseInstances, type InstanceConfig } from '../instances.ts';
import { alyxKeys } from './keys.ts';

/** `GET /__explorer/instances` from the app server (same origin). */
export function instancesQuery() {
  return queryOptions({
    queryKey: alyxKeys.instances(),
    queryFn: async ({ signal }): Promise<InstanceConfig[]> => {
      const data = await createAlyxClient({ baseUrl: '' }).get<unknown>('/__explorer/instances', undefined, {
        signal,
      });
      return parseInstances(data);
    },
    staleTime: Infinity,
  });
}
