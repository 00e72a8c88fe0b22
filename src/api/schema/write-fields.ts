import type { EndpointModel, FieldModel, SchemaSource } from './model.ts';

export type WriteMethod = 'POST' | 'PUT' | 'PATCH';

/** Which declared bodies stand in for `method`, nearest first: PUT and PATCH share a serializer. */
const STAND_INS: Record<WriteMethod, readonly WriteMethod[]> = {
  POST: ['POST'],
  PUT: ['PUT', 'POST'],
  PATCH: ['PATCH', 'PUT', 'POST'],
};

const LISTS = { POST: 'createFields', PUT: 'updateFields', PATCH: 'patchFields' } as const;

function declaredBody(
  endpoint: EndpointModel,
  method: WriteMethod,
): { fields: FieldModel[]; from: WriteMethod } | undefined {
  for (const candidate of STAND_INS[method]) {
    const fields = endpoint[LISTS[candidate]];
    if (fields && fields.length > 0) return { fields, from: candidate };
  }
  return undefined;
}

/**
 * The fields a write body of `method` may hold, as the model knows them. Read-only fields are kept
 * (forms show them) and flagged; PATCH makes every field optional.
 */
export function fieldsFor(endpoint: EndpointModel, method: WriteMethod): FieldModel[] {
  const fields = declaredBody(endpoint, method)?.fields ?? endpoint.detailFields;
  return method === 'PATCH' ? fields.map((field) => ({ ...field, required: false })) : fields;
}

/** The source that described the body `fieldsFor` returns, or undefined when it is the detail representation. */
export function writeBodySource(endpoint: EndpointModel, method: WriteMethod): SchemaSource | undefined {
  const declared = declaredBody(endpoint, method);
  if (!declared) return undefined;
  return endpoint.bodySources?.[declared.from] ?? endpoint.sources[0];
}

/**
 * True when the model has no full body description for `method`, so OPTIONS can tell more. A
 * coreapi form counts as partial: it has `required` but no read-only flags, formats or choices.
 */
export function needsWriteMetadata(endpoint: EndpointModel, method: WriteMethod): boolean {
  const declared = declaredBody(endpoint, method);
  if (!declared) return true;
  // A create body standing in for a record's PUT/PATCH (root-only instances, where discovery asked
  // OPTIONS of the list route only) is a guess: the record's own OPTIONS knows better.
  if (method !== 'POST' && declared.from === 'POST') return true;
  const source = endpoint.bodySources?.[declared.from] ?? endpoint.sources[0];
  return source !== 'openapi' && source !== 'options';
}
