import type { EndpointModel, FieldModel } from './model.ts';

export type WriteMethod = 'POST' | 'PUT' | 'PATCH';

/**
 * The fields a write body of `method` may hold, as the model knows them. Read-only fields are kept
 * (forms show them) and flagged; PATCH makes every field optional.
 */
export function fieldsFor(endpoint: EndpointModel, method: WriteMethod): FieldModel[] {
  const declared =
    method === 'POST'
      ? endpoint.createFields
      : method === 'PUT'
        ? (endpoint.updateFields ?? endpoint.createFields)
        : (endpoint.patchFields ?? endpoint.updateFields ?? endpoint.createFields);
  const fields = declared && declared.length > 0 ? declared : endpoint.detailFields;
  return method === 'PATCH' ? fields.map((field) => ({ ...field, required: false })) : fields;
}

/** True when the model has no body description of its own for `method` (OPTIONS can then tell more). */
export function needsWriteMetadata(endpoint: EndpointModel, method: WriteMethod): boolean {
  const declared =
    method === 'POST' ? endpoint.createFields : (endpoint.updateFields ?? endpoint.createFields);
  return !declared || declared.length === 0;
}
