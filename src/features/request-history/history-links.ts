import { targetForAlyxPath } from '../../api/schema/endpoint-for-path.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { paths, type ConsoleRequest } from '../../config/paths.ts';
import type { HistoryEntry } from '../../lib/request-history.ts';

/** The entry as a console request: path and query split, the stored (masked) body for writes. */
export function consoleRequestFor(entry: HistoryEntry): ConsoleRequest {
  const at = entry.path.indexOf('?');
  const request: ConsoleRequest = {
    method: entry.method,
    path: at === -1 ? entry.path : entry.path.slice(0, at),
  };
  if (at !== -1 && at < entry.path.length - 1) request.query = entry.path.slice(at + 1);
  if (entry.body !== undefined) request.body = entry.body;
  return request;
}

/** For a GET of a list or record the model knows: its explorer view; else null. */
export function viewPathFor(
  instance: string,
  entry: HistoryEntry,
  model: ApiModel | undefined,
): string | null {
  if (entry.method !== 'GET') return null;
  const target = targetForAlyxPath(entry.path);
  if (target === null || !model || !Object.hasOwn(model.endpoints, target.endpoint)) return null;
  if (model.endpoints[target.endpoint]?.browsable === false) return null;
  return paths.target(instance, target);
}
