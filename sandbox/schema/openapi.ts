import type { FilterDeclaration, ResourceDeclaration, Serializer } from '../resources/types.ts';
import { type JsonSchema, enumComponents, paginated, serializerComponent } from './components.ts';
import { NESTED_COMPONENTS } from './nested-components.ts';

const SECURITY = [{ cookieAuth: [] }, { tokenAuth: [] }];
const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const LIMIT = {
  name: 'limit',
  required: false,
  in: 'query',
  description: 'Number of results to return per page.',
  schema: { type: 'integer' },
};
const OFFSET = {
  name: 'offset',
  required: false,
  in: 'query',
  description: 'The initial index from which to return the results.',
  schema: { type: 'integer' },
};

export type OpenApiDocument = {
  openapi: '3.0.3';
  info: { title: string; version: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

/** `water-type` → `water_type` (operationId prefix). */
function opPrefix(name: string): string {
  return name.replace(/[-.]/g, '_');
}

export function listSerializer(r: ResourceDeclaration): Serializer {
  return r.serializers.list;
}
export function detailSerializer(r: ResourceDeclaration): Serializer {
  return r.serializers.detail ?? r.serializers.list;
}
/** The serializer of `POST /<name>` (sessions: SessionDetail). */
export function createSerializer(r: ResourceDeclaration): Serializer {
  return r.serializers.create ?? r.serializers.list;
}

export function filterSchema(filter: FilterDeclaration): JsonSchema {
  if (filter.openapiSchema) return filter.openapiSchema;
  const base: Record<FilterDeclaration['type'], JsonSchema> = {
    string: { type: 'string' },
    integer: { type: 'integer' },
    number: { type: 'number' },
    boolean: { type: 'boolean' },
    date: { type: 'string', format: 'date' },
    datetime: { type: 'string', format: 'date-time' },
    uuid: { type: 'string', format: 'uuid' },
    array: {
      type: 'array',
      items: filter.items === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'string' },
    },
  };
  const schema: JsonSchema = { ...base[filter.type] };
  if (filter.format) schema.format = filter.format;
  if (filter.choices) schema.enum = [...filter.choices];
  return schema;
}

function queryParameter(filter: FilterDeclaration): JsonSchema {
  const param: JsonSchema = { in: 'query', name: filter.name, schema: filterSchema(filter) };
  if (filter.description) param.description = filter.description;
  if (filter.type === 'array') {
    param.explode = true;
    param.style = 'form';
  }
  return param;
}

function pathParameter(r: ResourceDeclaration): JsonSchema {
  const lookup = r.lookupField ?? 'id';
  let schema: JsonSchema = { type: 'string' };
  if (lookup === 'id')
    schema = r.primaryKey === 'integer' ? { type: 'integer' } : { type: 'string', format: 'uuid' };
  return { in: 'path', name: lookup, schema, required: true };
}

function body(component: string, required: boolean): JsonSchema {
  const content = Object.fromEntries(
    ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'].map((t) => [
      t,
      { schema: REF(component) },
    ]),
  );
  return required ? { content, required: true } : { content };
}

function ok(status: '200' | '201', component: string): JsonSchema {
  return { [status]: { content: { 'application/json': { schema: REF(component) } }, description: '' } };
}

function operation(
  r: ResourceDeclaration,
  id: string,
  description: string | undefined,
  rest: JsonSchema,
): JsonSchema {
  const op: JsonSchema = { operationId: `${opPrefix(r.name)}_${id}` };
  if (description) op.description = description;
  if (rest.parameters) op.parameters = rest.parameters;
  op.tags = [r.name];
  if (rest.requestBody) op.requestBody = rest.requestBody;
  op.security = SECURITY;
  op.responses = rest.responses;
  return op;
}

function sortByName(params: JsonSchema[]): JsonSchema[] {
  return [...params].sort((a, b) =>
    String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0,
  );
}

function resourcePaths(r: ResourceDeclaration): Record<string, Record<string, JsonSchema>> {
  const out: Record<string, Record<string, JsonSchema>> = {};
  const list: Record<string, JsonSchema> = {};
  const listDoc = r.description;
  const detailDoc = r.detailDescription ?? r.description;
  const listComponent = listSerializer(r).component;
  const detailComponent = detailSerializer(r).component;
  const createComponent = createSerializer(r).component;
  if (r.listMethods.includes('GET')) {
    list.get = operation(r, 'list', listDoc, {
      parameters: sortByName([LIMIT, OFFSET, ...r.filters.map(queryParameter)]),
      responses: ok('200', `Paginated${listComponent}List`),
    });
  }
  if (r.listMethods.includes('POST')) {
    list.post = operation(r, 'create', listDoc, {
      requestBody: body(createComponent, true),
      responses: ok('201', createComponent),
    });
  }
  out[`/${r.name}`] = list;
  if (!r.lookupField || r.detailMethods.length === 0) return out;
  const path = [pathParameter(r)];
  const detail: Record<string, JsonSchema> = {};
  if (r.quirks?.detailIsList) {
    // Alyx routes `/<name>/{lookup}` to the list view: documented as a second list/create.
    if (r.detailMethods.includes('GET')) {
      detail.get = operation(r, 'list_2', listDoc, {
        parameters: sortByName([LIMIT, OFFSET, ...path]),
        responses: ok('200', `Paginated${listComponent}List`),
      });
    }
    if (r.detailMethods.includes('POST')) {
      detail.post = operation(r, 'create_2', listDoc, {
        parameters: path,
        requestBody: body(createComponent, true),
        responses: ok('201', createComponent),
      });
    }
  } else {
    for (const method of r.detailMethods) {
      if (method === 'GET')
        detail.get = operation(r, 'retrieve', detailDoc, {
          parameters: path,
          responses: ok('200', detailComponent),
        });
      if (method === 'PUT') {
        detail.put = operation(r, 'update', detailDoc, {
          parameters: path,
          requestBody: body(detailComponent, true),
          responses: ok('200', detailComponent),
        });
      }
      if (method === 'PATCH') {
        detail.patch = operation(r, 'partial_update', detailDoc, {
          parameters: path,
          requestBody: body(`Patched${detailComponent}`, false),
          responses: ok('200', detailComponent),
        });
      }
      if (method === 'DELETE') {
        detail.delete = operation(r, 'destroy', detailDoc, {
          parameters: path,
          responses: { '204': { description: 'No response body' } },
        });
      }
    }
  }
  out[`/${r.name}/{${r.lookupField}}`] = detail;
  return out;
}

function resourceComponents(r: ResourceDeclaration): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const s of [listSerializer(r), detailSerializer(r), createSerializer(r)])
    out[s.component] = serializerComponent(r, s);
  if (r.listMethods.includes('GET'))
    out[`Paginated${listSerializer(r).component}List`] = paginated(listSerializer(r).component);
  if (r.detailMethods.includes('PATCH') && !r.quirks?.detailIsList) {
    out[`Patched${detailSerializer(r).component}`] = serializerComponent(r, detailSerializer(r), true);
  }
  return out;
}

const SCHEMA_PATH = {
  get: {
    operationId: 'api_schema_retrieve',
    description:
      'OpenApi3 schema for this API. Format can be selected via content negotiation.\n\n- YAML: application/vnd.oai.openapi\n- JSON: application/vnd.oai.openapi+json',
    parameters: [{ in: 'query', name: 'format', schema: { type: 'string', enum: ['json', 'yaml'] } }],
    tags: ['api'],
    security: [...SECURITY, {}],
    responses: {
      '200': {
        content: Object.fromEntries(
          [
            'application/vnd.oai.openapi',
            'application/yaml',
            'application/vnd.oai.openapi+json',
            'application/json',
          ].map((t) => [t, { schema: { type: 'object', additionalProperties: {} } }]),
        ),
        description: '',
      },
    },
  },
};

const AUTH_TOKEN_PATH = {
  post: {
    operationId: 'auth_token_create',
    description:
      "Exchanges `username` and `password` for the user's API token (`Authorization: Token <key>`).",
    tags: ['auth-token'],
    requestBody: body('AuthToken', true),
    // Alyx's schema claims cookie/token security here; the view is in fact anonymous.
    security: [...SECURITY, {}],
    responses: ok('200', 'AuthToken'),
  },
};

/** The OpenAPI 3.0.3 document of the sandbox, in drf-spectacular's shape. Pure function of the declarations. */
export function buildOpenApi(resources: readonly ResourceDeclaration[]): OpenApiDocument {
  const paths: Record<string, Record<string, JsonSchema>> = {
    '/api/schema': SCHEMA_PATH,
    '/auth-token': AUTH_TOKEN_PATH,
  };
  let schemas: Record<string, JsonSchema> = { ...NESTED_COMPONENTS, ...enumComponents(resources) };
  for (const r of resources) {
    Object.assign(paths, resourcePaths(r));
    schemas = { ...schemas, ...resourceComponents(r) };
  }
  const sortedPaths = Object.fromEntries(
    Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const sortedSchemas = Object.fromEntries(
    Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return {
    openapi: '3.0.3',
    info: { title: '', version: '0.0.0' },
    paths: sortedPaths,
    components: {
      schemas: sortedSchemas,
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sessionid' },
        tokenAuth: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Token-based authentication with required prefix "Token"',
        },
      },
    },
  };
}
