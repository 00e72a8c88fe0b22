import type {
  ColumnDeclaration,
  ColumnType,
  FilterDeclaration,
  RenderContext,
  SerializerField,
  StoredRow,
  WireType,
} from './types.ts';

type ColumnOptions = Omit<ColumnDeclaration, 'name' | 'type'>;
type FieldOptions = Omit<SerializerField, 'name' | 'type'>;
type OnDelete = 'cascade' | 'set-null' | 'protect';

export const JSON_HELP = 'Structured data, formatted in a user-defined way';
export const USERNAME_HELP = 'Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.';
export const NICKNAME_HELP = "Easy-to-remember name (e.g. 'Hercules').";

// ---- model columns -------------------------------------------------------------------------

export function col(name: string, type: ColumnType, options: ColumnOptions = {}): ColumnDeclaration {
  return { name, type, ...options };
}

/** Foreign key column holding the target's pk (integer only for brain regions). */
export function fk(
  name: string,
  target: string,
  onDelete: OnDelete,
  options: ColumnOptions = {},
): ColumnDeclaration {
  const type: ColumnType = target === 'brain-regions' ? 'integer' : 'uuid';
  return { name, type, foreignKey: { target, onDelete }, nullable: onDelete === 'set-null', ...options };
}

/** Many-to-many column: an array of target pks. */
export function m2m(name: string, target: string, options: ColumnOptions = {}): ColumnDeclaration {
  const type: ColumnType = target === 'brain-regions' ? 'integer' : 'uuid';
  return { name, type, manyToMany: { target }, default: [], ...options };
}

export function jsonColumn(name = 'json', helpText = JSON_HELP): ColumnDeclaration {
  return { name, type: 'json', nullable: true, helpText };
}

/** Alyx `BaseModel.name`: optional long name. */
export function nameColumn(options: ColumnOptions = {}): ColumnDeclaration {
  return {
    name: 'name',
    type: 'string',
    maxLength: 255,
    blank: true,
    default: '',
    helpText: 'Long name',
    ...options,
  };
}

// ---- serializer fields ---------------------------------------------------------------------

export function field(name: string, type: WireType, options: FieldOptions = {}): SerializerField {
  return { name, type, ...options };
}

export function idField(type: WireType = 'uuid'): SerializerField {
  return { name: 'id', type, readOnly: true };
}

/** Hyperlinked identity field: absolute URL of the row's own detail route. */
export function urlField(resource: string): SerializerField {
  return {
    name: 'url',
    type: 'uri',
    readOnly: true,
    compute: (row, ctx) => ctx.detailUrl(resource, row),
  };
}

export function jsonField(name = 'json', description = JSON_HELP): SerializerField {
  return { name, type: 'json', nullable: true, description };
}

/** SlugRelatedField on a foreign key. */
export function slug(name: string, slugField: string, options: FieldOptions = {}): SerializerField {
  return { name, type: 'string', relation: { kind: 'slug', slugField }, ...options };
}

/** SlugRelatedField(many=True) on a many-to-many column. */
export function slugMany(name: string, slugField: string, options: FieldOptions = {}): SerializerField {
  return { name, type: 'array', items: 'string', relation: { kind: 'slug', slugField }, ...options };
}

/** PrimaryKeyRelatedField (UUID). */
export function pk(name: string, options: FieldOptions = {}): SerializerField {
  return { name, type: 'uuid', relation: { kind: 'pk' }, ...options };
}

export function pkMany(name: string, options: FieldOptions = {}): SerializerField {
  return { name, type: 'array', items: 'uuid', relation: { kind: 'pk' }, ...options };
}

/** HyperlinkedRelatedField: absolute URL of the target's detail route. */
export function link(name: string, options: FieldOptions = {}): SerializerField {
  return { name, type: 'uri', relation: { kind: 'hyperlink' }, ...options };
}

type Batch = (rows: readonly StoredRow[], ctx: RenderContext) => Promise<unknown[]>;

/** A computed field implemented once for a whole page; `compute` is the one-row form of it. */
export function batched(fn: Batch): Pick<SerializerField, 'compute' | 'computeMany'> {
  return {
    computeMany: fn,
    compute: async (row, ctx) => (await fn([row], ctx))[0] ?? null,
  };
}

/**
 * SerializerMethodField: read-only, computed; drf-spectacular documents it as a plain string
 * whatever the value really is, so the OpenAPI shape says `string`.
 */
export function method(name: string, type: WireType, fn: Batch, options: FieldOptions = {}): SerializerField {
  return {
    name,
    type,
    readOnly: true,
    ...batched(fn),
    openapi: { type: 'string', format: undefined, items: undefined },
    ...options,
  };
}

// ---- filters -------------------------------------------------------------------------------

export const djangoFilter: FilterDeclaration = {
  name: 'django',
  type: 'string',
  kind: { kind: 'django' },
  description: 'Django ORM lookups: `field__lookup,value` pairs, comma-separated; `~` negates.',
};

export function lookupFilter(
  name: string,
  type: FilterDeclaration['type'],
  path: string,
  lookup = 'exact',
  extra: Partial<FilterDeclaration> = {},
): FilterDeclaration {
  return { name, type, kind: { kind: 'lookup', field: path, lookup }, ...extra };
}

export function jsonFilter(name: string, path = name): FilterDeclaration {
  return { name, type: 'string', kind: { kind: 'json', field: path } };
}

export function dateRangeFilter(path = 'start_time'): FilterDeclaration {
  return {
    name: 'date_range',
    type: 'string',
    kind: { kind: 'date_range', field: path },
    description: 'Inclusive `YYYY-MM-DD,YYYY-MM-DD` range on the start date.',
  };
}

const AUTO_TYPES: Record<ColumnType, FilterDeclaration['type']> = {
  uuid: 'uuid',
  string: 'string',
  text: 'string',
  integer: 'integer',
  float: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  json: 'string',
};

/**
 * django-filter's auto-generated exact filters (`Meta.exclude`), for the named model fields:
 * FKs take the target pk, many-to-many filters take repeated pks with OR semantics.
 */
export function autoFilters(
  columns: readonly ColumnDeclaration[],
  names: readonly string[],
): FilterDeclaration[] {
  return names.map((name) => {
    if (name === 'id') return lookupFilter('id', 'uuid', 'id');
    const column = columns.find((c) => c.name === name);
    if (!column) throw new Error(`autoFilters: no column ${name}`);
    if (column.manyToMany) {
      const items = column.type === 'integer' ? undefined : 'uuid';
      return lookupFilter(name, 'array', name, 'in', {
        ...(items ? { items } : { openapiSchema: { type: 'array', items: { type: 'integer' } } }),
      });
    }
    const type = AUTO_TYPES[column.type];
    const extra: Partial<FilterDeclaration> = {};
    if (column.type === 'float') extra.format = 'float';
    if (column.choices) extra.choices = column.choices.map((c) => c.value);
    return lookupFilter(name, type, name, 'exact', extra);
  });
}
