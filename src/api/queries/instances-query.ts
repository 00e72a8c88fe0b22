import { queryOptions } from '@tanstack/react-query';
import { basePath } from '../base-path.ts';
import { createAlyxClient } from '../http/client.ts';
import { injectedInstances } from '../injected-instances.ts';
import { parseInstances, type InstanceConfig } from '../instances.ts';
import { alyxKeys } from './keys.ts';

/** The instance table: from the app shell when the app server put it there, else `GET /__explorer/instances`. */
export function instancesQuery() {
  return queryOptions({
    queryKey: alyxKeys.instances(),
    queryFn: async ({ signal }): Promise<InstanceConfig[]> => {
      const data = await createAlyxClient({ baseUrl: basePath() }).get<unknown>(
        '/__explorer/instances',
        undefined,
        {
          signal,
        },
      );
      return parseInstances(data);
    },
    initialData: injectedInstances,
    staleTime: Infinity,
  });
}
