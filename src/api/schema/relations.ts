/**
 * Which endpoint and lookup a field's value points to. Alyx schemas never say: a related field
 * is a slug (nickname, name, username), a UUID, or an absolute hyperlink depending on the
 * serializer (REST-CONVENTIONS §5). Inference, strongest first: explicit overrides for what
 * cannot be inferred, the value format in the schema (uuid → `id`, uri → `url`), the field name,
 * then endpoint names with a lookup.
 */

import type { ApiModel, EndpointModel, FieldKind, FieldModel, FilterModel, RelationTarget } from './model.ts';

interface NameRule {
  endpoint: string;
  lookup: string;
}

/**
 * THE relation table: a field or filter name → the endpoint it points at and the lookup its value
 * holds, wherever the name means the same. Views never keep their own: they read `relation` from
 * the model, and `endpointForName` for nested serializers (sub-tables) the model cannot type.
 */
const NAME_RULES: Record<string, NameRule> = {
  subject: { endpoint: 'subjects', lookup: 'nickname' },
  nickname: { endpoint: 'subjects', lookup: 'nickname' },
  subjects_responsible: { endpoint: 'subjects', lookup: 'nickname' },
  lab: { endpoint: 'labs', lookup: 'name' },
  labs: { endpoint: 'labs', lookup: 'name' },
  user: { endpoint: 'users', lookup: 'username' },
  users: { endpoint: 'users', lookup: 'username' },
  responsible_user: { endpoint: 'users', lookup: 'username' },
  created_by: { endpoint: 'users', lookup: 'username' },
  allowed_users: { endpoint: 'users', lookup: 'username' },
  session: { endpoint: 'sessions', lookup: 'id' },
  parent_session: { endpoint: 'sessions', lookup: 'id' },
  session_info: { endpoint: 'sessions', lookup: 'id' },
  dataset_type: { endpoint: 'dataset-types', lookup: 'name' },
  dataset_types: { endpoint: 'dataset-types', lookup: 'name' },
  data_format: { endpoint: 'data-formats', lookup: 'name' },
  data_repository: { endpoint: 'data-repository', lookup: 'name' },
  repositories: { endpoint: 'data-repository', lookup: 'name' },
  repository_type: { endpoint: 'data-repository-type', lookup: 'name' },
  project: { endpoint: 'projects', lookup: 'name' },
  projects: { endpoint: 'projects', lookup: 'name' },
  session_projects: { endpoint: 'projects', lookup: 'name' },
  probe_insertion: { endpoint: 'insertions', lookup: 'id' },
  chronic_insertion: { endpoint: 'chronic-insertions', lookup: 'id' },
  dataset: { endpoint: 'datasets', lookup: 'id' },
  datasets: { endpoint: 'datasets', lookup: 'id' },
  data_dataset_session_related: { endpoint: 'datasets', lookup: 'id' },
  file_records: { endpoint: 'files', lookup: 'id' },
  trajectory_estimate: { endpoint: 'trajectories', lookup: 'id' },
  brain_region: { endpoint: 'brain-regions', lookup: 'id' },
  related_descriptions: { endpoint: 'brain-regions', lookup: 'id' },
  tag: { endpoint: 'tags', lookup: 'name' },
  tags: { endpoint: 'tags', lookup: 'name' },
  revision: { endpoint: 'revisions', lookup: 'name' },
  water_type: { endpoint: 'water-type', lookup: 'name' },
  location: { endpoint: 'locations', lookup: 'name' },
  procedures: { endpoint: 'procedures', lookup: 'name' },
  stack: { endpoint: 'imaging-stack', lookup: 'id' },
  notes: { endpoint: 'notes', lookup: 'id' },
  field_of_view: { endpoint: 'fields-of-view', lookup: 'id' },
  weighings: { endpoint: 'weighings', lookup: 'id' },
  water_administrations: { endpoint: 'water-administrations', lookup: 'id' },
  wateradmin_session_related: { endpoint: 'water-administrations', lookup: 'id' },
  parents: { endpoint: 'tasks', lookup: 'id' },
};

/** Per endpoint, field names that mean something else there, or whose representation differs. */
const FIELD_OVERRIDES: Record<string, Record<string, RelationTarget | null>> = {
  surgeries: {
    lab: { endpoint: 'labs', lookup: 'id', source: 'override' },
    users: { endpoint: 'users', lookup: 'id', source: 'override' },
    location: { endpoint: 'locations', lookup: 'id', source: 'override' },
    procedures: { endpoint: 'procedures', lookup: 'id', source: 'override' },
  },
  datasets: { session: { endpoint: 'sessions', lookup: 'url', source: 'override' } },
  files: { dataset: { endpoint: 'datasets', lookup: 'url', source: 'override' } },
  sessions: { parent_session: { endpoint: 'sessions', lookup: 'url', source: 'override' } },
  tasks: { parents: { endpoint: 'tasks', lookup: 'id', source: 'override' } },
  'brain-regions': { parent: { endpoint: 'brain-regions', lookup: 'id', source: 'override' } },
  'water-restricted-subjects': { nickname: null },
  subjects: { nickname: null },
  users: { lab: { endpoint: 'labs', lookup: 'name', source: 'override' } },
};

/**
 * Filters, which often take something else than the field shows: auto-generated FK/M2M filters
 * take primary keys even where the field shows a slug, and hand-written ones take names even
 * where the field is a UUID (REST-CONVENTIONS §4.4). Field overrides do not apply to filters.
 */
const FILTER_OVERRIDES: Record<string, Record<string, RelationTarget | null>> = {
  datasets: {
    session: { endpoint: 'sessions', lookup: 'id', source: 'override' },
    data_format: { endpoint: 'data-formats', lookup: 'id', source: 'override' },
    tags: { endpoint: 'tags', lookup: 'id', source: 'override' },
  },
  subjects: { nickname: null, projects: { endpoint: 'projects', lookup: 'id', source: 'override' } },
  sessions: {
    nickname: { endpoint: 'subjects', lookup: 'nickname', source: 'override' },
    // Exact dataset *names*, which many datasets share: no dataset record is "the" value.
    datasets: { endpoint: 'datasets', lookup: 'name', source: 'override' },
  },
  insertions: { datasets: { endpoint: 'datasets', lookup: 'name', source: 'override' } },
  // BaseActionFilter: users, lab and location by name although surgeries show them as UUIDs.
  surgeries: {
    users: { endpoint: 'users', lookup: 'username', source: 'override' },
    lab: { endpoint: 'labs', lookup: 'name', source: 'override' },
    location: { endpoint: 'locations', lookup: 'name', source: 'override' },
    procedures: { endpoint: 'procedures', lookup: 'id', source: 'override' },
  },
  'data-notices': { created_by: { endpoint: 'users', lookup: 'id', source: 'override' } },
};

function plural(name: string): string[] {
  const dashed = name.replace(/_/g, '-');
  return [dashed, `${dashed}s`, dashed.replace(/y$/, 'ies')];
}

function byFormat(
  kind: FieldKind,
  itemKind: FieldKind | undefined,
  format: string | undefined,
  rule: NameRule,
): RelationTarget | null {
  const valueKind = kind === 'array' ? itemKind : kind;
  if (valueKind === 'uuid' || format === 'uuid')
    return { endpoint: rule.endpoint, lookup: 'id', source: 'schema' };
  if (valueKind === 'url' || format === 'uri')
    return { endpoint: rule.endpoint, lookup: 'url', source: 'schema' };
  return null;
}

function endpointRule(name: string, model: ApiModel): NameRule | null {
  for (const candidate of plural(name)) {
    const target = model.endpoints[candidate];
    if (target?.lookupField) return { endpoint: candidate, lookup: target.lookupField };
  }
  return null;
}

const RELATABLE_KINDS = new Set<FieldKind>([
  'string',
  'uuid',
  'url',
  'integer',
  'array',
  'unknown',
  'choice',
]);

/** The relation of one field or filter of `endpoint`, or undefined. */
export function inferRelation(
  endpoint: string,
  item: Pick<FieldModel, 'name' | 'kind' | 'itemKind' | 'format'>,
  model: ApiModel,
  role: 'field' | 'filter',
): RelationTarget | undefined {
  if (item.name === 'id' || item.name === 'url') return undefined;
  if (item.kind === 'array' && item.itemKind !== undefined && !RELATABLE_KINDS.has(item.itemKind))
    return undefined;
  if (!RELATABLE_KINDS.has(item.kind)) return undefined;
  const overrides = role === 'filter' ? FILTER_OVERRIDES[endpoint] : FIELD_OVERRIDES[endpoint];
  const known = (target: RelationTarget | null | undefined): RelationTarget | undefined =>
    target && model.endpoints[target.endpoint] ? target : undefined;

  if (overrides && item.name in overrides) {
    const override = overrides[item.name];
    // A filter on a hyperlinked field still takes the primary key.
    if (override && role === 'filter' && override.lookup === 'url')
      return known({ ...override, lookup: 'id' });
    return known(override);
  }
  const rule = NAME_RULES[item.name] ?? endpointRule(item.name, model);
  if (!rule) return undefined;
  const formatted = byFormat(item.kind, item.itemKind, item.format, rule);
  if (formatted)
    return known(
      role === 'filter' && formatted.lookup === 'url' ? { ...formatted, lookup: 'id' } : formatted,
    );
  const source = NAME_RULES[item.name] ? 'name' : 'schema';
  return known({ endpoint: rule.endpoint, lookup: rule.lookup, source });
}

function withRelations<T extends FieldModel | FilterModel>(
  endpoint: string,
  items: T[],
  model: ApiModel,
  role: 'field' | 'filter',
): T[] {
  return items.map((item) => {
    if (item.relation) return item;
    const relation = inferRelation(
      endpoint,
      {
        name: item.name,
        kind: item.kind,
        itemKind: item.itemKind,
        format: 'format' in item ? item.format : undefined,
      },
      model,
      role,
    );
    return relation ? { ...item, relation } : item;
  });
}

/** A list of related lookups (M2M: a session's `users`, a subject's `projects`). */
function withMany(field: FieldModel): FieldModel {
  return field.relation && field.kind === 'array' && field.many === undefined
    ? { ...field, many: true }
    : field;
}

/**
 * `relation` (and `many` for lists of lookups) on each field of one of `endpoint`'s field lists:
 * for lists that reach the model later, such as an OPTIONS answer fetched when a form opens.
 */
export function relateFields(endpoint: string, fields: FieldModel[], model: ApiModel): FieldModel[] {
  return withRelations(endpoint, fields, model, 'field').map(withMany);
}

/**
 * The endpoint a field name points at when the model states no relation for it (nested
 * serializers: a session's `data_dataset_session_related`, a subject's `weighings`).
 */
export function endpointForName(model: ApiModel, fieldName: string): EndpointModel | undefined {
  const named = NAME_RULES[fieldName]?.endpoint;
  const dashed = fieldName.replace(/_/g, '-');
  for (const name of [named, dashed, `${dashed}s`]) {
    const found = name === undefined ? undefined : model.endpoints[name];
    if (found) return found;
  }
  return undefined;
}

/** The relation the model states for a field of an endpoint (detail representation first, then list). */
export function fieldRelation(
  endpoint: EndpointModel | undefined,
  fieldName: string,
): RelationTarget | undefined {
  if (!endpoint) return undefined;
  return (
    endpoint.detailFields.find((f) => f.name === fieldName)?.relation ??
    endpoint.listFields.find((f) => f.name === fieldName)?.relation
  );
}

/** Returns the model with `relation` filled on every field and filter where one can be inferred. */
export function applyRelations(model: ApiModel): ApiModel {
  const endpoints: Record<string, EndpointModel> = {};
  for (const [name, endpoint] of Object.entries(model.endpoints)) {
    const next: EndpointModel = {
      ...endpoint,
      filters: withRelations(name, endpoint.filters, model, 'filter'),
      listFields: relateFields(name, endpoint.listFields, model),
      detailFields: relateFields(name, endpoint.detailFields, model),
    };
    if (endpoint.createFields) next.createFields = relateFields(name, endpoint.createFields, model);
    if (endpoint.updateFields) next.updateFields = relateFields(name, endpoint.updateFields, model);
    if (endpoint.patchFields) next.patchFields = relateFields(name, endpoint.patchFields, model);
    endpoints[name] = next;
  }
  return { ...model, endpoints };
}
