import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel, FieldModel } from '../../api/schema/model.ts';
import { fieldsFor, type WriteMethod } from '../../api/schema/write-fields.ts';

export interface WriteFields {
  fields: FieldModel[];
  /** Where the fields came from; `model` until OPTIONS on demand is swapped in here. */
  source: 'model';
}

/**
 * The one place the forms ask which fields a body holds. Today the model alone (`fieldsFor`); the
 * coming `writeFieldsQuery` (OPTIONS on demand) replaces this body and nothing else.
 */
export function useWriteFields(
  _instance: InstanceConfig,
  model: ApiModel,
  endpoint: string,
  method: WriteMethod,
  _lookup?: string,
): WriteFields {
  const found = model.endpoints[endpoint];
  return { fields: found ? fieldsFor(found, method) : [], source: 'model' };
}
