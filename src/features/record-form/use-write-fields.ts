import { useQuery } from '@tanstack/react-query';
import type { InstanceConfig } from '../../api/instances.ts';
import { writeFieldsQuery, type WriteFields } from '../../api/queries/write-fields-query.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { fieldsFor, type WriteMethod } from '../../api/schema/write-fields.ts';

/**
 * The one place the forms ask which fields a body holds: the model, or the instance's OPTIONS
 * answer where the schema does not describe bodies (coreapi-only and root-only instances). The
 * route waits for the query, so the form starts from its answer; until then, the model's guess.
 */
export function useWriteFields(
  instance: InstanceConfig,
  model: ApiModel,
  endpoint: string,
  method: WriteMethod,
  lookup?: string,
): WriteFields {
  const { data } = useQuery(writeFieldsQuery(instance, model, endpoint, method, lookup));
  if (data) return data;
  const found = model.endpoints[endpoint];
  return { fields: found ? fieldsFor(found, method) : [], source: 'detail' };
}
