/** drf-spectacular OpenAPI 3 (`GET /api/schema?format=json`) → the neutral model. */

import type {
  ApiModel,
  ChoiceOption,
  EndpointModel,
  FieldKind,
  FieldModel,
  FilterModel,
  HttpMethod,
} from './model.ts';
import { parseRouteTemplate } from './endpoint-for-path.ts';
import {
  HTTP_METHODS,
  addMethods,
  asString,
  cleanDescription,
  emptyEndpoint,
  enumLabels,
  makeField,
  setBody,
  stringKindFor,
} from './model-utils.ts';
import { isRecord } from '../values.ts';

type Json = Record<string, unknown>;

const PAGINATION_PARAMS = new Set(['limit', 'offset']);

class Resolver {
  constructor(private readonly doc: Json) {}

  /** Follows `$ref`s (and single-member `allOf`, drf-spectacular's way of adding readOnly to a ref). */
  resolve(schema: unknown, depth = 0): Json {
    if (!isRecord(schema) || depth > 20) return {};
    const ref = asString(schema['$ref']);
    if (ref) {
      const target = this.lookup(ref);
      const { $ref: _ignored, ...rest } = schema;
      return { ...this.resolve(target, depth + 1), ...rest };
    }
    const allOf = schema['allOf'];
    if (Array.isArray(allOf) && allOf.length === 1) {
      const { allOf: _ignored, ...rest } = schema;
      return { ...this.resolve(allOf[0], depth + 1), ...rest };
    }
    return schema;
  }

  private lookup(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.doc;
    for (const part of ref.slice(2).split('/')) {
      if (!isRecord(node)) return undefined;
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }
}

interface TypeInfo {
  kind: FieldKind;
  itemKind?: FieldKind;
  format?: string;
  choices?: ChoiceOption[];
  nullable: boolean;
  maxLength?: number;
  /** Known only for enums: a `BlankEnum` member or `''` among the values. */
  allowBlank?: boolean;
}

function kindFromFormat(format: string | undefined): FieldKind | undefined {
  switch (format) {
    case 'uuid':
      return 'uuid';
    case 'date':
      return 'date';
    case 'date-time':
      return 'datetime';
    case 'uri':
      return 'url';
    case 'email':
      return 'email';
    default:
      return undefined;
  }
}

function choicesOf(schema: Json): ChoiceOption[] | undefined {
  const values = schema['enum'];
  if (!Array.isArray(values)) return undefined;
  const labels = enumLabels(asString(schema['description']));
  return values
    .filter((value) => value !== null && value !== '')
    .map((value) => {
      const text = String(value);
      return { value: text, label: labels.get(text) ?? text };
    });
}

function isNullable(schema: Json): boolean {
  return schema['nullable'] === true;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Per-field constraints a form checks before sending (the server's answer stays final). */
function constraintsOf(property: Json): Partial<FieldModel> {
  const out: Partial<FieldModel> = {};
  if ('default' in property) out.default = property['default'];
  const minimum = numberOf(property['minimum']);
  const maximum = numberOf(property['maximum']);
  if (minimum !== undefined) out.minimum = minimum;
  if (maximum !== undefined) out.maximum = maximum;
  const pattern = asString(property['pattern']);
  if (pattern) out.pattern = pattern;
  return out;
}

function typeInfo(resolver: Resolver, raw: unknown, name: string): TypeInfo {
  const schema = resolver.resolve(raw);
  const nullable = schema['nullable'] === true;
  const variants = schema['oneOf'] ?? schema['anyOf'];
  if (Array.isArray(variants)) {
    // `oneOf: [SexEnum, BlankEnum, NullEnum]`: one choice field whose blank/null members only allow emptiness.
    const resolved = variants.map((variant) => resolver.resolve(variant));
    const choices = resolved.flatMap((variant) => choicesOf(variant) ?? []);
    const allowsNull = resolved.some(
      (variant) => Array.isArray(variant['enum']) && variant['enum'].includes(null),
    );
    const allowBlank = resolved.some(
      (variant) => Array.isArray(variant['enum']) && variant['enum'].includes(''),
    );
    if (choices.length > 0)
      return {
        kind: 'choice',
        choices,
        nullable: nullable || allowsNull || resolved.some(isNullable),
        allowBlank,
      };
    const first = resolved[0];
    return first ? { ...typeInfo(resolver, first, name), nullable } : { kind: 'unknown', nullable };
  }
  const choices = choicesOf(schema);
  if (choices) {
    const values = schema['enum'] as unknown[];
    return {
      kind: 'choice',
      choices,
      nullable: nullable || values.includes(null),
      allowBlank: values.includes(''),
    };
  }
  const type = asString(schema['type']);
  const format = asString(schema['format']);
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : undefined;
  const base = { nullable, ...(format ? { format } : {}), ...(maxLength !== undefined ? { maxLength } : {}) };
  switch (type) {
    case 'string':
      return { ...base, kind: kindFromFormat(format) ?? stringKindFor(name, maxLength) };
    case 'integer':
      return { ...base, kind: 'integer' };
    case 'number':
      return { ...base, kind: 'number' };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const items = typeInfo(resolver, schema['items'], name);
      return {
        ...base,
        kind: 'array',
        itemKind:
          isRecord(schema['items']) && Object.keys(schema['items']).length === 0 ? 'unknown' : items.kind,
      };
    }
    case 'object':
      return { ...base, kind: isRecord(schema['properties']) ? 'object' : 'json' };
    default:
      // Django JSONField: no type at all.
      return { ...base, kind: 'json' };
  }
}

function fieldsOf(resolver: Resolver, raw: unknown): FieldModel[] {
  const schema = resolver.resolve(raw);
  const properties = schema['properties'];
  if (!isRecord(properties)) return [];
  const required = new Set(
    Array.isArray(schema['required'])
      ? schema['required'].filter((item): item is string => typeof item === 'string')
      : [],
  );
  return Object.entries(properties).map(([name, value]) => {
    const property = resolver.resolve(value);
    const info = typeInfo(resolver, property, name);
    const readOnly = property['readOnly'] === true;
    const description = asString(property['description']) ?? asString(property['title']);
    return makeField(name, info.kind, {
      ...(info.itemKind ? { itemKind: info.itemKind } : {}),
      ...(info.format ? { format: info.format } : {}),
      ...(info.maxLength !== undefined ? { maxLength: info.maxLength } : {}),
      ...(info.choices ? { choices: info.choices } : {}),
      ...(description ? { description } : {}),
      ...(info.allowBlank !== undefined ? { allowBlank: info.allowBlank } : {}),
      ...constraintsOf(property),
      // Without COMPONENT_SPLIT_REQUEST, `required` also lists read-only response fields.
      required: required.has(name) && !readOnly,
      readOnly,
      writeOnly: property['writeOnly'] === true,
      nullable: info.nullable,
    });
  });
}

function responseSchema(operation: Json, resolver: Resolver): Json | undefined {
  const responses = operation['responses'];
  if (!isRecord(responses)) return undefined;
  for (const status of ['200', '201']) {
    const response = resolver.resolve(responses[status]);
    const content = response['content'];
    if (!isRecord(content)) continue;
    const media = content['application/json'] ?? Object.values(content)[0];
    if (isRecord(media) && media['schema'] !== undefined) return resolver.resolve(media['schema']);
  }
  return undefined;
}

function requestSchema(operation: Json, resolver: Resolver): Json | undefined {
  const body = resolver.resolve(operation['requestBody']);
  const content = body['content'];
  if (!isRecord(content)) return undefined;
  const media = content['application/json'] ?? Object.values(content)[0];
  return isRecord(media) && media['schema'] !== undefined ? resolver.resolve(media['schema']) : undefined;
}

/** Unwraps `PaginatedXList` and bare arrays to the row schema. */
function rowSchema(schema: Json | undefined, resolver: Resolver): Json | undefined {
  if (!schema) return undefined;
  const properties = schema['properties'];
  if (isRecord(properties) && isRecord(properties['results']) && 'count' in properties) {
    return resolver.resolve(resolver.resolve(properties['results'])['items']);
  }
  if (schema['type'] === 'array') return resolver.resolve(schema['items']);
  return schema;
}

function filtersOf(resolver: Resolver, operation: Json, pathItem: Json): FilterModel[] {
  const parameters = [
    ...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []),
    ...(Array.isArray(operation['parameters']) ? operation['parameters'] : []),
  ];
  const filters: FilterModel[] = [];
  for (const raw of parameters) {
    const parameter = resolver.resolve(raw);
    const name = asString(parameter['name']);
    if (parameter['in'] !== 'query' || !name || PAGINATION_PARAMS.has(name)) continue;
    const schema = resolver.resolve(parameter['schema']);
    const description = asString(parameter['description']);
    const info = typeInfo(
      resolver,
      { ...schema, description: asString(schema['description']) ?? description },
      name,
    );
    filters.push({
      name,
      kind: info.kind === 'text' ? 'string' : info.kind,
      ...(info.itemKind ? { itemKind: info.itemKind } : {}),
      ...(info.choices ? { choices: info.choices } : {}),
      ...(description ? { description } : {}),
    });
  }
  return filters;
}

function pathParam(resolver: Resolver, operation: Json, pathItem: Json, name: string): FieldKind {
  const parameters = [
    ...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []),
    ...(Array.isArray(operation['parameters']) ? operation['parameters'] : []),
  ];
  for (const raw of parameters) {
    const parameter = resolver.resolve(raw);
    if (parameter['in'] === 'path' && parameter['name'] === name)
      return typeInfo(resolver, parameter['schema'], name).kind;
  }
  return 'string';
}

function isOpenApiDocument(doc: unknown): doc is Json {
  return isRecord(doc) && typeof doc['openapi'] === 'string' && isRecord(doc['paths']);
}

export function parseOpenApi(doc: unknown, builtAt = Date.now()): ApiModel {
  if (!isOpenApiDocument(doc)) throw new Error('Not an OpenAPI 3 document (no `openapi` and `paths`).');
  const resolver = new Resolver(doc);
  const endpoints: Record<string, EndpointModel> = {};
  const paths = doc['paths'] as Json;

  for (const [template, rawItem] of Object.entries(paths)) {
    const route = parseRouteTemplate(template);
    const pathItem = resolver.resolve(rawItem);
    if (!route) continue;
    const endpoint = (endpoints[route.endpoint] ??= emptyEndpoint(route.endpoint, 'openapi'));
    const methods = HTTP_METHODS.filter((method) => isRecord(pathItem[method.toLowerCase()]));
    const operation = (method: HttpMethod): Json | undefined => {
      const value = pathItem[method.toLowerCase()];
      return isRecord(value) ? value : undefined;
    };
    if (route.extra) {
      // `/cache/info/`, nested actions: known to exist, not a resource.
      endpoint.browsable = false;
      continue;
    }
    const get = operation('GET');
    const description = cleanDescription(
      asString(get?.['description']) ?? asString(operation('POST')?.['description']),
    );

    if (route.param === undefined) {
      endpoint.list = { path: template, methods: addMethods(endpoint.list?.methods ?? [], methods) };
      if (get) {
        endpoint.filters = filtersOf(resolver, get, pathItem);
        const rows = rowSchema(responseSchema(get, resolver), resolver);
        if (rows) endpoint.listFields = fieldsOf(resolver, rows);
      }
      const post = operation('POST');
      const created = post ? requestSchema(post, resolver) : undefined;
      if (created) setBody(endpoint, 'POST', 'openapi', fieldsOf(resolver, created));
      if (description) endpoint.description = description;
    } else {
      endpoint.detail = { path: template, methods: addMethods(endpoint.detail?.methods ?? [], methods) };
      endpoint.lookupField = route.param;
      const first = get ?? operation(methods[0] ?? 'GET') ?? {};
      endpoint.lookupKind = pathParam(resolver, first, pathItem, route.param);
      const detail = get ? rowSchema(responseSchema(get, resolver), resolver) : undefined;
      const put = operation('PUT');
      const patch = operation('PATCH');
      const written = put ? requestSchema(put, resolver) : undefined;
      const patched = patch ? requestSchema(patch, resolver) : undefined;
      const fields = detail ? fieldsOf(resolver, detail) : written ? fieldsOf(resolver, written) : [];
      if (fields.length > 0) endpoint.detailFields = fields;
      // A detail route that is really the list view (`water-type/{name}`) documents a second
      // create, not a replace: only PUT and PATCH bodies belong here.
      if (written) setBody(endpoint, 'PUT', 'openapi', fieldsOf(resolver, written));
      if (patched) setBody(endpoint, 'PATCH', 'openapi', fieldsOf(resolver, patched));
      if (description && !endpoint.description) endpoint.description = description;
    }
  }

  for (const endpoint of Object.values(endpoints)) {
    if (endpoint.detailFields.length === 0 && endpoint.listFields.length > 0 && !endpoint.detail) {
      endpoint.detailFields = endpoint.listFields;
    }
    if (!endpoint.list?.methods.includes('GET') && !endpoint.detail?.methods.includes('GET'))
      endpoint.browsable = false;
  }
  return { endpoints, sources: ['openapi'], builtAt };
}
