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
