/** Loopback names answer on any port; DNS rebinding cannot point a public name at them and pass this check. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** A parsed allowlist entry: a hostname, with a port when the entry named one. */
interface HostRule {
  hostname: string;
  port?: string;
}

export type HostCheck = (hostHeader: string | null) => boolean;

/**
 * Accepts a request's `Host` only when it names this server: loopback, the address it binds to
 * (unless a wildcard), or an entry of `allowed` (`name` for any port, `name:port` for one).
 */
export function createHostCheck(allowed: readonly string[], bindHost?: string): HostCheck {
  const rules: HostRule[] = LOOPBACK_HOSTS.map((hostname) => ({ hostname }));
  const bind = bindHost?.trim().toLowerCase();
  if (bind && bind !== '0.0.0.0' && bind !== '::') {
    rules.push({ hostname: bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind });
  }
  for (const entry of allowed) {
    const rule = parseHost(entry);
    if (rule) rules.push(rule);
  }
  return (hostHeader) => {
    const host = hostHeader === null ? undefined : parseHost(hostHeader);
    if (!host) return false;
    return rules.some(
      (rule) => rule.hostname === host.hostname && (rule.port === undefined || rule.port === host.port),
    );
  };
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lowercased; undefined when it is none of these. */
export function parseHost(value: string): HostRule | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value.trim().toLowerCase());
  if (!match?.[1]) return undefined;
  const hostname = match[1].replace(/\.$/, '');
  return match[2] === undefined ? { hostname } : { hostname, port: match[2] };
}

/** The answer to a request for another host: short, plain, and the same on every route. */
export function misdirected(): Response {
  return new Response('Misdirected request: this server does not answer for that Host.\n', {
    status: 421,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
