import type { ApiModel, EndpointModel } from './model.ts';

/** Navigation groups follow the Django apps of Alyx that serve each endpoint. */

const GROUPS: Record<string, readonly string[]> = {
  subjects: ['subjects', 'projects', 'water-restricted-subjects', 'water-requirement'],
  actions: [
    'sessions',
    'surgeries',
    'weighings',
    'water-administrations',
    'water-restriction',
    'water-type',
    'procedures',
    'locations',
  ],
  data: [
    'datasets',
    'files',
    'dataset-types',
    'data-formats',
    'data-repository',
    'data-repository-type',
    'revisions',
    'tags',
    'downloads',
    'data-notices',
    'register-file',
    'new-download',
    'sync-file-status',
    'check-protected',
  ],
  experiments: [
    'insertions',
    'chronic-insertions',
    'trajectories',
    'channels',
    'brain-regions',
    'fields-of-view',
    'fov-location',
    'imaging-stack',
  ],
  misc: ['users', 'labs', 'notes', 'cache', 'cache.zip', 'uploaded', 'auth-token', 'api'],
  jobs: ['tasks'],
};

const BY_ENDPOINT = new Map<string, string>(
  Object.entries(GROUPS).flatMap(([group, endpoints]) =>
    endpoints.map((endpoint) => [endpoint, group] as [string, string]),
  ),
);

export const GROUP_ORDER = ['subjects', 'actions', 'data', 'experiments', 'misc', 'jobs', 'other'] as const;

export function endpointGroup(endpoint: string): string {
  return BY_ENDPOINT.get(endpoint) ?? (endpoint.startsWith('cache') ? 'misc' : 'other');
}

export interface TreeGroup {
  group: string;
  label: string;
  /** Browsable endpoints first, then action endpoints; each part by name. */
  endpoints: EndpointModel[];
}

function groupLabel(group: string): string {
  return group.charAt(0).toUpperCase() + group.slice(1);
}

function groupRank(group: string): number {
  const index = (GROUP_ORDER as readonly string[]).indexOf(group);
  return index === -1 ? GROUP_ORDER.length : index;
}

/** The model's endpoints by navigation group, groups in GROUP_ORDER. */
export function groupEndpoints(model: ApiModel): TreeGroup[] {
  const byGroup = new Map<string, EndpointModel[]>();
  for (const endpoint of Object.values(model.endpoints)) {
    const group = endpoint.group || 'other';
    const list = byGroup.get(group) ?? [];
    list.push(endpoint);
    byGroup.set(group, list);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b))
    .map(([group, endpoints]) => ({
      group,
      label: groupLabel(group),
      endpoints: endpoints.sort(
        (a, b) => Number(b.browsable) - Number(a.browsable) || a.name.localeCompare(b.name),
      ),
    }));
}
