/** The console's request as a shell command, token and secret-named values masked (as in its deep link). */

import { maskBodyText, maskQuery } from '../../config/paths.ts';

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface CurlInput {
  method: string;
  /** Absolute URL of the instance itself (not the explorer's proxy). */
  url: string;
  body?: string;
  /** Whether a token would be sent; it is always shown masked. */
  withToken: boolean;
}

export function curlCommand({ method, url, body, withToken }: CurlInput): string {
  const parts = ['curl'];
  if (method !== 'GET') parts.push('-X', method);
  const queryAt = url.indexOf('?');
  const shownUrl = queryAt === -1 ? url : `${url.slice(0, queryAt)}?${maskQuery(url.slice(queryAt + 1))}`;
  parts.push(quote(shownUrl), '-H', quote('Accept: application/json'));
  if (withToken) parts.push('-H', quote('Authorization: Token ***'));
  const sendsBody = method !== 'GET' && method !== 'OPTIONS' && body !== undefined && body.trim() !== '';
  if (sendsBody)
    parts.push('-H', quote('Content-Type: application/json'), '--data-raw', quote(maskBodyText(body)));
  return parts.join(' ');
}
