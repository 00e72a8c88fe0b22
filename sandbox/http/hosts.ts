import { createHash, timingSafeEqual } from 'node:crypto';

// Django's ALLOWED_HOSTS and a trusted-proxy switch for X-Forwarded-*: without them any web page
// could reach a loopback sandbox by DNS rebinding, and links would echo whatever Host was sent.

export const PROXY_KEY_HEADER = 'x-explorer-proxy-key';
const FORWARDED = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-prefix', 'x-forwarded-for'];
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export interface HostPolicy {
  /** Lower-case host names (no port): exact, `.example.org` for a domain and its subdomains, or `*`. */
  allowed: readonly string[];
  /** Secret the app server sends in X-Explorer-Proxy-Key; null = X-Forwarded-* never trusted. */
  proxyKey: string | null;
}

/** `Host` header value → host name without port, lower case (`[::1]` keeps its brackets). */
export function hostName(host: string): string {
  const text = host.trim().toLowerCase();
  if (text.startsWith('[')) return text.slice(0, text.indexOf(']') + 1);
  return text.replace(/:\d*$/, '');
}

function isLoopbackAddress(host: string): boolean {
  return LOOPBACK.includes(hostName(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host));
}

/** Loopback names, the configured list, the public URL's host, and a non-loopback bound address. */
export function hostPolicy(options: {
  allowedHosts?: readonly string[] | undefined;
  publicUrl?: string | null | undefined;
  bindHost?: string | undefined;
  proxyKey?: string | null | undefined;
}): HostPolicy {
  const allowed = new Set(LOOPBACK);
  for (const host of options.allowedHosts ?? []) if (host.trim()) allowed.add(hostName(host));
  if (options.publicUrl) allowed.add(hostName(new URL(options.publicUrl).host));
  const bind = options.bindHost;
  if (bind && !isLoopbackAddress(bind) && bind !== '0.0.0.0' && bind !== '::')
    allowed.add(hostName(bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind));
  return { allowed: [...allowed], proxyKey: options.proxyKey || null };
}

export function isAllowedHost(policy: HostPolicy, host: string): boolean {
  const name = hostName(host);
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name)) return false;
  return policy.allowed.some(
    (entry) =>
      entry === '*' ||
      entry === name ||
      (entry.startsWith('.') && (name.endsWith(entry) || name === entry.slice(1))),
  );
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time: compares digests, so neither length nor prefix of the key leaks. */
export function isTrustedProxy(policy: HostPolicy, request: Request): boolean {
  const sent = request.headers.get(PROXY_KEY_HEADER);
  if (!policy.proxyKey || sent === null) return false;
  return timingSafeEqual(digest(sent), digest(policy.proxyKey));
}

/** Drops X-Forwarded-* of an untrusted request, so nothing downstream (links, throttle) reads them. */
export function stripUntrustedForwarding(policy: HostPolicy, request: Request): void {
  const trusted = isTrustedProxy(policy, request);
  request.headers.delete(PROXY_KEY_HEADER);
  if (!trusted) for (const name of FORWARDED) request.headers.delete(name);
}

/**
 * For requests off the network (DNS rebinding needs a socket; in-process callers are this
 * program): null when the Host is allowed or the app server vouches, else Django's DisallowedHost.
 */
export function refuseHost(policy: HostPolicy, request: Request): Response | null {
  const host = request.headers.get('host') ?? new URL(request.url).host;
  if (isTrustedProxy(policy, request) || isAllowedHost(policy, host)) return null;
  return new Response(BAD_REQUEST_HTML, {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

const BAD_REQUEST_HTML = `<!doctype html>
<html lang="en">
<head>
  <title>Bad Request (400)</title>
</head>
<body>
  <h1>Bad Request (400)</h1><p></p>
</body>
</html>
`;
