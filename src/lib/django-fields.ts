/**
 * Field paths and lookups a `django=` row can use on an endpoint, from the neutral model. Alyx
 * schemas describe serializers, not Django models, and relations only partly (relations.ts infers
 * them from names and formats), so these are suggestions: any typed path is still sent.
 */
import type { ApiModel, EndpointModel, FieldKind, FieldModel } from '../api/schema/model.ts';
import { JSON_LOOKUPS, LOOKUPS } from './django-query.ts';

export type PathKind = FieldKind | 'relation';

export interface DjangoFieldOption {
  path: string;
  kind: PathKind;
  /** For a relation: the endpoint it points at. */
  target?: string;
}

/** Serializer-only names that no Django model has: offering them would only earn a FieldError. */
const NOT_MODEL_FIELDS = new Set(['url']);

/**
 * A read-only field the endpoint cannot filter on, or an untyped read-only string, is most likely
 * computed by the serializer (`age_weeks`, `alive`, nested lists): no Django path has that name.
 */
function likelyComputed(field: FieldModel, filters: ReadonlySet<string>): boolean {
  if (!field.readOnly) return false;
  if (filters.size > 0 && !filters.has(field.name)) return true;
  return field.kind === 'string' && !field.relation && !field.format && !field.choices;
}

function endpointFields(endpoint: EndpointModel): FieldModel[] {
  const seen = new Set<string>();
  const filters = new Set(endpoint.filters.map((filter) => filter.name));
  return [...endpoint.detailFields, ...endpoint.listFields].filter((field) => {
    if (seen.has(field.name) || field.writeOnly || NOT_MODEL_FIELDS.has(field.name)) return false;
    if (likelyComputed(field, filters)) return false;
    seen.add(field.name);
    return true;
  });
}

/**
 * Every path of `endpointName`'s fields, following relations up to `maxHops` endpoints away
 * (`session__subject__nickname` from datasets). Paths are unique; the nearest ones come first.
 */
export function djangoFieldOptions(model: ApiModel, endpointName: string, maxHops = 2): DjangoFieldOption[] {
  const out: DjangoFieldOption[] = [];
  const seen = new Set<string>();
  let level: { prefix: string; endpoint: EndpointModel }[] = [];
  const start = model.endpoints[endpointName];
  if (start) level.push({ prefix: '', endpoint: start });
  for (let hop = 0; hop <= maxHops && level.length > 0; hop += 1) {
    const next: typeof level = [];
    for (const { prefix, endpoint } of level) {
      for (const field of endpointFields(endpoint)) {
        const path = `${prefix}${field.name}`;
        if (seen.has(path)) continue;
        seen.add(path);
        const target = field.relation ? model.endpoints[field.relation.endpoint] : undefined;
        if (target && field.relation) {
          out.push({ path, kind: 'relation', target: field.relation.endpoint });
          if (hop < maxHops) next.push({ prefix: `${path}__`, endpoint: target });
        } else out.push({ path, kind: field.kind === 'array' ? (field.itemKind ?? 'array') : field.kind });
      }
    }
    level = next;
  }
  return out;
}

const TEXT = [
  'icontains',
  'iexact',
  'exact',
  'contains',
  'istartswith',
  'startswith',
  'iendswith',
  'endswith',
  'in',
  'iregex',
  'regex',
  'isnull',
];
const NUMBER = ['exact', 'gt', 'gte', 'lt', 'lte', 'range', 'in', 'isnull'];
const DATE = ['exact', 'gte', 'lte', 'gt', 'lt', 'range', 'year', 'month', 'day', 'week_day', 'isnull'];
const DATETIME = [
  'date',
  'date__gte',
  'date__lte',
  'gte',
  'lte',
  'gt',
  'lt',
  'range',
  'date__range',
  'year',
  'year__gte',
  'year__lte',
  'month',
  'day',
  'hour',
  'week_day',
  'isnull',
];
const JSON = ['exact', ...JSON_LOOKUPS, 'contains', 'icontains', 'gt', 'gte', 'lt', 'lte', 'in', 'isnull'];
const ALL = [...LOOKUPS, ...JSON_LOOKUPS];

export function isJsonKind(kind: PathKind | undefined): boolean {
  return kind === 'json' || kind === 'object';
}

/** The option a typed path is, or lies inside (a JSON key path under a JSON field). */
export function optionFor(
  options: readonly DjangoFieldOption[],
  path: string,
): DjangoFieldOption | undefined {
  const exact = options.find((option) => option.path === path);
  if (exact) return exact;
  return options.find((option) => isJsonKind(option.kind) && path.startsWith(`${option.path}__`));
}

/** Lookups suited to a path's kind; an unknown path (typed by hand) gets them all. */
export function lookupsFor(kind: PathKind | undefined): string[] {
  switch (kind) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      return TEXT;
    case 'choice':
      // Alyx stores some choices as numbers (`qc__lt,40`) and shows their labels.
      return ['exact', 'in', 'lt', 'lte', 'gt', 'gte', 'icontains', 'isnull'];
    case 'integer':
    case 'number':
      return NUMBER;
    case 'boolean':
      return ['exact', 'isnull'];
    case 'date':
      return DATE;
    case 'datetime':
      return DATETIME;
    case 'uuid':
    case 'relation':
      return ['exact', 'in', 'isnull'];
    case 'json':
    case 'object':
      return JSON;
    default:
      return ALL;
  }
}
