/**
 * Where a value in a record points, as an explorer route: slugs and UUIDs through the model's
 * relation targets, absolute Alyx hyperlinks by swapping the base, a few well-known field names
 * for nested objects the model does not describe.
 */
import { toRelativeAlyxPath } from '../api/http/alyx-urls.ts';
import { targetForAlyxPath } from '../api/schema/endpoint-for-path.ts';
import type { ApiModel, EndpointModel, RelationTarget } from '../api/schema/model.ts';
import { endpointForName } from '../api/schema/relations.ts';
import { isUuid } from '../api/values.ts';
import { paths } from '../config/paths.ts';

/** Where a rendered value points: an explorer route (with the record it shows) or an outside URL. */
export type ResolvedLink =
  { kind: 'app'; to: string; endpoint: string; lookup?: string } | { kind: 'external'; href: string };

export interface LinkContext {
  instance: string;
  model: ApiModel;
  /** Bases an Alyx hyperlink of this instance may start with (instanceBases). */
  bases: readonly string[];
}

const HTTP = /^https?:\/\//i;

function linkFromUrl(ctx: LinkContext, url: string, allowEndpointGuess: boolean): ResolvedLink {
  const relative = toRelativeAlyxPath(
    url,
    ctx.bases,
    allowEndpointGuess ? Object.keys(ctx.model.endpoints) : undefined,
  );
  const target = relative === null ? null : targetForAlyxPath(relative);
  if (target && target.endpoint in ctx.model.endpoints) {
    const to = paths.target(ctx.instance, target);
    return target.lookup === undefined
      ? { kind: 'app', to, endpoint: target.endpoint }
      : { kind: 'app', to, endpoint: target.endpoint, lookup: target.lookup };
  }
  return { kind: 'external', href: url };
}

function linkByLookup(
  ctx: LinkContext,
  target: EndpointModel,
  lookup: string,
  value: string,
): ResolvedLink | null {
  const lookupField = target.lookupField ?? 'id';
  if (target.detail && lookup === lookupField) {
    return {
      kind: 'app',
      to: paths.record(ctx.instance, target.name, value),
      endpoint: target.name,
      lookup: value,
    };
  }
  // e.g. surgeries give their lab as a UUID while /labs/{name} wants the name: fall back to a filtered list.
  if (target.list && target.filters.some((f) => f.name === lookup)) {
    return {
      kind: 'app',
      to: paths.list(ctx.instance, target.name, { [lookup]: value }),
      endpoint: target.name,
    };
  }
  return null;
}

/**
 * A link for one scalar value of field `fieldName`. `relation` is the model's statement when
 * there is one; without it the field name and the value's shape (UUID or slug) decide.
 */
export function resolveValueLink(
  ctx: LinkContext,
  fieldName: string,
  value: unknown,
  relation?: RelationTarget,
): ResolvedLink | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  if (text === '') return null;
  if (HTTP.test(text))
    return linkFromUrl(
      ctx,
      text,
      relation?.lookup === 'url' ||
        fieldName === 'url' ||
        endpointForName(ctx.model, fieldName) !== undefined,
    );

  if (relation) {
    const target = ctx.model.endpoints[relation.endpoint];
    return target ? linkByLookup(ctx, target, relation.lookup, text) : null;
  }
  const target = endpointForName(ctx.model, fieldName);
  if (!target) return null;
  const targetLookup = target.lookupField ?? 'id';
  if (isUuid(text)) return linkByLookup(ctx, target, 'id', text);
  if (typeof value === 'number')
    return targetLookup === 'id' && target.lookupKind === 'integer'
      ? linkByLookup(ctx, target, 'id', text)
      : null;
  return targetLookup === 'id' ? null : linkByLookup(ctx, target, targetLookup, text);
}
