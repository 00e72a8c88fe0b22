/** drf-spectacular OpenAPI 3 (`GET /api/schema?format=json`) → the neutral model: the walk over `paths`. */

import type { ApiModel, EndpointModel, FieldKind, FilterModel, HttpMethod } from './model.ts';
import { parseRouteTemplate } from './endpoint-for-path.ts';
import {
  HTTP_METHODS,
  addMethods,
  asString,
  cleanDescription,
  emptyEndpoint,
  setBody,
} from './model-utils.ts';
import {
  OpenApiResolver,
  fieldsOf,
  requestSchema,
  responseSchema,
  rowSchema,
  typeInfo,
  type Json,
} from './parse-openapi-bodies.ts';
import { isRecord } from '../values.ts';

const PAGINATION_PARAMS = new Set(['limit', 'offset']);

function filtersOf(resolver: OpenApiResolver, operation: Json, pathItem: Json): FilterModel[] {
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

function pathParam(resolver: OpenApiResolver, operation: Json, pathItem: Json, name: string): FieldKind {
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
  const resolver = new OpenApiResolver(doc);
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
