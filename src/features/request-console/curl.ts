/** The console's request as a shell command, token masked. */

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
  parts.push(quote(url), '-H', quote('Accept: application/json'));
  if (withToken) parts.push('-H', quote('Authorization: Token ***'));
  const sendsBody = method !== 'GET' && method !== 'OPTIONS' && body !== undefined && body.trim() !== '';
  if (sendsBody) parts.push('-H', quote('Content-Type: application/json'), '--data-raw', quote(body));
  return parts.join(' ');
}
