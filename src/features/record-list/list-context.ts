/** What every cell of a list needs to render links: the instance and its model. */
import { createContext, useContext } from 'react';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import type { LinkContext } from '../../lib/value-links.ts';

export interface ListContextValue {
  instance: InstanceConfig;
  model: ApiModel;
  links: LinkContext;
}

export const ListContext = createContext<ListContextValue | null>(null);

export function useListContext(): ListContextValue {
  const value = useContext(ListContext);
  if (!value) throw new Error('useListContext outside a record list');
  return value;
}
