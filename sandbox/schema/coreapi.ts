import type {
  FilterDeclaration,
  ResourceDeclaration,
  Serializer,
  SerializerField,
} from '../resources/types.ts';
import { columnOf } from './components.ts';
import { createSerializer, detailSerializer, listSerializer } from './openapi.ts';

export interface CoreApiField {
  name: string;
  required?: boolean;
  location: 'path' | 'query' | 'form';
  schema: { _type: string; title: string; description: string; enum?: readonly (string | number)[] };
}

export interface CoreApiLink {
  _type: 'link';
  url: string;
  action: 'get' | 'post' | 'put' | 'patch' | 'delete';
  encoding?: string;
  description?: string;
  fields: CoreApiField[];
}

export type CoreApiDocument = {
  _type: 'document';
  _meta: { url: string; title: string };
} & Record<string, unknown>;

function title(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function queryField(
  filter: FilterDeclaration | { name: string; type: 'integer'; description: string; title: string },
): CoreApiField {
  const type = filter.type === 'integer' ? 'integer' : filter.type === 'number' ? 'number' : 'string';
  const isPaging = 'title' in filter;
  return {
    name: filter.name,
    location: 'query',
    schema: {
      _type: type,
      title: isPaging ? filter.title : '',
      description: isPaging ? filter.description : '',
    },
  };
}

const PAGING = [
  {
    name: 'limit',
    type: 'integer' as const,
    title: 'Limit',
    description: 'Number of results to return per page.',
  },
  {
    name: 'offset',
    type: 'integer' as const,
    title: 'Offset',
    description: 'The initial index from which to return the results.',
  },
];

function formType(resource: ResourceDeclaration, field: SerializerField): CoreApiField['schema'] {
  const column = columnOf(resource, field);
  const base = { title: title(field.name), description: field.description ?? column?.helpText ?? '' };
  if (field.type === 'choice' && field.choiceRepresentation === 'value' && column?.choices) {
    return { _type: 'enum', ...base, enum: column.choices.map((c) => c.value) };
  }
  const types: Partial<Record<SerializerField['type'], string>> = {
    integer: 'integer',
    number: 'number',
    boolean: 'boolean',
    array: 'array',
    json: 'object',
    object: 'object',
  };
  return { _type: types[field.type] ?? 'string', ...base };
}

function formFields(resource: ResourceDeclaration, serializer: Serializer, partial: boolean): CoreApiField[] {
  return serializer.fields
    .filter((f) => !f.readOnly)
    .map((f) => ({
      name: f.name,
      ...(f.required && !partial ? { required: true } : {}),
      location: 'form' as const,
      schema: formType(resource, f),
    }));
}

function pathField(resource: ResourceDeclaration): CoreApiField {
  const lookup = resource.lookupField ?? 'id';
  const noun = resource.verboseName.toLowerCase();
  let description = '';
  if (lookup === 'id') {
    description =
      resource.primaryKey === 'uuid'
        ? `A UUID string identifying this ${noun}.`
        : `A unique value identifying this ${noun}.`;
  }
  return {
    name: lookup,
    required: true,
    location: 'path',
    schema: { _type: 'string', title: lookup, description },
  };
}

function link(
  url: string,
  action: CoreApiLink['action'],
  fields: CoreApiField[],
  description: string | undefined,
  body = false,
): CoreApiLink {
  return {
    _type: 'link',
    url,
    action,
    ...(body ? { encoding: 'application/json' } : {}),
    ...(description ? { description } : {}),
    fields,
  };
}

function resourceLinks(r: ResourceDeclaration): Record<string, CoreApiLink> {
  const links: Record<string, CoreApiLink> = {};
  const listUrl = `/${r.name}`;
  if (r.listMethods.includes('GET')) {
    links.list = link(
      listUrl,
      'get',
      [...PAGING.map(queryField), ...r.filters.map(queryField)],
      r.description,
    );
  }
  if (r.listMethods.includes('POST')) {
    links.create = link(listUrl, 'post', formFields(r, createSerializer(r), false), r.description, true);
  }
  if (!r.lookupField || r.detailMethods.length === 0) return links;
  const url = `/${r.name}/{${r.lookupField}}`;
  const path = [pathField(r)];
  const doc = r.detailDescription ?? r.description;
  const detail = detailSerializer(r);
  if (r.detailMethods.includes('GET'))
    links.read = link(url, 'get', path, r.quirks?.detailIsList ? r.description : doc);
  if (r.quirks?.detailIsList) {
    if (r.detailMethods.includes('POST')) {
      links.create_0 = link(
        url,
        'post',
        [...path, ...formFields(r, listSerializer(r), false)],
        r.description,
        true,
      );
    }
    return links;
  }
  if (r.detailMethods.includes('PUT'))
    links.update = link(url, 'put', [...path, ...formFields(r, detail, false)], doc, true);
  if (r.detailMethods.includes('PATCH')) {
    links.partial_update = link(url, 'patch', [...path, ...formFields(r, detail, true)], doc, true);
  }
  if (r.detailMethods.includes('DELETE')) links.delete = link(url, 'delete', path, doc);
  return links;
}

const AUTH_TOKEN: CoreApiLink = link(
  '/auth-token',
  'post',
  [
    {
      name: 'username',
      required: true,
      location: 'form',
      schema: { _type: 'string', title: 'Username', description: '' },
    },
    {
      name: 'password',
      required: true,
      location: 'form',
      schema: { _type: 'string', title: 'Password', description: '' },
    },
  ],
  undefined,
  true,
);

/** The legacy CoreAPI document (`GET /docs` with `Accept: application/coreapi+json`). */
export function buildCoreApi(resources: readonly ResourceDeclaration[], baseUrl: string): CoreApiDocument {
  const doc: CoreApiDocument = {
    _type: 'document',
    _meta: { url: `${baseUrl.replace(/\/$/, '')}/docs/`, title: 'Alyx REST API documentation' },
  };
  const entries: [string, unknown][] = [['auth-token', { create: AUTH_TOKEN }]];
  for (const r of resources) entries.push([r.name, resourceLinks(r)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, value] of entries) doc[name] = value;
  return doc;
}
