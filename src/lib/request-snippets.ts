/**
 * A write request as text a user can copy: curl, and the one ONE call. The token is never put in a
 * snippet; a placeholder stands in for it.
 */

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
