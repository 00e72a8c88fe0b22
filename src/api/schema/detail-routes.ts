/**
 * Detail routes for endpoints a source named without one. The root list (`GET /`) and list-route
 * OPTIONS only give `/{endpoint}`; Alyx's detail route is always `/{endpoint}/{lookup}`, with a
 * lookup that is the endpoint's slug (REST-CONVENTIONS §1.2). Without this, records of a root-only
 * instance could be listed but never opened or linked to.
 */

import type { ApiModel, EndpointModel, FieldKind } from './model.ts';

/** Alyx's detail lookups where they are not `id`. */
const SLUG_LOOKUPS: Record<string, string> = {
  subjects: 'nickname',
  users: 'username',
  labs: 'name',
  projects: 'name',
  locations: 'name',
  'dataset-types': 'name',
  'data-formats': 'name',
  'data-repository': 'name',
  'data-repository-type': 'name',
  revisions: 'name',
  tags: 'name',
  'water-type': 'name',
};

/** List-only resources on every Alyx generation. */
const LIST_ONLY = new Set(['procedures', 'water-restriction', 'water-restricted-subjects']);

function inferredLookup(endpoint: EndpointModel): { field: string; kind: FieldKind } | undefined {
  const slug = SLUG_LOOKUPS[endpoint.name];
  if (slug) return { field: slug, kind: 'string' };
  const names = new Set([...endpoint.listFields, ...endpoint.detailFields].map((f) => f.name));
  // Unknown fields (a bare root list) or an `id`/`url` identity: Alyx's default is the primary key.
  if (names.size === 0 || names.has('id') || names.has('url')) {
    return { field: 'id', kind: endpoint.name === 'brain-regions' ? 'integer' : 'uuid' };
  }
  return undefined;
}

export function inferDetailRoutes(model: ApiModel): ApiModel {
  const endpoints: Record<string, EndpointModel> = {};
  for (const [name, endpoint] of Object.entries(model.endpoints)) {
    const lookup =
      !endpoint.detail && endpoint.list && endpoint.browsable && !LIST_ONLY.has(name)
        ? inferredLookup(endpoint)
        : undefined;
    endpoints[name] = lookup
      ? {
          ...endpoint,
          detail: { path: `/${name}/{${lookup.field}}`, methods: ['GET'] },
          lookupField: lookup.field,
          lookupKind: lookup.kind,
        }
      : endpoint;
  }
  return { ...model, endpoints };
}
