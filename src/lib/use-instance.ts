import { useQuery } from '@tanstack/react-query';
import { findInstance, type InstanceConfig } from '../api/instances.ts';
import { instancesQuery } from '../api/queries/instances-query.ts';

/** The configured instances, and the one named `name` when there is one. */
export function useInstances(name?: string): {
  instances: InstanceConfig[];
  instance: InstanceConfig | undefined;
} {
  const { data } = useQuery(instancesQuery());
  const instances = data ?? [];
  return { instances, instance: findInstance(instances, name) };
}
