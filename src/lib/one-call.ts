/** The list query as the equivalent ONE call: `one.alyx.rest('sessions', 'list', subject='KS005')`. */
import type { EndpointModel } from '../api/schema/model.ts';
import { isPythonIdentifier, pythonString } from './python-literal.ts';

/** `AlyxClient.rest(self, url, action, id, data, files, no_cache, **kwargs)`: these names cannot be filters. */
const REST_ARGUMENTS = new Set(['self', 'url', 'action', 'id', 'data', 'files', 'no_cache']);

function pythonValue(value: string, kind: string | undefined): string {
  if (kind === 'boolean' && /^(true|false)$/i.test(value))
    return value.toLowerCase() === 'true' ? 'True' : 'False';
  if ((kind === 'integer' || kind === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return value;
  return pythonString(value);
}

/**
 * ONE pages by itself (it follows `count` lazily), so `limit`/`offset` are left out. A repeated key
 * becomes a Python list, which ONE joins with commas: the closest ONE can express. Keys that are not
 * Python identifiers go through `**{...}`; every string is an escaped literal (see pythonString).
 */
export function oneCall(endpointName: string, search: URLSearchParams, endpoint?: EndpointModel): string {
  const kinds = new Map((endpoint?.filters ?? []).map((f) => [f.name, f.kind]));
  const grouped = new Map<string, string[]>();
  for (const [key, value] of search) {
    if (key === 'limit' || key === 'offset' || value === '') continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const plain: string[] = [];
  const odd: string[] = [];
  const dropped: string[] = [];
  for (const [key, values] of grouped) {
    if (REST_ARGUMENTS.has(key)) {
      dropped.push(pythonString(key));
      continue;
    }
    const kind = kinds.get(key);
    const rendered =
      values.length === 1
        ? pythonValue(values[0] ?? '', kind)
        : `[${values.map((v) => pythonValue(v, kind)).join(', ')}]`;
    if (isPythonIdentifier(key)) plain.push(`${key}=${rendered}`);
    else odd.push(`${pythonString(key)}: ${rendered}`);
  }
  const args = [pythonString(endpointName), "'list'", ...plain];
  if (odd.length > 0) args.push(`**{${odd.join(', ')}}`);
  const call = `one.alyx.rest(${args.join(', ')})`;
  // pythonString output holds no line break, so the note stays a comment on the same line.
  return dropped.length > 0 ? `${call}  # left out, ONE cannot pass: ${dropped.join(', ')}` : call;
}
