/**
 * Where a value in a record points, as an explorer route: slugs and UUIDs through the model's
 * relation targets, absolute Alyx hyperlinks by swapping the base, a few well-known field names
 * for nested objects the model does not describe.
 */
import type { ResolvedLink } from '../../components/PrefetchLink.tsx';
import type { ApiModel, EndpointModel, RelationTarget } from '../../api/schema/model.ts';
import { toRelativeAlyxPath } from '../../api/http/alyx-urls.ts';
import { targetForAlyxPath } from '../../api/schema/endpoint-for-path.ts';
import { paths } from '../../config/paths.ts';
import { isUuid } from '../../api/values.ts';

export interface LinkContext {
  instance: string;
  model: ApiModel;
  /** Bases an Alyx hyperlink of this instance may start with (instanceBases). */
  bases: readonly string[];
}

export type ValueLink = ResolvedLink;

const HTTP = /^https?:\/\//i;

/** Field names whose target the model may not state: nested serializers and name-inferred slugs. */
const NAMED_TARGETS: Readonly<Record<string, string>> = {
  subject: 'subjects',
  nickname: 'subjects',
  session: 'sessions',
  parent_session: 'sessions',
  lab: 'labs',
  user: 'users',
  users: 'users',
  responsible_user: 'users',
  created_by: 'users',
  allowed_users: 'users',
  project: 'projects',
  projects: 'projects',
  session_projects: 'projects',
  dataset: 'datasets',
  datasets: 'datasets',
  data_dataset_session_related: 'datasets',
  dataset_type: 'dataset-types',
  data_format: 'data-formats',
  probe_insertion: 'insertions',
  chronic_insertion: 'chronic-insertions',
  trajectory_estimate: 'trajectories',
  brain_region: 'brain-regions',
  water_type: 'water-type',
  data_repository: 'data-repository',
  revision: 'revisions',
  tags: 'tags',
  location: 'locations',
  procedures: 'procedures',
  notes: 'notes',
  field_of_view: 'fields-of-view',
  file_records: 'files',
  weighings: 'weighings',
  water_administrations: 'water-administrations',
  wateradmin_session_related: 'water-administrations',
  related_descriptions: 'brain-regions',
  session_info: 'sessions',
  parents: 'tasks',
};

/** The endpoint a field (or a nested array of objects) names, if the instance has it. */
export function endpointNamed(model: ApiModel, fieldName: string): EndpointModel | undefined {
  const candidates = [
    NAMED_TARGETS[fieldName],
    fieldName.replace(/_/g, '-'),
    `${fieldName.replace(/_/g, '-')}s`,
  ];
  for (const name of candidates) {
    const found = name === undefined ? undefined : model.endpoints[name];
    if (found) return found;
  }
  return undefined;
}

function linkFromUrl(ctx: LinkContext, url: string, allowEndpointGuess: boolean): ValueLink {
  const relative = toRelativeAlyxPath(
    url,
    ctx.bases,
    allowEndpointGuess ? Object.keys(ctx.model.endpoints) : undefined,
  );
  const target = relative === null ? null : targetForAlyxPath(relative);
  if (target && target.endpoint in ctx.model.endpoints) {
    const to = paths.target(ctx.instance, target);
    return target.lookup === undefined
      ? { kind: 'app', to, endpoint: target.endpoint }
      : { kind: 'app', to, endpoint: target.endpoint, lookup: target.lookup };
  }
  return { kind: 'external', href: url };
}

function linkByLookup(
  ctx: LinkContext,
  target: EndpointModel,
  lookup: string,
  value: string,
): ValueLink | null {
  const lookupField = target.lookupField ?? 'id';
  if (target.detail && lookup === lookupField) {
    return {
      kind: 'app',
      to: paths.record(ctx.instance, target.name, value),
      endpoint: target.name,
      lookup: value,
    };
  }
  // e.g. surgeries give their lab as a UUID while /labs/{name} wants the name: fall back to a filtered list.
  if (target.list && target.filters.some((f) => f.name === lookup)) {
    return {
      kind: 'app',
      to: paths.list(ctx.instance, target.name, { [lookup]: value }),
      endpoint: target.name,
    };
  }
  return null;
}

/**
 * A link for one scalar value of field `fieldName`. `relation` is the model's statement when
 * there is one; without it the field name and the value's shape (UUID or slug) decide.
 */
export function resolveValueLink(
  ctx: LinkContext,
  fieldName: string,
  value: unknown,
  relation?: RelationTarget,
): ValueLink | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  if (text === '') return null;
  if (HTTP.test(text))
    return linkFromUrl(
      ctx,
      text,
      relation?.lookup === 'url' || fieldName === 'url' || fieldName in NAMED_TARGETS,
    );

  if (relation) {
    const target = ctx.model.endpoints[relation.endpoint];
    return target ? linkByLookup(ctx, target, relation.lookup, text) : null;
  }
  const target = endpointNamed(ctx.model, fieldName);
  if (!target) return null;
  const targetLookup = target.lookupField ?? 'id';
  if (isUuid(text)) return linkByLookup(ctx, target, 'id', text);
  if (typeof value === 'number')
    return targetLookup === 'id' && target.lookupKind === 'integer'
      ? linkByLookup(ctx, target, 'id', text)
      : null;
  return targetLookup === 'id' ? null : linkByLookup(ctx, target, targetLookup, text);
}

/** The relation the model states for a field of an endpoint (list or detail representation). */
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
