import type { ResourceDeclaration } from './resources/types.ts';
import { parseRate } from './http/throttle.ts';

export type DiscoveryMode = 'all' | 'openapi' | 'coreapi' | 'root';
export const DISCOVERY_MODES: readonly DiscoveryMode[] = ['all', 'openapi', 'coreapi', 'root'];

export interface SandboxOptions {
  /** PGlite data directory; null/undefined = in memory. Ignored with `postgres`. */
  dataDir?: string | null;
  /** Store in this PostgreSQL server (`postgres://…`) instead of PGlite. */
  postgres?: { url: string; schema?: string; dropSchemaOnClose?: boolean };
  /** Wipe the data directory first. */
  reset?: boolean;
  discovery?: DiscoveryMode;
  /** `N/second`, `N/minute` or `N/hour`; null/undefined = no throttling. */
  throttle?: string | null;
  /** Enables `/__sandbox/faults` and fault injection. */
  faults?: boolean;
  /** Fixed absolute base URL for links (else derived from the request and, from the proxy, X-Forwarded-*). */
  publicUrl?: string;
  /** Host names accepted besides loopback and the public URL's host (Django's ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** The address the listener is bound to: accepted as a Host when it is not loopback. */
  bindHost?: string;
  /** Shared secret of the app server (header X-Explorer-Proxy-Key); without it X-Forwarded-* is ignored. */
  proxyKey?: string | null;
  /** Request body cap in bytes (default 10 MB) and time for a body to arrive (default 30 s). */
  maxBodyBytes?: number;
  bodyTimeoutMs?: number;
  /** Demo data on a fresh database (default scale 1); false = none. */
  seed?: { scale: number } | false;
  /** Load this Alyx `dumpdata` file on a fresh database instead of demo data. */
  fixture?: string;
  /** Declarations to serve (default: the registry). */
  resources?: readonly ResourceDeclaration[];
}

export interface CliConfig {
  port: number;
  host: string;
  dataDir: string | null;
  /** SANDBOX_DATABASE_URL: a PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  reset: boolean;
  scale: number;
  fixture?: string;
  discovery: DiscoveryMode;
  throttle: string | null;
  faults: boolean;
  publicUrl?: string;
  allowedHosts: string[];
  proxyKey?: string;
  maxBodyBytes?: number;
}

export class ConfigError extends Error {}

const FLAGS_WITH_VALUE = new Set([
  '--port',
  '--host',
  '--data',
  '--database-url',
  '--scale',
  '--fixture',
  '--discovery',
  '--throttle',
  '--public-url',
  '--allowed-hosts',
  '--proxy-key',
  '--max-body',
]);
const BOOLEAN_FLAGS = new Set(['--memory', '--reset', '--faults', '--help']);

function readArgs(argv: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (BOOLEAN_FLAGS.has(flag)) out.set(flag, true);
    else if (FLAGS_WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new ConfigError(`${flag} needs a value`);
      out.set(flag, value);
    } else throw new ConfigError(`unknown option ${arg} (try --help)`);
  }
  return out;
}

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

export const USAGE = `Usage: npm run sandbox -- [options]
  --port N            port (SANDBOX_PORT, default 8000; 0 = any free port)
  --host HOST         interface (SANDBOX_HOST, default 127.0.0.1)
  --data DIR          data directory (SANDBOX_DATA, default .sandbox-data/)
  --database-url URL  store in a PostgreSQL server instead (SANDBOX_DATABASE_URL=postgres://…)
  --memory            keep the database in memory (nothing persists; slow above scale 10: scale 50
                      takes ~5 min and 2.4 GB in memory, ~1.5 min on disk)
  --reset             wipe the data directory and seed again
  --scale N           demo data size on a fresh database (default 1: 200 subjects, 2,000 sessions,
                      ~21k datasets; 50: 100k sessions, ~1.07M datasets)
  --fixture PATH      load an Alyx dumpdata file (.json or .json.gz) instead of demo data
  --discovery MODE    all | openapi | coreapi | root (SANDBOX_DISCOVERY, default all)
  --throttle RATE     e.g. 550/minute (SANDBOX_THROTTLE; default off)
  --faults            enable fault injection at /__sandbox/faults (SANDBOX_FAULTS=1)
  --public-url URL    absolute base URL for links (SANDBOX_PUBLIC_URL)
  --allowed-hosts A,B host names answered besides loopback (SANDBOX_ALLOWED_HOSTS; others get 400)
  --proxy-key KEY     secret of the app server's X-Explorer-Proxy-Key header (SANDBOX_PROXY_KEY);
                      X-Forwarded-* is honoured only on requests carrying it
  --max-body BYTES    request body cap (SANDBOX_MAX_BODY, default 10485760; larger → 413)`;

/** CLI flags over environment variables over defaults; throws ConfigError with a one-line message. */
export function parseCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CliConfig | 'help' {
  const args = readArgs(argv);
  if (args.has('--help')) return 'help';
  const value = (flag: string, envName?: string): string | undefined => {
    const fromArg = args.get(flag);
    if (typeof fromArg === 'string') return fromArg;
    const fromEnv = envName ? env[envName] : undefined;
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
  const port = integer('port', value('--port', 'SANDBOX_PORT') ?? '8000', 0, 65535);
  const host = value('--host', 'SANDBOX_HOST') ?? '127.0.0.1';
  const memory = args.has('--memory');
  const dataDir = memory ? null : (value('--data', 'SANDBOX_DATA') ?? '.sandbox-data/');
  const databaseUrl = value('--database-url', 'SANDBOX_DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl))
    throw new ConfigError('database URL must be postgres://user:password@host:port/database');
  const scale = integer('--scale', value('--scale') ?? '1', 1, 500);
  const discovery = (value('--discovery', 'SANDBOX_DISCOVERY') ?? 'all') as DiscoveryMode;
  if (!DISCOVERY_MODES.includes(discovery))
    throw new ConfigError(`discovery must be one of ${DISCOVERY_MODES.join(', ')}, got "${discovery}"`);
  const throttle = value('--throttle', 'SANDBOX_THROTTLE') ?? null;
  if (throttle !== null) {
    try {
      parseRate(throttle);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const faultsEnv = env.SANDBOX_FAULTS;
  const faults = args.has('--faults') || faultsEnv === '1' || faultsEnv === 'true';
  const publicUrl = value('--public-url', 'SANDBOX_PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw new ConfigError(`public URL must be an absolute http(s) URL, got "${publicUrl}"`);
  const fixture = value('--fixture');
  const allowedHosts = (value('--allowed-hosts', 'SANDBOX_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  for (const h of allowedHosts)
    if (!/^(\*|\.?[A-Za-z0-9.-]+(:\d+)?|\[[0-9A-Fa-f:.]+\](:\d+)?)$/.test(h))
      throw new ConfigError(`allowed host must be a host name, got "${h}"`);
  const proxyKey = value('--proxy-key', 'SANDBOX_PROXY_KEY');
  const maxBody = value('--max-body', 'SANDBOX_MAX_BODY');
  const maxBodyBytes = maxBody === undefined ? undefined : integer('max body', maxBody, 1024, 2 ** 31);

  return {
    port,
    host,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    reset: args.has('--reset'),
    scale,
    discovery,
    throttle,
    faults,
    ...(fixture ? { fixture } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    allowedHosts,
    ...(proxyKey ? { proxyKey } : {}),
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
  };
}
