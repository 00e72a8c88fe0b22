/**
 * Links out to Alyx's own HTML pages: the Django admin's change and history pages of a record, and a
 * subject's water history and weighing plot (`/admin-actions/…`, cortex-lab/alyx alyx/actions/urls.py).
 * Built only from the configured admin root and a primary key that looks like one, never from a
 * record's URL or text fields.
 */

/** Endpoint → Django `app_label/model_name`, as the admin names them (`admin:<app>_<model>_change`). */
export const ADMIN_MODELS: Readonly<Record<string, { app: string; model: string; pkIsLookup?: true }>> = {
  subjects: { app: 'subjects', model: 'subject' },
  projects: { app: 'subjects', model: 'project' },
  sessions: { app: 'actions', model: 'session' },
  surgeries: { app: 'actions', model: 'surgery' },
  // Weighings, water administrations, datasets and files carry no `id`: their detail route is the pk.
  weighings: { app: 'actions', model: 'weighing', pkIsLookup: true },
  'water-administrations': { app: 'actions', model: 'wateradministration', pkIsLookup: true },
  users: { app: 'misc', model: 'labmember' },
  labs: { app: 'misc', model: 'lab' },
  locations: { app: 'misc', model: 'lablocation' },
  notes: { app: 'misc', model: 'note' },
  datasets: { app: 'data', model: 'dataset', pkIsLookup: true },
  files: { app: 'data', model: 'filerecord', pkIsLookup: true },
  'dataset-types': { app: 'data', model: 'datasettype' },
  'data-formats': { app: 'data', model: 'dataformat' },
  'data-repository': { app: 'data', model: 'datarepository' },
  'data-repository-type': { app: 'data', model: 'datarepositorytype' },
  revisions: { app: 'data', model: 'revision' },
  tags: { app: 'data', model: 'tag' },
  downloads: { app: 'data', model: 'download' },
  insertions: { app: 'experiments', model: 'probeinsertion' },
  'chronic-insertions': { app: 'experiments', model: 'chronicinsertion' },
  trajectories: { app: 'experiments', model: 'trajectoryestimate' },
  channels: { app: 'experiments', model: 'channel' },
  'brain-regions': { app: 'experiments', model: 'brainregion' },
  'fields-of-view': { app: 'experiments', model: 'fov' },
  tasks: { app: 'jobs', model: 'task' },
};

export interface AdminLink {
  /** Stable id for tests and keys. */
  id: 'change' | 'history' | 'water-history' | 'weighing-plot';
  label: string;
  href: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^[0-9]{1,18}$/;

/** A UUID or a non-negative integer (brain regions), as a string; anything else is no primary key. */
function primaryKey(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && (UUID.test(value) || INTEGER.test(value))) return value.toLowerCase();
  return null;
}

/**
 * The admin pages of one record, or none: when the instance has no admin, the endpoint has no admin
 * model, or the record shows no primary key (labs and locations are known only by name).
 */
export function adminLinks(
  adminUrl: string | undefined,
  endpoint: string,
  lookup: string,
  record: Readonly<Record<string, unknown>> | undefined,
): AdminLink[] {
  if (!adminUrl || !Object.hasOwn(ADMIN_MODELS, endpoint)) return [];
  const target = ADMIN_MODELS[endpoint];
  if (!target) return [];
  const pk = primaryKey(record?.['id']) ?? (target.pkIsLookup ? primaryKey(lookup) : null);
  if (pk === null) return [];
  const root = adminUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(pk);
  const change = `${root}/admin/${target.app}/${target.model}/${id}`;
  const links: AdminLink[] = [
    { id: 'change', label: 'Change page (Django admin)', href: `${change}/change/` },
    { id: 'history', label: 'History (Django admin)', href: `${change}/history/` },
  ];
  if (endpoint === 'subjects' && UUID.test(pk)) {
    links.push(
      { id: 'water-history', label: 'Water history', href: `${root}/admin-actions/water-history/${id}` },
      { id: 'weighing-plot', label: 'Weighing plot', href: `${root}/admin-actions/weighing-plot/${id}` },
    );
  }
  return links;
}
