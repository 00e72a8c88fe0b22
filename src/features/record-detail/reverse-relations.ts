/**
 * Reverse relations found from the model: endpoints whose list has a filter whose relation points
 * at this endpoint (a subject's sessions, weighings, water administrations; a session's datasets,
 * insertions, tasks). Each gives the filter and the value to pass, taken from the record.
 */
import type { ApiModel, EndpointModel, FilterModel } from '../../api/schema/model.ts';
import { lastSegment } from '../../api/http/alyx-urls.ts';

export interface ReverseRelation {
  endpoint: string;
  filter: string;
  value: string;
}

type RecordData = Record<string, unknown>;

/** `subjects` → `subject`: among several filters pointing here, the one named so wins (sessions: `subject` over `nickname`). */
export function singular(endpoint: string): string {
  const snake = endpoint.replace(/-/g, '_');
  if (snake.endsWith('ies')) return `${snake.slice(0, -3)}y`;
  if (snake.endsWith('ses')) return snake.slice(0, -2);
  return snake.endsWith('s') ? snake.slice(0, -1) : snake;
}

const ORDER = [
  'sessions',
  'datasets',
  'insertions',
  'trajectories',
  'weighings',
  'water-administrations',
  'water-restriction',
  'surgeries',
  'tasks',
  'notes',
  'files',
  'subjects',
];

function scalar(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The record's id: `id`, else the last segment of its `url` (datasets, weighings have no `id`). */
export function recordId(record: RecordData): string | null {
  const id = scalar(record['id']);
  if (id) return id;
  const url = scalar(record['url']);
  return url ? lastSegment(url) : null;
}

/**
 * What to pass to a filter whose relation (from the model) points at this endpoint: the record's
 * id for filters taking ids, its lookup for filters taking that lookup. A filter taking anything
 * else (`sessions?datasets=` takes dataset *names*, shared by many datasets) gives no tab: a
 * reverse tab is right or absent.
 */
function valueFor(
  filter: FilterModel,
  self: EndpointModel,
  record: RecordData,
  lookup: string,
): string | null {
  const wanted = filter.relation?.lookup;
  if (wanted === 'id' || wanted === 'pk') return recordId(record);
  const lookupField = self.lookupField ?? 'id';
  if (wanted === undefined || wanted === 'url' || wanted !== lookupField) return null;
  return scalar(record[wanted]) ?? lookup;
}

function pointsAt(filter: FilterModel, self: EndpointModel): boolean {
  if (filter.name === 'id' || filter.name === 'django') return false;
  return filter.relation?.endpoint === self.name;
}

/** The record names one record of `other` itself (a dataset's `session`): that is a link, not a tab. */
function hasForwardLink(self: EndpointModel, record: RecordData, other: string): boolean {
  return [...self.detailFields, ...self.listFields].some(
    (field) => field.relation?.endpoint === other && scalar(record[field.name]) !== null,
  );
}

export function findReverseRelations(
  model: ApiModel,
  endpointName: string,
  record: RecordData,
  lookup: string,
): ReverseRelation[] {
  const self = model.endpoints[endpointName];
  if (!self) return [];
  const found: ReverseRelation[] = [];
  for (const other of Object.values(model.endpoints)) {
    if (other.name === self.name || !other.list || !other.browsable) continue;
    if (hasForwardLink(self, record, other.name)) continue;
    // One tab per endpoint: the singular name wins over aliases (sessions has both `subject` and `nickname`).
    const candidates = other.filters.filter((f) => pointsAt(f, self));
    const best = candidates.find((f) => f.name === singular(self.name)) ?? candidates[0];
    if (!best) continue;
    const value = valueFor(best, self, record, lookup);
    if (value) found.push({ endpoint: other.name, filter: best.name, value });
  }
  const rank = (name: string) => {
    const index = ORDER.indexOf(name);
    return index === -1 ? ORDER.length : index;
  };
  return found.sort((a, b) => rank(a.endpoint) - rank(b.endpoint) || a.endpoint.localeCompare(b.endpoint));
}
