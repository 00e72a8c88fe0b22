import { useQuery } from '@tanstack/react-query';
import type { InstanceConfig } from '../api/instances.ts';
import { apiModelQuery } from '../api/queries/schema-query.ts';

/** The instance's API model (cached; built once per schema TTL). Disabled until the instance is known. */
export function useApiModel(instance: InstanceConfig | undefined) {
  return useQuery({
    ...apiModelQuery(instance ?? { name: '', url: '', proxy: true, baseUrl: '' }),
    enabled: instance !== undefined,
  });
}
