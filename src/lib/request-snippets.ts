/**
 * Requests as text a user can copy without sending anything. Writes: curl and the ONE call. Reads
 * (a list query or one record): ONE, Python `requests`, curl and our TypeScript client. The token
 * is a placeholder unless the caller passes the real one (the user asked to reveal it); it only
 * ever goes in a header, never in the URL.
 */

import type { EndpointModel } from '../api/schema/model.ts';
import { oneCall } from './one-call.ts';
import { pythonLiteral, pythonString } from './python-literal.ts';

export const TOKEN_PLACEHOLDER = '$ALYX_TOKEN';

export type SnippetMethod = 'POST' | 'PATCH' | 'PUT';

export interface SnippetRequest {
  method: SnippetMethod;
  /** The instance's own root URL (not the app's proxy base), e.g. `https://alyx.example.org`. */
  baseUrl: string;
  endpoint: string;
  /** The record's lookup for PATCH/PUT. */
  lookup?: string;
  body: Record<string, unknown>;
}

const ACTIONS: Record<SnippetMethod, string> = { POST: 'create', PATCH: 'partial_update', PUT: 'update' };

/** Single-quoted for a POSIX shell: `'` becomes `'\''`, nothing else is special inside. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function requestUrl({ baseUrl, endpoint, lookup }: SnippetRequest): string {
  const base = baseUrl.replace(/\/+$/, '');
  const path = `/${encodeURIComponent(endpoint)}${lookup === undefined ? '' : `/${encodeURIComponent(lookup)}`}`;
  return `${base}${path}`;
}

export function curlSnippet(request: SnippetRequest): string {
  return [
    `curl -X ${request.method} ${shellQuote(requestUrl(request))}`,
    // Double quotes so the shell fills in the token from the environment.
    `  -H "Authorization: Token ${TOKEN_PLACEHOLDER}"`,
    `  -H 'Content-Type: application/json'`,
    `  --data ${shellQuote(JSON.stringify(request.body))}`,
  ].join(' \\\n');
}

/** `one.alyx.rest('subjects', 'partial_update', id='KS005', data={...})`. */
export function oneWriteCall(request: SnippetRequest): string {
  const args = [pythonString(request.endpoint), pythonString(ACTIONS[request.method])];
  if (request.method !== 'POST' && request.lookup !== undefined)
    args.push(`id=${pythonString(request.lookup)}`);
  args.push(`data=${pythonLiteral(request.body)}`);
  return `one.alyx.rest(${args.join(', ')})`;
}

export type SnippetLanguage = 'one' | 'requests' | 'curl' | 'typescript';

export interface Snippet {
  language: SnippetLanguage;
  label: string;
  code: string;
}

export interface ReadSnippetRequest {
  /** The instance's own root URL (not the app's proxy base). */
  baseUrl: string;
  endpoint: string;
  /** A record's lookup; without it the request is the list query `search`. */
  lookup?: string;
  search?: URLSearchParams;
  /** The endpoint's model, so ONE gets numbers and booleans as Python values. */
  model?: EndpointModel;
  /** The real token, only when the user asked to reveal it; otherwise a placeholder is written. */
  token?: string | null;
  /** The record itself, for session helpers (`one.load_object` picks an object it has). */
  record?: Record<string, unknown>;
}

const ENV_NAME = TOKEN_PLACEHOLDER.slice(1);

function readPath({ endpoint, lookup }: ReadSnippetRequest): string {
  return `/${encodeURIComponent(endpoint)}${lookup === undefined ? '' : `/${encodeURIComponent(lookup)}`}`;
}

function queryPairs(request: ReadSnippetRequest): [string, string][] {
  if (request.lookup !== undefined) return [];
  return [...(request.search ?? new URLSearchParams())].filter(([, value]) => value !== '');
}

function readUrl(request: ReadSnippetRequest): string {
  const query = new URLSearchParams(queryPairs(request)).toString();
  return `${request.baseUrl.replace(/\/+$/, '')}${readPath(request)}${query ? `?${query}` : ''}`;
}

function hasToken(request: ReadSnippetRequest): request is ReadSnippetRequest & { token: string } {
  return typeof request.token === 'string' && request.token.length > 0;
}

/** Alyx ALF file names: `_ibl_trials.table.pqt` is object `trials`, `wheel.position.npy` is `wheel`. */
export function alfObject(fileName: string): string | null {
  const match = /^(?:_[A-Za-z0-9]+_)?([A-Za-z][A-Za-z0-9]*)\.[^.]+/.exec(fileName);
  return match?.[1] ?? null;
}

function sessionObject(record: Record<string, unknown> | undefined): string | null {
  const datasets = record?.data_dataset_session_related;
  if (!Array.isArray(datasets)) return null;
  for (const dataset of datasets) {
    const name =
      dataset !== null && typeof dataset === 'object' ? (dataset as { name?: unknown }).name : null;
    const object = typeof name === 'string' ? alfObject(name) : null;
    if (object) return object;
  }
  return null;
}

/** ONE: `one.alyx.rest(...)`, and for a session record `one.list_datasets` / `one.load_object`. */
export function oneReadSnippet(request: ReadSnippetRequest): string {
  const setup = [
    'from one.api import ONE',
    '',
    `one = ONE(base_url=${pythonString(request.baseUrl.replace(/\/+$/, ''))})`,
  ];
  if (request.lookup === undefined)
    return [
      ...setup,
      `records = ${oneCall(request.endpoint, request.search ?? new URLSearchParams(), request.model)}`,
    ].join('\n');
  const lines = [
    ...setup,
    `record = one.alyx.rest(${pythonString(request.endpoint)}, 'read', id=${pythonString(request.lookup)})`,
  ];
  if (request.endpoint === 'sessions') {
    const object = sessionObject(request.record);
    lines.push(
      `eid = ${pythonString(request.lookup)}`,
      'datasets = one.list_datasets(eid)',
      object
        ? `${object} = one.load_object(eid, ${pythonString(object)})`
        : "trials = one.load_object(eid, 'trials')  # any object list_datasets shows",
    );
  }
  return lines.join('\n');
}

/** Python `requests`; repeated keys become a list of pairs, which `requests` sends as repeats. */
export function requestsSnippet(request: ReadSnippetRequest): string {
  const pairs = queryPairs(request);
  const repeated = new Set(pairs.map(([key]) => key)).size !== pairs.length;
  const params = repeated
    ? `[${pairs.map(([k, v]) => `(${pythonString(k)}, ${pythonString(v)})`).join(', ')}]`
    : `{${pairs.map(([k, v]) => `${pythonString(k)}: ${pythonString(v)}`).join(', ')}}`;
  const base = request.baseUrl.replace(/\/+$/, '');
  const auth = hasToken(request)
    ? pythonString(`Token ${request.token}`)
    : `'Token ' + os.environ[${pythonString(ENV_NAME)}]`;
  return [
    hasToken(request) ? 'import requests' : 'import os\n\nimport requests',
    '',
    'response = requests.get(',
    `    ${pythonString(`${base}${readPath(request)}`)},`,
    ...(pairs.length > 0 ? [`    params=${params},`] : []),
    `    headers={'Accept': 'application/json', 'Authorization': ${auth}},`,
    ')',
    'response.raise_for_status()',
    `${request.lookup === undefined ? 'page' : 'record'} = response.json()`,
  ].join('\n');
}

export function curlReadSnippet(request: ReadSnippetRequest): string {
  return [
    `curl ${shellQuote(readUrl(request))}`,
    hasToken(request)
      ? `  -H ${shellQuote(`Authorization: Token ${request.token}`)}`
      : // Double quotes so the shell fills in the token from the environment.
        `  -H "Authorization: Token ${TOKEN_PLACEHOLDER}"`,
    `  -H 'Accept: application/json'`,
  ].join(' \\\n');
}

/** Our client (src/api/http/client.ts): `listPage` for a list, `get` for a record. */
export function typescriptSnippet(request: ReadSnippetRequest): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of queryPairs(request)) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const params = [...grouped]
    .map(([key, values]) => {
      // A literal `__proto__` key would set the prototype instead of a property.
      const name =
        key === '__proto__'
          ? `[${JSON.stringify(key)}]`
          : /^[A-Za-z_$][\w$]*$/.test(key)
            ? key
            : JSON.stringify(key);
      const value =
        values.length === 1
          ? JSON.stringify(values[0])
          : `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
      return `${name}: ${value}`;
    })
    .join(', ');
  const token = hasToken(request) ? JSON.stringify(request.token) : `process.env.${ENV_NAME} ?? null`;
  const call =
    request.lookup === undefined
      ? `const page = await alyx.listPage(${JSON.stringify(request.endpoint)}${params ? `, { ${params} }` : ''});`
      : `const record = await alyx.get(${JSON.stringify(readPath(request))});`;
  return [
    "import { createAlyxClient } from './src/api/http/client.ts';",
    '',
    'const alyx = createAlyxClient({',
    `  baseUrl: ${JSON.stringify(request.baseUrl.replace(/\/+$/, ''))},`,
    `  getToken: () => ${token},`,
    '});',
    call,
  ].join('\n');
}

/** Every language, in the order the panel shows them. */
export function readSnippets(request: ReadSnippetRequest): Snippet[] {
  return [
    { language: 'one', label: 'ONE', code: oneReadSnippet(request) },
    { language: 'requests', label: 'Python requests', code: requestsSnippet(request) },
    { language: 'curl', label: 'curl', code: curlReadSnippet(request) },
    { language: 'typescript', label: 'TypeScript', code: typescriptSnippet(request) },
  ];
}
