/** Where a console answer can be seen in the explorer: the record it is, the list it pages, the docs. */
import type { RawResponse } from '../../api/http/raw-request.ts';
import { targetForAlyxPath } from '../../api/schema/endpoint-for-path.ts';
import { isRecord } from '../../api/values.ts';
import { paths } from '../../config/paths.ts';
import { resolveValueLink, type LinkContext } from '../../lib/value-links.ts';

export interface ResponseLink {
  label: string;
  to: string;
}

function isPage(value: unknown): boolean {
  return Array.isArray(value) || (isRecord(value) && Array.isArray(value['results']));
}

export function responseLinks(
  ctx: LinkContext,
  request: { method: string; path: string; query?: string },
  response: RawResponse,
): ResponseLink[] {
  if (response.status < 200 || response.status >= 300) return [];
  const target = targetForAlyxPath(request.path);
  const endpoint = target ? ctx.model.endpoints[target.endpoint] : undefined;
  if (!target || !endpoint) return [];
  if (request.method === 'OPTIONS')
    return [{ label: `${endpoint.name} documentation`, to: paths.docs(ctx.instance, endpoint.name) }];
  const { json } = response;
  if (target.lookup === undefined && isPage(json) && endpoint.list) {
    const query = [target.query, request.query].filter(Boolean).join('&');
    return [{ label: `Open this ${endpoint.name} list`, to: paths.list(ctx.instance, endpoint.name, query) }];
  }
  if (!isRecord(json) || isPage(json)) return [];
  // The record's own hyperlink first (a POST answers the new record), else the path's lookup.
  const own = typeof json['url'] === 'string' ? resolveValueLink(ctx, 'url', json['url']) : null;
  if (own?.kind === 'app' && own.lookup !== undefined) return [{ label: 'Open this record', to: own.to }];
  const lookupField = endpoint.lookupField ?? 'id';
  const lookup = target.lookup ?? json[lookupField];
  if (endpoint.detail && (typeof lookup === 'string' || typeof lookup === 'number'))
    return [{ label: 'Open this record', to: paths.record(ctx.instance, endpoint.name, lookup) }];
  return [];
}
