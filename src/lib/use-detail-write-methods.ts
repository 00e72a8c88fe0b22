import { useQuery } from '@tanstack/react-query';
import type { InstanceConfig } from '../api/instances.ts';
import { writeFieldsQuery } from '../api/queries/write-fields-query.ts';
import type { ApiModel, EndpointModel, HttpMethod } from '../api/schema/model.ts';

/** The root list and OPTIONS name no detail methods: the model's `['GET']` there is a guess. */
export function detailMethodsAreGuessed(endpoint: EndpointModel): boolean {
  return !endpoint.sources.includes('openapi') && !endpoint.sources.includes('coreapi');
}

/**
 * The methods a record's route offers. From the schema where it says; on an instance that offers
 * only the root list, from the record's OPTIONS answer (a PUT action means PUT and PATCH), asked
 * once and shared with the form that opens next.
 */
export function useDetailWriteMethods(
  instance: InstanceConfig,
  model: ApiModel,
  endpointName: string,
  lookup: string,
): readonly HttpMethod[] {
  const endpoint = model.endpoints[endpointName];
  const declared = endpoint?.detail?.methods ?? [];
  const guessed =
    endpoint !== undefined && endpoint.detail !== undefined && detailMethodsAreGuessed(endpoint);
  const probe = useQuery({
    ...writeFieldsQuery(instance, model, endpointName, 'PUT', lookup),
    enabled: guessed,
  });
  if (!guessed || probe.data?.source !== 'options') return declared;
  return [...new Set<HttpMethod>([...declared, 'PUT', 'PATCH'])];
}
