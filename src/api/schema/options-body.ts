/**
 * An OPTIONS answer fetched when a form opens, laid over what the model already knows of the same
 * body. OPTIONS is the serializer itself: it decides which fields exist and their required and
 * read-only flags, types, choices and bounds. DRF's SimpleMetadata omits null, defaults, patterns
 * and what related fields point at (they are all type `field`), so those come from the model.
 */

import type { ApiModel, EndpointModel, FieldKind, FieldModel } from './model.ts';
import { parseOptions } from './parse-options.ts';
import { relateFields } from './relations.ts';
import { fieldsFor, type WriteMethod } from './write-fields.ts';

/** Kinds an OPTIONS answer reports for fields it cannot type: UUIDs and slugs are `string`, relations `field`. */
const VAGUE_KINDS = new Set<FieldKind>(['unknown', 'string']);

function overlay(fromOptions: FieldModel, known: FieldModel | undefined): FieldModel {
  if (!known) return fromOptions;
  const kind = VAGUE_KINDS.has(fromOptions.kind) && known.kind !== 'unknown' ? known.kind : fromOptions.kind;
  const out: FieldModel = {
    ...known,
    ...fromOptions,
    kind,
    writeOnly: fromOptions.writeOnly || known.writeOnly,
    nullable: fromOptions.nullable || known.nullable,
  };
  const keep = ['itemKind', 'format', 'allowBlank', 'maxLength', 'minimum', 'maximum', 'choices'] as const;
  for (const key of keep) {
    if (fromOptions[key] === undefined && known[key] !== undefined) Object.assign(out, { [key]: known[key] });
  }
  if (fromOptions.description === undefined && known.description !== undefined)
    out.description = known.description;
  return out;
}

/** The body OPTIONS describes for `method` (POST from the list route, PUT from a record's route). */
export function optionsBody(endpointName: string, doc: unknown, method: WriteMethod): FieldModel[] {
  const parsed = parseOptions(endpointName, doc, method === 'POST' ? 'list' : 'detail');
  return (method === 'POST' ? parsed.createFields : parsed.updateFields) ?? [];
}

/**
 * `endpoint` with its `method` body replaced by the OPTIONS fields, each merged with the model's
 * field of the same name; relations are inferred for fields the model did not know.
 */
export function withOptionsBody(
  model: ApiModel,
  endpoint: EndpointModel,
  method: WriteMethod,
  fromOptions: FieldModel[],
): EndpointModel {
  const known = new Map(fieldsFor(endpoint, method).map((field) => [field.name, field]));
  for (const field of endpoint.detailFields) if (!known.has(field.name)) known.set(field.name, field);
  const fields = relateFields(
    endpoint.name,
    fromOptions.map((field) => overlay(field, known.get(field.name))),
    model,
  );
  const slot = method === 'POST' ? 'createFields' : method === 'PUT' ? 'updateFields' : 'patchFields';
  return { ...endpoint, [slot]: fields, bodySources: { ...endpoint.bodySources, [method]: 'options' } };
}
