import { alyxPathFor } from '../../api/schema/endpoint-for-path.ts';
import type { AppLocation, ConsoleRequest } from '../../config/paths.ts';

/** What the console opens with from a view: the request that view itself makes (or documents). */
export function consolePrefill(here: AppLocation): ConsoleRequest | undefined {
  if (here.view === 'console') return here.request;
  if (!here.endpoint) return undefined;
  if (here.view === 'record' && here.lookup !== undefined)
    return { method: 'GET', path: alyxPathFor(here.endpoint, here.lookup) };
  if (here.view === 'list' && here.query)
    return { method: 'GET', path: `/${here.endpoint}`, query: here.query };
  return { method: 'GET', path: `/${here.endpoint}` };
}
