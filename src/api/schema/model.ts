/**
 * The neutral API model. Every discovery source (root list, OpenAPI, coreapi, OPTIONS) is parsed
 * into this shape and merged; every view renders only from it, never from raw schema JSON.
 */

export type FieldKind =
  | 'string'
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'uuid'
  | 'url'
  | 'email'
  | 'choice'
  | 'json'
  | 'array'
  | 'object'
  | 'unknown';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** Where a field's value points: an endpoint and the lookup field its value holds. */
export interface RelationTarget {
  endpoint: string;
  /** The lookup the value holds: `nickname`, `name`, `username`, `id`; `url` for absolute hyperlinks. */
  lookup: string;
  /** How the target was found, for debugging and docs. */
  source: 'override' | 'schema' | 'name' | 'value';
}

export interface FieldModel {
  name: string;
  kind: FieldKind;
  /** Item kind for arrays. */
  itemKind?: FieldKind;
  format?: string;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  nullable: boolean;
  maxLength?: number;
  choices?: ChoiceOption[];
  description?: string;
  relation?: RelationTarget;
  /** The value a create form starts from (schema `default`, DRF `default`). */
  default?: unknown;
  /** Inclusive bounds of numbers. */
  minimum?: number;
  maximum?: number;
  /** A regular expression the whole value must match (slug fields, nicknames). */
  pattern?: string;
  /** A string field that accepts `''` (distinct from `nullable`, which accepts `null`). */
  allowBlank?: boolean;
  /** Holds a list of lookups of `relation` (many-to-many). */
  many?: boolean;
}

export interface FilterModel {
  name: string;
  kind: FieldKind;
  itemKind?: FieldKind;
  choices?: ChoiceOption[];
  description?: string;
  relation?: RelationTarget;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteModel {
  /** Path template relative to the instance root, e.g. `/sessions` or `/sessions/{id}`. */
  path: string;
  methods: HttpMethod[];
}

export type SchemaSource = 'root' | 'openapi' | 'coreapi' | 'options';

export interface EndpointModel {
  /** First path segment: `subjects`, `water-restriction`. */
  name: string;
  /** Navigation group: `subjects`, `actions`, `data`, `experiments`, `misc`, `jobs`, `other`. */
  group: string;
  /** Markdown documentation (sanitise before rendering). */
  description?: string;
  list?: RouteModel;
  detail?: RouteModel;
  /** Detail path parameter name: `id`, `nickname`, `name`, `username`. */
  lookupField?: string;
  /** Type of the lookup value (uuid for `id` on most endpoints, integer for brain regions). */
  lookupKind?: FieldKind;
  filters: FilterModel[];
  /** Fields of list rows. */
  listFields: FieldModel[];
  /** Fields of the detail representation (and write bodies). */
  detailFields: FieldModel[];
  /** Fields accepted by create (POST) when known separately. */
  createFields?: FieldModel[];
  /** Fields accepted by replace (PUT) when known separately. */
  updateFields?: FieldModel[];
  /** Fields accepted by partial update (PATCH, OpenAPI `Patched*` bodies) when known separately. */
  patchFields?: FieldModel[];
  /**
   * Which source described each write body above. OpenAPI and OPTIONS describe a body fully;
   * a coreapi form lacks read-only flags, formats and choices, so OPTIONS is still worth asking.
   */
  bodySources?: Partial<Record<'POST' | 'PUT' | 'PATCH', SchemaSource>>;
  /** False for action endpoints that are not browsable resources (`register-file`, `sync-file-status`…). */
  browsable: boolean;
  sources: SchemaSource[];
}

export interface ApiModel {
  endpoints: Record<string, EndpointModel>;
  /** Which sources contributed. */
  sources: SchemaSource[];
  /** When the model was built (ms since epoch), for the cache TTL indicator. */
  builtAt: number;
}
