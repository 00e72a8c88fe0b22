/** What the pieces of a record view share: the instance, its model, and how values become links. */
import type { ResolvedLink } from '../../lib/value-links.ts';
import { createContext, useContext } from 'react';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel, RelationTarget } from '../../api/schema/model.ts';

export type DetailLink = ResolvedLink;

/**
 * Turns a value into a link. Provided by the route (the list feature owns the resolver), so the
 * list and the record link values the same way without the features importing each other.
 * For items of a nested array, `fieldName` is the array's name and `value` the item id.
 */
export type LinkResolver = (
  fieldName: string,
  value: unknown,
  relation?: RelationTarget,
) => DetailLink | null;

export interface DetailContextValue {
  instance: InstanceConfig;
  model: ApiModel;
  resolveLink: LinkResolver;
}

export const DetailContext = createContext<DetailContextValue | null>(null);

export function useDetailContext(): DetailContextValue {
  const value = useContext(DetailContext);
  if (!value) throw new Error('useDetailContext outside a record view');
  return value;
}
