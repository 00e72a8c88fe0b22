import type { TreeGroup } from '../../api/schema/groups.ts';
import type { EndpointModel, HttpMethod } from '../../api/schema/model.ts';

const METHOD_ORDER: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

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
