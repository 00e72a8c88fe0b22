/** Which input each Alyx filter gets, and which filters the panel shows before "add filter". */
import type { ApiModel, ChoiceOption, EndpointModel, FilterModel } from '../../api/schema/model.ts';

export type FilterInputKind =
  'text' | 'number' | 'date' | 'datetime' | 'date_range' | 'choice' | 'boolean' | 'relation' | 'uuid';

export interface FilterInput {
  filter: FilterModel;
  kind: FilterInputKind;
  /** For relation pickers: the endpoint whose values are offered and the field holding them. */
  source?: { endpoint: string; field: string };
  /** For choice filters: the options, labelled as the table labels the field's values. */
  choices?: ChoiceOption[];
}

/** Paging is the pager's job; everything else is a filter. */
const NOT_FILTERS = new Set(['limit', 'offset', 'format']);

const PINNED: Readonly<Record<string, readonly string[]>> = {
  sessions: ['subject', 'lab', 'date_range', 'task_protocol', 'projects'],
  datasets: ['session', 'subject', 'dataset_type', 'collection', 'name'],
  subjects: ['nickname', 'lab', 'responsible_user', 'alive'],
  insertions: ['session', 'subject', 'name'],
  weighings: ['subject'],
  'water-administrations': ['subject'],
  tasks: ['session', 'status', 'name'],
  notes: ['object_id'],
};

const DATE_NAME = /(^|_)date(_gte|_lte)?$/;

/** A picker offers the target's values when the filter's relation (from the model) takes a slug. */
function sourceFor(model: ApiModel, filter: FilterModel): FilterInput['source'] {
  const relation = filter.relation;
  if (!relation || relation.lookup === 'id' || relation.lookup === 'url' || relation.lookup === 'pk')
    return undefined;
  return model.endpoints[relation.endpoint]?.list
    ? { endpoint: relation.endpoint, field: relation.lookup }
    : undefined;
}

const labelled = (choices: readonly ChoiceOption[] | undefined): boolean =>
  choices?.some((choice) => choice.label !== choice.value) ?? false;

/**
 * A choice filter's options with the labels the table shows: the filter's own labels, or, when it
 * has codes only, those of the endpoint's field of the same name (sex "M" → "Male").
 */
export function filterChoices(endpoint: EndpointModel | undefined, filter: FilterModel): ChoiceOption[] {
  const own = filter.choices ?? [];
  if (labelled(own) || !endpoint) return own;
  const field = [...endpoint.listFields, ...endpoint.detailFields].find(
    (candidate) => candidate.name === filter.name && labelled(candidate.choices),
  );
  const labels = new Map((field?.choices ?? []).map((choice) => [choice.value, choice.label]));
  return own.map((choice) => ({ value: choice.value, label: labels.get(choice.value) ?? choice.label }));
}

export function filterInput(model: ApiModel, filter: FilterModel, endpoint?: EndpointModel): FilterInput {
  if (filter.name === 'date_range') return { filter, kind: 'date_range' };
  if (filter.choices && filter.choices.length > 0)
    return { filter, kind: 'choice', choices: filterChoices(endpoint, filter) };
  if (filter.kind === 'boolean') return { filter, kind: 'boolean' };
  if (filter.kind === 'integer' || filter.kind === 'number') return { filter, kind: 'number' };
  if (
    filter.kind === 'date' ||
    (DATE_NAME.test(filter.name) && (filter.kind === 'string' || filter.kind === 'datetime'))
  ) {
    return { filter, kind: 'date' };
  }
  if (filter.kind === 'datetime') return { filter, kind: 'datetime' };
  const source = filter.kind === 'uuid' ? undefined : sourceFor(model, filter);
  if (source) return { filter, kind: 'relation', source };
  if (filter.kind === 'uuid' || filter.itemKind === 'uuid') return { filter, kind: 'uuid' };
  return { filter, kind: 'text' };
}

export function listFilters(endpoint: EndpointModel | undefined): FilterModel[] {
  return (endpoint?.filters ?? []).filter((f) => !NOT_FILTERS.has(f.name));
}

/**
 * Filters shown up front: the endpoint's usual ones (or its first relation filters), then the others
 * in the URL. Usual ones come first so that applying values never moves a box.
 */
export function shownFilterNames(
  endpoint: EndpointModel | undefined,
  activeNames: Iterable<string>,
  model: ApiModel,
): string[] {
  const filters = listFilters(endpoint);
  const known = new Set(filters.map((f) => f.name));
  const pinned = endpoint ? PINNED[endpoint.name] : undefined;
  const usual =
    pinned?.filter((name) => known.has(name)) ??
    filters
      .filter((f) => f.name !== 'django' && filterInput(model, f).kind === 'relation')
      .slice(0, 4)
      .map((f) => f.name);
  const names: string[] = [];
  for (const name of [...usual, ...activeNames]) {
    if (known.has(name) && !names.includes(name) && name !== 'django') names.push(name);
  }
  return names;
}

/** Query keys Alyx will silently ignore on this endpoint (ONE warns about these too). */
export function unknownParams(endpoint: EndpointModel | undefined, search: URLSearchParams): string[] {
  if (!endpoint || endpoint.filters.length === 0) return [];
  const known = new Set([...endpoint.filters.map((f) => f.name), ...NOT_FILTERS]);
  return [...new Set([...search.keys()])].filter((key) => !known.has(key));
}

export function splitDateRange(value: string): [string, string] {
  const [from = '', to = ''] = value.split(',');
  return [from.trim(), to.trim()];
}

/** Alyx's date_range needs both ends (one date is a 500): an open end becomes a far date. */
export function joinDateRange(from: string, to: string): string {
  if (!from && !to) return '';
  return `${from || '1900-01-01'},${to || '2100-12-31'}`;
}

/**
 * The query after applying the panel: parameters the panel does not show are kept as they are
 * (repeated keys, django=, limit), shown filters take the draft's non-empty values, paging restarts.
 */
export function mergeFilters(
  search: URLSearchParams,
  shown: readonly string[],
  draft: Readonly<Record<string, string>>,
): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of search) if (!shown.includes(key) && key !== 'offset') next.append(key, value);
  for (const name of shown) {
    const value = draft[name]?.trim();
    if (value) next.set(name, value);
  }
  return next;
}
