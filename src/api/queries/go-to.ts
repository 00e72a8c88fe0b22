/**
 * The "go to" box: turns whatever a user pastes into a view. Accepts an explorer URL, an Alyx URL
 * of a configured instance, an instance-relative Alyx path, a UUID (searched across endpoints
 * keyed by id) or its 8-character prefix, an endpoint name, or a subject nickname.
 */

import { queryOptions } from '@tanstack/react-query';
import type { AlyxClient } from '../http/client.ts';
import { toRelativeAlyxPath } from '../http/alyx-urls.ts';
import { clientFor, instanceBases, type InstanceConfig } from '../instances.ts';
import { targetForAlyxPath, type AlyxTarget } from '../schema/endpoint-for-path.ts';
import type { ApiModel } from '../schema/model.ts';
import { alyxKeys } from './keys.ts';
import { rowKey } from './row-key.ts';
import { isUuid, safeDecode } from '../values.ts';
import { parseAlfPath, type AlfPath } from '../palette-input.ts';

export type GoToVia =
  | 'explorer-url'
  | 'alyx-url'
  | 'path'
  | 'uuid'
  | 'id-prefix'
  | 'endpoint'
  | 'nickname'
  | 'alf-session'
  | 'alf-dataset';

export interface GoToTarget extends AlyxTarget {
  /** Name of the instance the target lives on (may differ from the current one for pasted URLs). */
  instance: string;
  via: GoToVia;
}

/** Most likely first; a UUID is tried against these before the rest of the id-keyed endpoints. */
const UUID_PRIORITY = [
  'sessions',
  'datasets',
  'insertions',
  'subjects',
  'trajectories',
  'tasks',
  'files',
  'notes',
];
/** Endpoints without an id lookup that do accept `?id=` (subjects are looked up by nickname). */
const ID_FILTER_ENDPOINTS: Record<string, string> = { subjects: 'nickname', users: 'username' };

/** `/{instance}/{endpoint}/{lookup}?…` (an explorer path) → target; `~` form segments are dropped. */
function fromExplorerPath(pathname: string, search: string, instance: InstanceConfig): GoToTarget | null {
  const segments = pathname
    .split('/')
    .filter((segment) => segment.length > 0)
    .slice(1);
  const marker = segments.indexOf('~');
  const kept = marker === -1 ? segments : segments.slice(0, marker);
  if (kept.length === 0 || kept.length > 2) return null;
  const target = targetForAlyxPath(`/${kept.join('/')}${kept.length === 1 ? search : ''}`);
  return target ? { ...target, instance: instance.name, via: 'explorer-url' } : null;
}

function fromAbsoluteUrl(
  input: string,
  current: InstanceConfig,
  instances: readonly InstanceConfig[],
  model?: ApiModel,
): GoToTarget | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  const ordered = [current, ...instances.filter((candidate) => candidate.name !== current.name)];
  for (const instance of ordered) {
    const known = instanceBases(instance).filter((base) => /^https?:\/\//i.test(base));
    const relative = toRelativeAlyxPath(input, known);
    const target = relative === null ? null : targetForAlyxPath(relative);
    if (target) return { ...target, instance: instance.name, via: 'alyx-url' };
  }
  // An explorer URL: this page's origin, first segment is a configured instance name.
  const origin = typeof window === 'undefined' ? null : window.location.origin;
  if (origin && url.origin === origin) {
    const first = url.pathname.split('/')[1] ?? '';
    const instance = instances.find((candidate) => candidate.name === safeDecode(first));
    if (instance) return fromExplorerPath(url.pathname, url.search, instance);
  }
  // An Alyx URL of an instance not configured under that host: match the endpoint segment.
  if (model) {
    const relative = toRelativeAlyxPath(input, [], Object.keys(model.endpoints));
    const target = relative === null ? null : targetForAlyxPath(relative);
    if (target) return { ...target, instance: current.name, via: 'alyx-url' };
  }
  return null;
}

/** How the record found by its id is addressed: the id, or the slug of endpoints keyed by one (subjects). */
function recordLookup(
  model: ApiModel,
  endpoint: string,
  row: Record<string, unknown>,
  id: string,
): string | undefined {
  const field = model.endpoints[endpoint]?.lookupField;
  if (field === undefined || field === 'id') return id;
  const slug = row[field];
  return typeof slug === 'string' ? slug : undefined;
}

/** Endpoints whose records have a UUID `id`, most likely first. */
function uuidEndpoints(model: ApiModel): string[] {
  const keyed = Object.values(model.endpoints)
    .filter(
      (endpoint) =>
        endpoint.browsable &&
        endpoint.detail &&
        endpoint.lookupField === 'id' &&
        endpoint.lookupKind !== 'integer',
    )
    .map((endpoint) => endpoint.name);
  return [
    ...UUID_PRIORITY.filter(
      (name) => keyed.includes(name) || (name in ID_FILTER_ENDPOINTS && name in model.endpoints),
    ),
    ...keyed.filter((name) => !UUID_PRIORITY.includes(name)).sort(),
    ...Object.keys(ID_FILTER_ENDPOINTS).filter(
      (name) => name in model.endpoints && !UUID_PRIORITY.includes(name),
    ),
  ];
}

/** Tries `probe` on endpoints in small batches (the first hit usually comes first; Alyx throttles bursts). */
async function firstHit(
  candidates: readonly string[],
  probe: (endpoint: string) => Promise<GoToTarget | null>,
): Promise<GoToTarget | null> {
  for (let index = 0; index < candidates.length; index += 4) {
    const hits = await Promise.all(candidates.slice(index, index + 4).map(probe));
    const hit = hits.find((item) => item !== null);
    if (hit) return hit;
  }
  return null;
}

async function findUuid(
  client: AlyxClient,
  uuid: string,
  model: ApiModel,
  instance: string,
  signal?: AbortSignal,
): Promise<GoToTarget | null> {
  // A filtered list, not `GET /{endpoint}/{uuid}`: a miss is then a 200 with no rows, not a 404 that the
  // browser console shows in red. The row's own id is checked: an instance may ignore `django=` there.
  return firstHit(uuidEndpoints(model), async (endpoint): Promise<GoToTarget | null> => {
    const page = await client
      .listPage(endpoint, { django: `id,${uuid}`, limit: 1 }, { signal })
      .catch(() => null);
    const row = page?.results[0];
    if (!row || rowKey(endpoint, row)?.toLowerCase() !== uuid) return null;
    const lookup = recordLookup(model, endpoint, row, uuid);
    return lookup === undefined ? null : { endpoint, lookup, instance, via: 'uuid' };
  });
}

/**
 * The 8-character id prefix that tables show. `django=id__iregex,^…` rather than `__startswith`:
 * Alyx reads a digit-only value as a number, a leading `^` keeps it text; both Alyx (PostgreSQL
 * casts the uuid to text for regex lookups) and the sandbox answer it.
 */
async function findIdPrefix(
  client: AlyxClient,
  prefix: string,
  model: ApiModel,
  instance: string,
  signal?: AbortSignal,
): Promise<GoToTarget | null> {
  const django = `id__iregex,^${prefix}`;
  return firstHit(uuidEndpoints(model), async (endpoint): Promise<GoToTarget | null> => {
    const page = await client.listPage(endpoint, { django, limit: 2 }, { signal }).catch(() => null);
    if (!page || page.count === 0) return null;
    // An instance that ignores `django=` on this endpoint answers every row: not a match.
    if (!page.results.every((item) => rowKey(endpoint, item)?.toLowerCase().startsWith(prefix))) return null;
    const row = page.results[0];
    const id = row ? rowKey(endpoint, row) : undefined;
    const lookup = page.count === 1 && row && id ? recordLookup(model, endpoint, row, id) : undefined;
    if (lookup !== undefined) return { endpoint, lookup, instance, via: 'id-prefix' };
    return { endpoint, query: `django=${django}`, instance, via: 'id-prefix' };
  });
}

const sameText = (value: unknown, expected: string): boolean =>
  typeof value === 'string' && value.toLowerCase() === expected.toLowerCase();

/** The row's session number and date, checked: an instance may ignore a filter it does not know. */
function sessionMatches(row: Record<string, unknown>, alf: AlfPath): boolean {
  const start = row.start_time;
  return (
    sameText(row.subject, alf.subject) &&
    Number(row.number) === alf.number &&
    typeof start === 'string' &&
    start.slice(0, 10) === alf.date
  );
}

/**
 * An ALF path → its session (`sessions?subject=…&date_range=d,d&number=…`, REST-CONVENTIONS §4.3),
 * or with a file, its dataset (`datasets?session=…&name=…&collection=…`). A lab in the path only
 * breaks ties: a data root's folder name need not be the lab's name in Alyx.
 */
async function findAlf(
  client: AlyxClient,
  alf: AlfPath,
  model: ApiModel,
  instance: string,
  signal?: AbortSignal,
): Promise<GoToTarget | null> {
  const query = { subject: alf.subject, date_range: `${alf.date},${alf.date}`, number: String(alf.number) };
  const page = await client.listPage('sessions', { ...query, limit: 10 }, { signal });
  const sessions = page.results.filter((row) => sessionMatches(row, alf));
  const inLab = sessions.filter((row) => alf.lab !== undefined && sameText(row.lab, alf.lab));
  const chosen = inLab.length === 1 ? inLab : sessions;
  const session = chosen.length === 1 ? chosen[0] : undefined;
  const id = session ? rowKey('sessions', session) : undefined;
  if (!id) {
    if (sessions.length === 0) return null;
    return {
      endpoint: 'sessions',
      query: new URLSearchParams(query).toString(),
      instance,
      via: 'alf-session',
    };
  }
  if (alf.file === undefined || !('datasets' in model.endpoints))
    return { endpoint: 'sessions', lookup: id, instance, via: 'alf-session' };
  const filters: Record<string, string> = { session: id, name: alf.file };
  if (alf.collection !== undefined) filters.collection = alf.collection;
  const datasets = await client.listPage('datasets', { ...filters, limit: 10 }, { signal });
  const found = datasets.results.filter(
    (row) =>
      sameText(row.name, alf.file ?? '') &&
      (row.collection ?? '') === (alf.collection ?? '') &&
      (alf.revision === undefined || sameText(row.revision, alf.revision)),
  );
  const datasetId = found.length === 1 && found[0] ? rowKey('datasets', found[0]) : undefined;
  if (datasetId) return { endpoint: 'datasets', lookup: datasetId, instance, via: 'alf-dataset' };
  // Not exactly one: the filtered list shows what there is (maybe nothing) for that file.
  return {
    endpoint: 'datasets',
    query: new URLSearchParams(filters).toString(),
    instance,
    via: 'alf-dataset',
  };
}

/**
 * Resolves pasted input to a target, or null when nothing matches. URLs and paths resolve without
 * a request; UUIDs and nicknames are looked up on `instance`.
 */
export async function goToResolve(
  instance: InstanceConfig,
  input: string,
  model: ApiModel,
  instances: readonly InstanceConfig[] = [instance],
  signal?: AbortSignal,
): Promise<GoToTarget | null> {
  const text = input.trim();
  if (!text) return null;
  const client = clientFor(instance);

  // An ALF path wins over the URL or path it may be written as (a data server's file URL).
  const alf = text.includes('/') || text.includes('\\') ? parseAlfPath(text) : null;
  if (alf && 'sessions' in model.endpoints) return findAlf(client, alf, model, instance.name, signal);
  if (/^https?:\/\//i.test(text)) return fromAbsoluteUrl(text, instance, instances, model);
  if (text.startsWith('/')) {
    const queryIndex = text.indexOf('?');
    const pathname = queryIndex === -1 ? text : text.slice(0, queryIndex);
    const search = queryIndex === -1 ? '' : text.slice(queryIndex);
    const first = safeDecode(pathname.split('/')[1] ?? '');
    const named =
      first in model.endpoints ? undefined : instances.find((candidate) => candidate.name === first);
    if (named) return fromExplorerPath(pathname, search, named);
    const target = targetForAlyxPath(text);
    return target ? { ...target, instance: instance.name, via: 'path' } : null;
  }
  if (isUuid(text)) return findUuid(client, text.toLowerCase(), model, instance.name, signal);
  if (text in model.endpoints) return { endpoint: text, instance: instance.name, via: 'endpoint' };
  const queryIndex = text.indexOf('?');
  if (queryIndex > 0 && text.slice(0, queryIndex) in model.endpoints) {
    return {
      endpoint: text.slice(0, queryIndex),
      query: text.slice(queryIndex + 1),
      instance: instance.name,
      via: 'endpoint',
    };
  }
  if (/^[\w.-]+$/.test(text) && 'subjects' in model.endpoints) {
    const page = await client.listPage('subjects', { nickname: text, limit: 1 }, { signal });
    if (page.count > 0)
      return { endpoint: 'subjects', lookup: text, instance: instance.name, via: 'nickname' };
  }
  if (/^[0-9a-f]{8}$/i.test(text))
    return findIdPrefix(client, text.toLowerCase(), model, instance.name, signal);
  return null;
}

/** The go-to resolution as a query, so repeated input is answered from cache. */
export function resolveLookupQuery(
  instance: InstanceConfig,
  input: string,
  model: ApiModel,
  instances: readonly InstanceConfig[] = [instance],
) {
  const resolve = (signal: AbortSignal): Promise<GoToTarget | null> =>
    goToResolve(instance, input, model, instances, signal);
  return queryOptions({
    queryKey: alyxKeys.resolve(instance.name, input),
    queryFn: ({ signal }) => resolve(signal),
    // A miss is asked again next time: the record may have been created since.
    staleTime: (query) => (query.state.data ? 5 * 60 * 1000 : 0),
    retry: false,
  });
}
