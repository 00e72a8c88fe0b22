/**
 * The one declaration format of the sandbox. Every resource (endpoint) is declared once
 * here-shaped; routes, validation, filtering, OPTIONS metadata, the root list, OpenAPI and
 * coreapi are all generated from these declarations. Adding an endpoint = adding a declaration
 * to `sandbox/resources/registry.ts`.
 *
 * Two layers, as in Django: a *model* (what is stored: one PostgreSQL table per resource) and
 * *serializers* (what a list row / a detail object looks like on the wire, and what a write accepts).
 */

/** Storage column types. `pk` of every model is `id` (uuid, or integer for brain regions). */
export type ColumnType =
  'uuid' | 'string' | 'text' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'json';

export interface Choice {
  /** Stored value (e.g. 40 for qc FAIL, 'M' for sex). */
  value: string | number;
  /** Human label (e.g. 'FAIL', 'Male'). */
  label: string;
}

/** A stored column (model field). Relations are stored as the target's primary key. */
export interface ColumnDeclaration {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  /** Unique across the table (e.g. dataset type `name`). */
  unique?: boolean;
  maxLength?: number;
  choices?: readonly Choice[];
  /** Value when a write omits the field. A function gets the request context (e.g. current user pk). */
  default?: unknown | ((ctx: WriteContext) => unknown);
  /** Foreign key: this column holds the pk of a row of `target` (a resource name). */
  foreignKey?: { target: string; onDelete?: 'cascade' | 'set-null' | 'protect' };
  /** Many-to-many: the column holds an array of target pks (stored as uuid[] / json array). */
  manyToMany?: { target: string };
  /**
   * Django's related query name for traversing this relation backwards from the target in
   * `django=` paths (e.g. `data_dataset_session_related`). Defaults to the model name of this
   * resource's `modelLabel` (e.g. `dataset`).
   */
  relatedName?: string;
  helpText?: string;
  /** Django `blank=True` on a string/choice column: the empty string is a valid value (e.g. `sex`). */
  blank?: boolean;
  /**
   * Credential or privilege column (password hash, superuser flag…): no lookup may reach it, on any
   * endpoint or relation path, and error texts never list it. A departure from Alyx (ADR 0011).
   */
  secret?: boolean;
}

export interface WriteContext {
  /** pk of the authenticated user (row of `users`). */
  userId: string;
  username: string;
}

/** How a relation column is represented on the wire (DRF's related field classes). */
export type RelationRepresentation =
  /** SlugRelatedField: the target's slug field, e.g. subject nickname, lab name, username. */
  (
    | { kind: 'slug'; slugField: string }
    /** PrimaryKeyRelatedField: the target's pk (UUID / int). */
    | { kind: 'pk' }
    /** HyperlinkedRelatedField: absolute URL of the target's detail route. */
    | { kind: 'hyperlink' }
  ) & {
    /**
     * Target resource, for a write-only field that has no column (e.g. Dataset `subject`); a field
     * on a column takes the target from the column's `foreignKey`/`manyToMany`.
     */
    target?: string;
  };

/** Wire value types, as OpenAPI/DRF metadata describe them. */
export type WireType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'uuid'
  | 'uri'
  | 'email'
  | 'json'
  | 'choice'
  | 'array'
  | 'object';

/** A field of a serializer (one key in the JSON object). */
export interface SerializerField {
  name: string;
  /** Model column this field reads/writes; defaults to `name`. Dotted paths follow FKs (`subject.lab`). */
  source?: string;
  type: WireType;
  /** For arrays: the item wire type. */
  items?: WireType;
  readOnly?: boolean;
  writeOnly?: boolean;
  required?: boolean;
  nullable?: boolean;
  /** `label` (BaseSerializerEnumField: label on the wire, stored int) or `value` (plain choices: code on the wire). */
  choiceRepresentation?: 'label' | 'value';
  relation?: RelationRepresentation;
  /**
   * Computed, read-only value (SerializerMethodField or nested serializer). Receives the stored row
   * and a context to run queries; used for `alive`, `session_info`, embedded datasets, etc.
   */
  compute?: (row: StoredRow, ctx: RenderContext) => unknown | Promise<unknown>;
  /**
   * Batched form of `compute` for list pages: one value per row, in order. When present the engine
   * should prefer it over calling `compute` per row (declarations always provide `compute` too).
   */
  computeMany?: (rows: readonly StoredRow[], ctx: RenderContext) => Promise<unknown[]>;
  /** OpenAPI description (help_text). */
  description?: string;
  /** OpenAPI-only shape details for conformance (e.g. `$ref` component name of nested objects). */
  openapi?: Record<string, unknown>;
}

export type StoredRow = Record<string, unknown> & { id: string | number };

/** What a `compute` function can use. The engine provides it. */
export interface RenderContext {
  /** Absolute base URL of the instance as the client sees it (honours X-Forwarded-*), no trailing slash. */
  baseUrl: string;
  /** Runs a parameterised SQL query on the sandbox database. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Absolute URL of a record's detail route. */
  detailUrl(resource: string, row: StoredRow): string;
  /** Renders rows of another resource with one of its serializers. */
  render(resource: string, rows: StoredRow[], view: 'list' | 'detail'): Promise<Record<string, unknown>[]>;
}

export interface Serializer {
  /** OpenAPI component name, exactly as Alyx's openapi.json: `SessionList`, `SessionDetail`, `Dataset`… */
  component: string;
  fields: readonly SerializerField[];
}

/** A query filter of a list route (django-filter). */
export interface FilterDeclaration {
  name: string;
  /** Type of the parameter value, for OpenAPI/coreapi and the explorer's typed inputs. */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'uuid' | 'array';
  items?: 'string' | 'uuid';
  choices?: readonly (string | number)[];
  description?: string;
  /** OpenAPI `format` of the parameter (e.g. `float` for auto number filters). */
  format?: string;
  /** Full OpenAPI parameter schema when the type above cannot say it (e.g. integer arrays, nullable enums). */
  openapiSchema?: Record<string, unknown>;
  /**
   * How it filters. Common kinds are data, so the engine translates them to SQL:
   * - `lookup`: `field` (a django path, e.g. `subject__nickname`) with `lookup` (exact, iexact, icontains, gte…)
   * - `django`: the generic `field__lookup,value` parser
   * - `json`: JSON-field pairs on `field` (e.g. `extended_qc`)
   * - `date_range`: `YYYY-MM-DD,YYYY-MM-DD` on `field` (a date or datetime path)
   * - `custom`: an SQL-building function for anything else
   */
  kind:
    | { kind: 'lookup'; field: string; lookup?: string; all?: boolean; commaList?: boolean }
    | { kind: 'django' }
    | { kind: 'json'; field: string }
    | { kind: 'date_range'; field: string }
    | { kind: 'custom'; build: (value: string, helpers: FilterHelpers) => SqlFragment };
}

export interface SqlFragment {
  /** A boolean SQL expression over the resource's table, aliased `t`. Use `$?` placeholders; the engine numbers them. */
  sql: string;
  params: unknown[];
}

export interface FilterHelpers {
  /** Compiles a django lookup path (`session__subject__nickname__icontains`) and value to SQL over alias `t`. */
  lookup(path: string, value: unknown, negate?: boolean): SqlFragment;
  /** All query parameters of the request, for filters that read a sibling (`datasets` reads `dataset_qc_lte`). */
  searchParams?: URLSearchParams;
}

export interface ResourceDeclaration {
  /** Endpoint name = first path segment: `subjects`, `water-restriction`, `brain-regions`. */
  name: string;
  /** Django model label, used in `notes.content_type` etc.: `subjects.subject`, `actions.session`. */
  modelLabel: string;
  /** Human name for DRF messages and OPTIONS `name`: `Session`, `Subject`. */
  verboseName: string;
  /** View docstring (markdown), used as OpenAPI/coreapi description and OPTIONS `description`. */
  description?: string;
  /** Docstring of the detail view when it differs from the list view's (Alyx has one per view class). */
  detailDescription?: string;
  /** Group for documentation tags (`subjects`, `actions`, `data`, `experiments`, `misc`, `jobs`). */
  app: string;
  primaryKey: 'uuid' | 'integer';
  columns: readonly ColumnDeclaration[];
  /** Detail route lookup: `id`, `nickname`, `name`, `username`; absent when there is no detail route. */
  lookupField?: string;
  /** HTTP methods of the list route and the detail route, exactly as openapi.json. */
  listMethods: readonly ('GET' | 'POST')[];
  detailMethods: readonly ('GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST')[];
  serializers: {
    list: Serializer;
    /** Detail (and write) serializer; defaults to `list`. */
    detail?: Serializer;
    /** Serializer used to validate/return POST bodies when it differs (sessions POST uses SessionDetail). */
    create?: Serializer;
  };
  filters: readonly FilterDeclaration[];
  /** Default ordering, SQL over alias `t` (e.g. `t.start_time DESC`). A stable tiebreak on pk is always appended. */
  ordering?: string;
  /** Columns that must be unique together (validation error `non_field_errors`). */
  uniqueTogether?: readonly (readonly string[])[];
  /** Behaviour beyond storing a validated row: see `ResourceHooks`. */
  hooks?: ResourceHooks;
  /** Alyx quirk switches (e.g. water-type detail returning the list). */
  quirks?: {
    detailIsList?: boolean;
    /** POST on the list route also accepts a JSON array and creates every item (Alyx `/channels`). */
    bulkCreate?: boolean;
  };
}

/** Where seeders and the fixture loader write stored rows (column names = Django model field names). */
export interface RecordSink {
  insertMany(resource: string, rows: readonly StoredRow[]): Promise<void>;
}

/**
 * What a hook can use. The engine binds it to the request's write transaction: everything a hook
 * writes is rolled back when the hook (or anything after it in the request) fails.
 */
export interface HookContext extends WriteContext {
  /** Runs a parameterised SQL query inside the write transaction. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Inserts a row of `resource`; omitted columns get their declared defaults, as a POST would. */
  insert(resource: string, values: Record<string, unknown>): Promise<StoredRow>;
}

export interface CreateHookInput {
  /** Column values about to be inserted: validated, relations resolved to pks, defaults filled. */
  values: Record<string, unknown>;
  /**
   * Write-only fields without a column that the body carried, converted like any field
   * (slug relations with `relation.target` resolved to the target's pk, dates as `YYYY-MM-DD`).
   */
  writeOnly: Record<string, unknown>;
}

/**
 * Optional per-resource behaviour the engine calls inside the write transaction. A hook refuses a
 * write by throwing `WriteRefused` (resources/write-refused.ts): it becomes that status and body
 * (plus Alyx's `status_code`), and nothing the request wrote is kept.
 */
export interface ResourceHooks {
  /**
   * POST on the list route, after field validation succeeded and before the insert (once per
   * item of a bulk create). Returns the column values to insert (Alyx's serializer `create()`).
   */
  beforeCreate?(input: CreateHookInput, ctx: HookContext): Promise<Record<string, unknown>>;
  /** DELETE on the detail route, before anything is deleted (Alyx's view `delete()` checks). */
  beforeDelete?(row: StoredRow, ctx: HookContext): Promise<void>;
}
