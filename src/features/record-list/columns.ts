/** Which columns a list shows: curated defaults for Alyx's main endpoints, a guess for the rest. */
import type { EndpointModel, FieldModel } from '../../api/schema/model.ts';

export type Row = Record<string, unknown>;

/** Identity first, then the fields people filter and scan by (REST-CONVENTIONS §5). */
const CURATED: Readonly<Record<string, readonly string[]>> = {
  sessions: ['id', 'subject', 'start_time', 'number', 'lab', 'task_protocol', 'projects'],
  datasets: ['name', 'collection', 'dataset_type', 'session', 'file_size', 'qc', 'created_datetime'],
  subjects: ['nickname', 'lab', 'responsible_user', 'sex', 'birth_date', 'alive', 'projects'],
  insertions: ['id', 'name', 'model', 'serial', 'session', 'session_info'],
  trajectories: ['id', 'probe_name', 'provenance', 'x', 'y', 'z', 'depth', 'theta', 'phi'],
  weighings: ['subject', 'date_time', 'weight', 'user'],
  'water-administrations': ['subject', 'date_time', 'water_administered', 'water_type', 'user', 'adlib'],
  'water-restriction': ['subject', 'start_time', 'end_time', 'water_type', 'reference_weight'],
  users: ['username', 'email', 'lab', 'is_stock_manager'],
  labs: ['name', 'institution', 'address', 'timezone'],
  projects: ['name', 'description', 'users'],
  notes: ['id', 'user', 'date_time', 'content_type', 'object_id', 'text'],
  tasks: ['id', 'name', 'status', 'session', 'version', 'datetime'],
  files: ['relative_path', 'data_repository', 'dataset', 'exists'],
  'dataset-types': ['name', 'description', 'filename_pattern', 'created_by'],
  'brain-regions': ['id', 'acronym', 'name', 'parent'],
  surgeries: ['id', 'subject', 'start_time', 'name', 'outcome_type', 'lab'],
};

const IDENTITY = ['nickname', 'name', 'username', 'id'];
const HEAVY_KINDS = new Set(['json', 'object', 'text']);
const GUESSED_COUNT = 8;

/** Every column the page could show: model fields in order, then keys only seen in the rows. */
export function availableColumns(endpoint: EndpointModel | undefined, rows: readonly Row[]): string[] {
  const names = (endpoint?.listFields ?? []).filter((f) => !f.writeOnly).map((f) => f.name);
  const seen = new Set(names);
  for (const row of rows.slice(0, 50)) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return names;
}

function isLight(field: FieldModel | undefined): boolean {
  if (!field) return true;
  if (HEAVY_KINDS.has(field.kind)) return false;
  return !(field.kind === 'array' && field.itemKind === 'object');
}

export function defaultColumns(endpoint: EndpointModel | undefined, available: readonly string[]): string[] {
  const has = new Set(available);
  const curated = endpoint ? CURATED[endpoint.name] : undefined;
  if (curated) {
    const picked = curated.filter((name) => has.has(name));
    if (picked.length >= 2) return picked;
  }
  const byName = new Map((endpoint?.listFields ?? []).map((f) => [f.name, f]));
  const identity = IDENTITY.find((name) => has.has(name)) ?? (has.has('url') ? 'url' : undefined);
  const rest = available.filter(
    (name) => name !== identity && name !== 'url' && name !== 'json' && isLight(byName.get(name)),
  );
  return [...(identity ? [identity] : []), ...rest].slice(0, GUESSED_COUNT);
}

/** The user's saved choice, kept to columns that still exist; defaults when nothing valid is saved. */
export function resolveColumns(
  saved: readonly string[] | null,
  available: readonly string[],
  defaults: readonly string[],
): string[] {
  if (!saved) return [...defaults];
  const has = new Set(available);
  const kept = saved.filter((name) => has.has(name));
  return kept.length > 0 ? kept : [...defaults];
}

/** Fixed column widths keep the virtualised table from jumping as rows scroll in and out. */
export function columnWidth(name: string, field: FieldModel | undefined): number {
  const kind = field?.kind;
  if (kind === 'uuid' || name === 'id' || name === 'url' || kind === 'url') return 110;
  if (kind === 'boolean') return 80;
  if (kind === 'integer' || kind === 'number') return 100;
  if (kind === 'date') return 115;
  if (kind === 'datetime' || name.endsWith('_time') || name.endsWith('datetime')) return 215;
  if (name === 'name' || name === 'task_protocol' || kind === 'text' || kind === 'json') return 280;
  return 170;
}

/** The column whose cells link to the row's record: the lookup field when shown, else id/url. */
export function keyColumn(
  endpoint: EndpointModel | undefined,
  available: readonly string[],
): string | undefined {
  const candidates = [endpoint?.lookupField, 'id', 'url'];
  return candidates.find((name): name is string => name !== undefined && available.includes(name));
}
