/**
 * The frozen CoreAPI document (`GET /docs/`, `Accept: application/coreapi+json`): routes, methods,
 * path/query/form fields. It has no response schemas and no read-only flags.
 */

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
  addMethods,
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

interface CoreField {
  name: string;
  required: boolean;
  location: string;
  kind: FieldKind;
  choices?: ChoiceOption[];
  description?: string;
  uuid: boolean;
}

interface CoreLink {
  url: string;
  method: HttpMethod;
  action: string;
  description?: string;
  fields: CoreField[];
}

const METHODS: Record<string, HttpMethod> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

function kindOf(schema: Json, name: string): { kind: FieldKind; choices?: ChoiceOption[] } {
  switch (asString(schema['_type'])) {
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'array' };
    case 'object':
      return { kind: 'json' };
    case 'enum': {
      const values = Array.isArray(schema['enum']) ? schema['enum'] : [];
      return {
        kind: 'choice',
        choices: values.map((value) => ({ value: String(value), label: String(value) })),
      };
    }
    default:
      return { kind: stringKindFor(name, undefined) };
  }
}

function toField(raw: unknown): CoreField | null {
  if (!isRecord(raw)) return null;
  const name = asString(raw['name']);
  if (!name) return null;
  const schema = isRecord(raw['schema']) ? raw['schema'] : {};
  const description = fieldDescription(name, asString(schema['description']), asString(schema['title']));
  const { kind, choices } = kindOf(schema, name);
  return {
    name,
    required: raw['required'] === true,
    location: asString(raw['location']) ?? 'query',
    kind,
    ...(choices ? { choices } : {}),
    ...(description ? { description } : {}),
    uuid: /\bUUID\b/.test(description ?? ''),
  };
}

/** Links sit under endpoint keys, sometimes nested (`cache → info → list`). */
function collectLinks(node: unknown, out: CoreLink[], depth = 0): void {
  if (!isRecord(node) || depth > 6) return;
  if (node['_type'] === 'link') {
    const url = asString(node['url']);
    const method = METHODS[(asString(node['action']) ?? 'get').toLowerCase()];
    if (!url || !method) return;
    const description = asString(node['description']);
    out.push({
      url,
      method,
      action: '',
      ...(description ? { description } : {}),
      fields: (Array.isArray(node['fields']) ? node['fields'] : [])
        .map(toField)
        .filter((field): field is CoreField => field !== null),
    });
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('_')) continue;
    const before = out.length;
    collectLinks(value, out, depth + 1);
    for (let index = before; index < out.length; index += 1) {
      const link = out[index];
      if (link && link.action === '') link.action = key;
    }
  }
}

function toFieldModel(field: CoreField): FieldModel {
  return makeField(field.name, field.kind === 'string' && field.uuid ? 'uuid' : field.kind, {
    required: field.required,
    ...(field.choices ? { choices: field.choices } : {}),
    ...(field.description ? { description: field.description } : {}),
  });
}

function toFilter(field: CoreField): FilterModel {
  return {
    name: field.name,
    kind: field.kind === 'text' ? 'string' : field.kind,
    ...(field.choices ? { choices: field.choices } : {}),
    ...(field.description ? { description: field.description } : {}),
  };
}

/** CoreAPI types every path parameter as a string; brain regions are keyed by their integer Allen id. */
const INTEGER_LOOKUPS = new Set(['brain-regions']);

function lookupKindOf(endpoint: string, param: CoreField): FieldKind {
  if (
    param.kind === 'integer' ||
    INTEGER_LOOKUPS.has(endpoint) ||
    /\bunique integer\b/i.test(param.description ?? '')
  )
    return 'integer';
  return param.uuid ? 'uuid' : 'string';
}

function isCoreApiDocument(doc: unknown): doc is Json {
  return isRecord(doc) && doc['_type'] === 'document';
}

export function parseCoreApi(doc: unknown, builtAt = Date.now()): ApiModel {
  if (!isCoreApiDocument(doc)) throw new Error('Not a CoreAPI document (no `_type: document`).');
  const links: CoreLink[] = [];
  collectLinks(doc, links);
  const endpoints: Record<string, EndpointModel> = {};

  for (const link of links) {
    const route = parseRouteTemplate(link.url);
    if (!route) continue;
    const endpoint = (endpoints[route.endpoint] ??= emptyEndpoint(route.endpoint, 'coreapi'));
    if (route.extra) {
      endpoint.browsable = false;
      continue;
    }
    const form = link.fields.filter((field) => field.location === 'form').map(toFieldModel);
    const description = cleanDescription(link.description);
    if (description && (!endpoint.description || link.method === 'GET')) endpoint.description = description;

    if (route.param === undefined) {
      endpoint.list = { path: link.url, methods: addMethods(endpoint.list?.methods ?? [], [link.method]) };
      if (link.method === 'GET') {
        endpoint.filters = link.fields
          .filter((field) => field.location === 'query' && field.name !== 'limit' && field.name !== 'offset')
          .map(toFilter);
      }
      if (link.method === 'POST') setBody(endpoint, 'POST', 'coreapi', form);
    } else {
      endpoint.detail = {
        path: link.url,
        methods: addMethods(endpoint.detail?.methods ?? [], [link.method]),
      };
      endpoint.lookupField = route.param;
      const param = link.fields.find((field) => field.location === 'path' && field.name === route.param);
      if (param) endpoint.lookupKind = lookupKindOf(route.endpoint, param);
      if (
        (link.method === 'PUT' || (link.method === 'PATCH' && endpoint.detailFields.length === 0)) &&
        form.length > 0
      ) {
        endpoint.detailFields = form;
      }
      // A detail route served by the list view (`water-type/{name}`) documents a second create.
      if (link.method === 'PUT' || link.method === 'PATCH') setBody(endpoint, link.method, 'coreapi', form);
    }
  }

  for (const endpoint of Object.values(endpoints)) {
    // CoreAPI describes no responses; write bodies are the best guess at what a record holds.
    if (endpoint.detailFields.length === 0 && endpoint.createFields)
      endpoint.detailFields = endpoint.createFields;
    if (!endpoint.list?.methods.includes('GET') && !endpoint.detail?.methods.includes('GET'))
      endpoint.browsable = false;
  }
  return { endpoints, sources: ['coreapi'], builtAt };
}
