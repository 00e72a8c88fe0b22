/**
 * Reverse relations found from the model: endpoints whose list has a filter pointing at this
 * endpoint (a subject's sessions, weighings, water administrations; a session's datasets,
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

/** `subjects` → `subject`, `water-administrations` → `water_administration`, `brain-regions` → `brain_region`. */
export function singular(endpoint: string): string {
  const snake = endpoint.replace(/-/g, '_');
  if (snake.endsWith('ies')) return `${snake.slice(0, -3)}y`;
  if (snake.endsWith('ses')) return snake.slice(0, -2);
  return snake.endsWith('s') ? snake.slice(0, -1) : snake;
}

/** Extra filter names that point at an endpoint without being its singular. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  insertions: ['probe_insertion'],
  subjects: ['nickname'],
};

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

/** What to pass to a filter that names this endpoint: the lookup it states, else id for UUID filters, else the slug lookup. */
function valueFor(
  filter: FilterModel,
  self: EndpointModel,
  record: RecordData,
  lookup: string,
): string | null {
  const wanted = filter.relation?.lookup;
  if (wanted === 'id' || wanted === 'pk' || filter.kind === 'uuid' || filter.itemKind === 'uuid')
    return recordId(record);
  if (wanted && wanted !== 'url') return scalar(record[wanted]);
  const slugField = self.lookupField ?? 'id';
  return slugField === 'id' ? recordId(record) : (scalar(record[slugField]) ?? lookup);
}

function pointsAt(filter: FilterModel, self: EndpointModel): boolean {
  if (filter.name === 'id' || filter.name === 'django') return false;
  if (filter.relation) return filter.relation.endpoint === self.name && filter.relation.lookup !== 'url';
  return filter.name === singular(self.name) || (ALIASES[self.name] ?? []).includes(filter.name);
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
