/**
 * DRF `OPTIONS` metadata (SimpleMetadata) for one endpoint: `{name, description, actions: {POST|PUT: {field: info}}}`.
 * The last resort when no schema document exists; public accounts cannot use it (OPTIONS is refused).
 */

import type { ChoiceOption, EndpointModel, FieldKind, FieldModel } from './model.ts';
import {
  asString,
  cleanDescription,
  emptyEndpoint,
  fieldDescription,
  makeField,
  setBody,
  stringKindFor,
} from './model-utils.ts';
import { isRecord } from '../values.ts';

type Json = Record<string, unknown>;

const TYPE_KINDS: Record<string, FieldKind> = {
  boolean: 'boolean',
  integer: 'integer',
  float: 'number',
  decimal: 'number',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  time: 'string',
  duration: 'string',
  email: 'email',
  url: 'url',
  uuid: 'uuid',
  choice: 'choice',
  'multiple choice': 'array',
  list: 'array',
  'nested object': 'object',
  json: 'json',
  'file upload': 'string',
  'image upload': 'string',
  // DRF reports related fields and JSONFields as the base class, `field`.
  field: 'unknown',
};

function choicesOf(info: Json): ChoiceOption[] | undefined {
  const raw = info['choices'];
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isRecord).map((choice) => {
    const value = String(choice['value'] ?? '');
    return { value, label: asString(choice['display_name']) ?? value };
  });
}

function kindOf(name: string, info: Json): FieldKind {
  const type = asString(info['type']) ?? 'field';
  if (type === 'string' || type === 'slug' || type === 'regex') {
    const maxLength = typeof info['max_length'] === 'number' ? info['max_length'] : undefined;
    return stringKindFor(name, maxLength);
  }
  if (type === 'field' && name === 'json') return 'json';
  return TYPE_KINDS[type] ?? 'unknown';
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // DecimalField bounds arrive as strings ("0.00").
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function fieldOf(name: string, info: Json): FieldModel {
  const kind = kindOf(name, info);
  const choices = choicesOf(info);
  const child = isRecord(info['child']) ? info['child'] : undefined;
  const description = fieldDescription(name, asString(info['help_text']), asString(info['label']));
  const minimum = numberOf(info['min_value']);
  const maximum = numberOf(info['max_value']);
  // SimpleMetadata never emits allow_null/allow_blank/default; some metadata classes do.
  return makeField(name, kind, {
    required: info['required'] === true,
    readOnly: info['read_only'] === true,
    writeOnly: info['write_only'] === true,
    nullable: info['allow_null'] === true,
    ...(typeof info['allow_blank'] === 'boolean' ? { allowBlank: info['allow_blank'] } : {}),
    ...('default' in info ? { default: info['default'] } : {}),
    ...(typeof info['max_length'] === 'number' ? { maxLength: info['max_length'] } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(choices && choices.length > 0 ? { choices } : {}),
    ...(child ? { itemKind: kindOf(name, child) } : {}),
    ...(kind === 'array' && choices ? { itemKind: 'choice' as const } : {}),
    ...(description ? { description } : {}),
    ...(typeof info['format'] === 'string' ? { format: info['format'] } : {}),
  });
}

function fieldsFromActionInfo(info: unknown): FieldModel[] {
  if (!isRecord(info)) return [];
  return Object.entries(info)
    .filter((entry): entry is [string, Json] => isRecord(entry[1]))
    .map(([name, value]) => fieldOf(name, value));
}

function isOptionsDocument(doc: unknown): doc is Json {
  return (
    isRecord(doc) && (typeof doc['name'] === 'string' || isRecord(doc['actions'])) && !('openapi' in doc)
  );
}

/**
 * One endpoint's OPTIONS answer. `route` says whether it came from the list route (`/{endpoint}`:
 * POST = create fields) or the detail route (`/{endpoint}/{lookup}`: PUT = record fields).
 */
export function parseOptions(endpointName: string, doc: unknown, route: 'list' | 'detail'): EndpointModel {
  if (!isOptionsDocument(doc)) throw new Error(`OPTIONS /${endpointName}: not DRF metadata.`);
  const endpoint = emptyEndpoint(endpointName, 'options');
  const description = cleanDescription(asString(doc['description']));
  if (description) endpoint.description = description;
  const actions = isRecord(doc['actions']) ? doc['actions'] : {};
  const post = fieldsFromActionInfo(actions['POST']);
  const put = fieldsFromActionInfo(actions['PUT'] ?? actions['PATCH']);
  if (route === 'list') {
    endpoint.list = {
      path: `/${endpointName}`,
      methods: ['GET', ...(isRecord(actions['POST']) ? (['POST'] as const) : [])],
    };
    setBody(endpoint, 'POST', 'options', post);
    if (post.length > 0) {
      endpoint.listFields = post.filter((field) => !field.writeOnly);
      endpoint.detailFields = post.filter((field) => !field.writeOnly);
    }
  } else {
    // DRF describes PUT only; a PATCH body is the same serializer with every field optional.
    setBody(endpoint, 'PUT', 'options', put);
    if (put.length > 0) endpoint.detailFields = put.filter((field) => !field.writeOnly);
  }
  return endpoint;
}
