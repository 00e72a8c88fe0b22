import type { ApiModel, EndpointModel, HttpMethod } from '../../api/schema/model.ts';

export const GROUP_ORDER = ['subjects', 'actions', 'data', 'experiments', 'misc', 'jobs', 'other'] as const;

const METHOD_ORDER: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface TreeGroup {
  group: string;
  label: string;
  /** Browsable endpoints first, then action endpoints; each part by name. */
  endpoints: EndpointModel[];
}

function label(group: string): string {
  return group.charAt(0).toUpperCase() + group.slice(1);
}

function groupRank(group: string): number {
  const index = (GROUP_ORDER as readonly string[]).indexOf(group);
  return index === -1 ? GROUP_ORDER.length : index;
}

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
      label: label(group),
      endpoints: endpoints.sort(
        (a, b) => Number(b.browsable) - Number(a.browsable) || a.name.localeCompare(b.name),
      ),
    }));
}

/** Keeps endpoints whose name or route paths contain every word of `query` (case-insensitive). */
export function filterGroups(groups: readonly TreeGroup[], query: string): TreeGroup[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      endpoints: group.endpoints.filter((endpoint) => {
        const haystack = [endpoint.name, endpoint.list?.path ?? '', endpoint.detail?.path ?? '']
          .join(' ')
          .toLowerCase();
        return words.every((word) => haystack.includes(word));
      }),
    }))
    .filter((group) => group.endpoints.length > 0);
}

/** Methods of the list and detail routes together, in the usual order. */
export function endpointMethods(endpoint: EndpointModel): HttpMethod[] {
  const all = new Set<HttpMethod>([...(endpoint.list?.methods ?? []), ...(endpoint.detail?.methods ?? [])]);
  return METHOD_ORDER.filter((method) => all.has(method));
}
