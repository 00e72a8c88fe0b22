/**
 * Merges partial models so an instance offering any one source is fully usable. Per property the
 * best source wins (OpenAPI > coreapi > OPTIONS > root); endpoints are the union. Within a field
 * list, the winning list keeps its fields and borrows what it lacks (choices, maxLength…) from others.
 */

import type { ApiModel, EndpointModel, FieldModel, FilterModel, SchemaSource } from './model.ts';
import { isActionEndpoint } from './model-utils.ts';

const SOURCE_PRIORITY: readonly SchemaSource[] = ['openapi', 'coreapi', 'options', 'root'];

function rank(endpoint: EndpointModel): number {
  const ranks = endpoint.sources.map((source) => SOURCE_PRIORITY.indexOf(source));
  return ranks.length > 0 ? Math.min(...ranks) : SOURCE_PRIORITY.length;
}

function enrich<T extends FieldModel | FilterModel>(winner: T[], others: T[][]): T[] {
  return winner.map((field) => {
    const out = { ...field };
    for (const list of others) {
      const match = list.find((candidate) => candidate.name === field.name);
      if (!match) continue;
      if (out.choices === undefined && match.choices !== undefined) out.choices = match.choices;
      if (out.description === undefined && match.description !== undefined)
        out.description = match.description;
      if (out.itemKind === undefined && match.itemKind !== undefined) out.itemKind = match.itemKind;
      if (out.kind === 'unknown' && match.kind !== 'unknown') out.kind = match.kind;
      if ('required' in match) borrowFieldFacts(out as FieldModel, match);
    }
    return out;
  });
}

/** Per-field facts one source knows and another does not (OpenAPI bounds, OPTIONS help text…). */
const BORROWED = [
  'maxLength',
  'format',
  'default',
  'minimum',
  'maximum',
  'pattern',
  'allowBlank',
  'many',
  'relation',
] as const satisfies readonly (keyof FieldModel)[];

function borrowFieldFacts(out: FieldModel, match: FieldModel): void {
  for (const key of BORROWED) {
    if (out[key] === undefined && match[key] !== undefined) Object.assign(out, { [key]: match[key] });
  }
}

function pickList<T extends FieldModel | FilterModel>(lists: (T[] | undefined)[]): T[] | undefined {
  const present = lists.filter((list): list is T[] => list !== undefined && list.length > 0);
  const [winner, ...others] = present;
  return winner ? enrich(winner, others) : undefined;
}

function first<T>(values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

const BODY_LISTS = { POST: 'createFields', PUT: 'updateFields', PATCH: 'patchFields' } as const;

/** Per method, the source of the part whose body won (the first, by priority, that has one). */
function bodySourcesOf(sorted: EndpointModel[]): EndpointModel['bodySources'] {
  const out: NonNullable<EndpointModel['bodySources']> = {};
  for (const method of ['POST', 'PUT', 'PATCH'] as const) {
    const winner = sorted.find((part) => (part[BODY_LISTS[method]]?.length ?? 0) > 0);
    const source = winner?.bodySources?.[method] ?? winner?.sources[0];
    if (source) out[method] = source;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function mergeEndpoints(name: string, parts: EndpointModel[]): EndpointModel {
  const sorted = [...parts].sort((a, b) => rank(a) - rank(b));
  const best = sorted[0];
  if (!best) throw new Error(`No description of endpoint ${name}.`);
  const sources = SOURCE_PRIORITY.filter((source) => sorted.some((part) => part.sources.includes(source)));
  const list = first(sorted.map((part) => part.list));
  const detail = first(sorted.map((part) => part.detail));
  const detailFields = pickList(sorted.map((part) => part.detailFields)) ?? [];
  const createFields = pickList(sorted.map((part) => part.createFields));
  const updateFields = pickList(sorted.map((part) => part.updateFields));
  const patchFields = pickList(sorted.map((part) => part.patchFields));
  const listFields = pickList(sorted.map((part) => part.listFields)) ?? [];
  const merged: EndpointModel = {
    name,
    group: best.group,
    filters: pickList(sorted.map((part) => part.filters)) ?? [],
    listFields,
    detailFields,
    browsable: !isActionEndpoint(name) && sorted.every((part) => part.browsable),
    sources,
  };
  const description = first(sorted.map((part) => part.description));
  if (description !== undefined) merged.description = description;
  if (list) merged.list = list;
  if (detail) merged.detail = detail;
  const lookupField = first(sorted.map((part) => part.lookupField));
  if (lookupField !== undefined) merged.lookupField = lookupField;
  const lookupKind = first(sorted.map((part) => part.lookupKind));
  if (lookupKind !== undefined) merged.lookupKind = lookupKind;
  if (createFields) merged.createFields = createFields;
  if (updateFields) merged.updateFields = updateFields;
  if (patchFields) merged.patchFields = patchFields;
  const bodySources = bodySourcesOf(sorted);
  if (bodySources) merged.bodySources = bodySources;
  return merged;
}

export function mergeModels(models: ApiModel[], builtAt = Date.now()): ApiModel {
  const byName = new Map<string, EndpointModel[]>();
  for (const model of models) {
    for (const [name, endpoint] of Object.entries(model.endpoints)) {
      const list = byName.get(name);
      if (list) list.push(endpoint);
      else byName.set(name, [endpoint]);
    }
  }
  const endpoints: Record<string, EndpointModel> = {};
  for (const name of [...byName.keys()].sort())
    endpoints[name] = mergeEndpoints(name, byName.get(name) ?? []);
  const sources = SOURCE_PRIORITY.filter((source) => models.some((model) => model.sources.includes(source)));
  return { endpoints, sources, builtAt };
}
