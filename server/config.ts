import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// The browser's own lists, a plain module without imports: one source for what the config accepts.
import {
  INSTANCE_COLORS,
  INSTANCE_KINDS,
  type InstanceColor,
  type InstanceKind,
} from '../src/api/instance-kind.ts';

/** One Alyx instance the explorer can talk to. */
export interface InstanceConfig {
  /** Short URL-safe name; the first segment of every app URL and of the proxy prefix `/api/{name}`. */
  name: string;
  /** Absolute http(s) base URL of the instance, without a trailing slash. */
  url: string;
  /** true: the browser goes through the same-origin proxy; false: it calls `url` directly (CORS-enabled instances). */
  proxy: boolean;
  /** The embedded sandbox: the login page offers its demo accounts. */
  sandbox?: boolean;
  /**
   * Secret sent as `X-Explorer-Proxy-Key` on proxied requests to this instance only, so the sandbox
   * trusts this proxy's `X-Forwarded-*` and nobody else's. Never sent to the browser.
   */
  proxyKey?: string;
  /** What the instance is for; shown beside its name everywhere. The sandbox is `sandbox` unless told. */
  kind?: InstanceKind;
  /** A colour from a fixed palette for its header stripe and badge; red stays production's alone. */
  color?: InstanceColor;
  /** Whether the instance serves Django's admin (Alyx's own pages); by default every kind but `sandbox`. */
  admin?: boolean;
  /** Where that admin lives when not at `url` (an Alyx behind another host or path); implies `admin`. */
  adminUrl?: string;
}

/** What the browser receives from `GET /__explorer/instances`. */
export interface PublicInstance extends Omit<InstanceConfig, 'proxyKey' | 'admin' | 'adminUrl'> {
  /** Where the browser sends requests: `/api/{name}` when proxied, else `url`. */
  baseUrl: string;
  /** Root of the instance's Django admin, only where it has one (links out to Alyx's own pages). */
  adminUrl?: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration problem, with a one-line message meant for the terminal. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const CONFIG_FILE_NAME = 'explorer.config.json';
export const SANDBOX_INSTANCE_NAME = 'sandbox';

const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** Names that would collide with the app server's or Vite's own top-level paths (`__explorer` fails the pattern). */
const RESERVED_NAMES = new Set(['api', 'assets', 'explorer', 'src', 'public']);
const INSTANCE_KEYS = new Set([
  'name',
  'url',
  'proxy',
  'sandbox',
  'proxyKey',
  'kind',
  'color',
  'admin',
  'adminUrl',
]);
const PROXY_KEY_PATTERN = /^[\x21-\x7e]{16,256}$/;

/** Path of the config file in use, or undefined when none is configured. */
export function configFilePath(env: Env, cwd: string): string | undefined {
  const explicit = env.EXPLORER_CONFIG?.trim();
  if (explicit) return path.resolve(cwd, explicit);
  const implicit = path.join(cwd, CONFIG_FILE_NAME);
  return existsSync(implicit) ? implicit : undefined;
}

/** True when nothing is configured, so the explorer runs against the local sandbox. */
export function usesSandbox(env: Env, cwd: string): boolean {
  return configFilePath(env, cwd) === undefined && !env.ALYX_URL?.trim();
}

/** The instance table: from the config file, else `ALYX_URL`, else the local sandbox. Throws ConfigError. */
export function loadInstances(env: Env = process.env, cwd: string = process.cwd()): InstanceConfig[] {
  const file = configFilePath(env, cwd);
  if (file) return validateInstances(readConfigFile(file), file);
  const alyxUrl = env.ALYX_URL?.trim();
  if (alyxUrl) {
    const name = env.ALYX_NAME?.trim() || 'alyx';
    return validateInstances({ instances: [{ name, url: alyxUrl, proxy: true }] }, 'ALYX_URL/ALYX_NAME');
  }
  return [sandboxInstance(env)];
}

/**
 * Host names the app server answers for besides loopback: `EXPLORER_ALLOWED_HOSTS` (comma-separated)
 * plus `allowedHosts` of the config file. Throws ConfigError.
 */
export function loadAllowedHosts(env: Env = process.env, cwd: string = process.cwd()): string[] {
  const fromEnv = (env.EXPLORER_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter((host) => host !== '');
  const file = configFilePath(env, cwd);
  const fromFile = file ? validateAllowedHosts(readConfigFile(file), file) : [];
  for (const host of fromEnv) {
    if (!HOST_PATTERN.test(host)) {
      throw new ConfigError(
        `EXPLORER_ALLOWED_HOSTS: "${host}" is not a host name like "explorer.example.org" or "explorer.example.org:8443"`,
      );
    }
  }
  return [...fromEnv, ...fromFile];
}

const HOST_PATTERN = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/** Validates the optional `allowedHosts: ["name", "name:port"]` of a config file. */
export function validateAllowedHosts(raw: unknown, source: string): string[] {
  if (!isRecord(raw) || raw.allowedHosts === undefined) return [];
  const hosts = raw.allowedHosts;
  if (!Array.isArray(hosts) || hosts.some((host) => typeof host !== 'string' || !HOST_PATTERN.test(host))) {
    throw new ConfigError(
      `${source}: "allowedHosts" must be a list of host names like ["explorer.example.org", "10.0.0.5:5173"]`,
    );
  }
  return hosts as string[];
}

export function sandboxInstance(env: Env): InstanceConfig {
  const port = parsePort(env.SANDBOX_PORT, 8000, 'SANDBOX_PORT');
  const bound = env.SANDBOX_HOST?.trim() || '127.0.0.1';
  // A wildcard bind address is not a destination: talk to it over loopback.
  const host =
    bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;
  const instance: InstanceConfig = {
    name: SANDBOX_INSTANCE_NAME,
    url: `http://${host}:${port}`,
    proxy: true,
    sandbox: true,
  };
  const proxyKey = env.SANDBOX_PROXY_KEY?.trim();
  return proxyKey ? { ...instance, proxyKey } : instance;
}

// Fields are picked one by one, never spread: `proxyKey` and anything added later stay on the server.
export function publicInstances(instances: readonly InstanceConfig[]): PublicInstance[] {
  return instances.map(({ name, url, proxy, sandbox, kind, color, admin, adminUrl }) => {
    const resolvedKind = kind ?? (sandbox ? 'sandbox' : undefined);
    const hasAdmin = admin ?? resolvedKind !== 'sandbox';
    const resolvedAdmin = adminUrl ?? (hasAdmin ? url : undefined);
    return {
      name,
      url,
      proxy,
      baseUrl: proxy ? `/api/${name}` : url,
      ...(sandbox ? { sandbox } : {}),
      ...(resolvedKind ? { kind: resolvedKind } : {}),
      ...(color ? { color } : {}),
      ...(resolvedAdmin ? { adminUrl: resolvedAdmin } : {}),
    };
  });
}

/** Parses a TCP port from the environment; throws ConfigError on anything but an integer in 1–65535. */
export function parsePort(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`${variable} must be a port number between 1 and 65535, got "${value}"`);
  }
  return port;
}

function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read explorer config ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`Explorer config ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Validates `{ instances: [...] }` from `source` (a file path or variable names, for messages). */
export function validateInstances(raw: unknown, source: string): InstanceConfig[] {
  const fail = (message: string): never => {
    throw new ConfigError(`${source}: ${message}`);
  };
  if (!isRecord(raw) || !Array.isArray(raw.instances)) {
    return fail('expected an object { "instances": [ … ] }');
  }
  if (raw.instances.length === 0) return fail('"instances" is empty; list at least one instance');
  const seen = new Set<string>();
  return raw.instances.map((entry: unknown, index): InstanceConfig => {
    const where = `instances[${index}]`;
    if (!isRecord(entry)) return fail(`${where} must be an object { "name", "url", "proxy" }`);
    const unknown = Object.keys(entry).filter((key) => !INSTANCE_KEYS.has(key));
    if (unknown.length > 0) {
      fail(`${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${[...INSTANCE_KEYS].join(', ')}`);
    }
    const { name, url, proxy = true, sandbox = false, proxyKey, kind, color, admin, adminUrl } = entry;
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
      return fail(
        `${where}.name ${JSON.stringify(name)} must match ${NAME_PATTERN.source} (lowercase letters, digits, dashes; up to 32)`,
      );
    }
    if (RESERVED_NAMES.has(name)) return fail(`${where}.name "${name}" is reserved; pick another name`);
    if (seen.has(name)) return fail(`${where}.name "${name}" is used twice; names must be unique`);
    seen.add(name);
    if (typeof proxy !== 'boolean') return fail(`${where}.proxy must be true or false`);
    if (typeof sandbox !== 'boolean') return fail(`${where}.sandbox must be true or false`);
    if (typeof url !== 'string') return fail(`${where}.url must be a string like "https://alyx.example.org"`);
    if (proxyKey !== undefined && (typeof proxyKey !== 'string' || !PROXY_KEY_PATTERN.test(proxyKey))) {
      return fail(`${where}.proxyKey must be a string of 16–256 printable characters without spaces`);
    }
    if (kind !== undefined && !INSTANCE_KINDS.includes(kind as InstanceKind)) {
      return fail(`${where}.kind ${JSON.stringify(kind)} must be one of ${INSTANCE_KINDS.join(', ')}`);
    }
    if (color !== undefined) {
      if (kind === 'production') {
        return fail(`${where}.color: a production instance is always red; remove "color"`);
      }
      if (!INSTANCE_COLORS.includes(color as InstanceColor)) {
        return fail(
          `${where}.color ${JSON.stringify(color)} must be one of ${INSTANCE_COLORS.join(', ')} (red is production's)`,
        );
      }
    }
    if (admin !== undefined && typeof admin !== 'boolean')
      return fail(`${where}.admin must be true or false`);
    if (adminUrl !== undefined && typeof adminUrl !== 'string') {
      return fail(`${where}.adminUrl must be a string like "https://alyx.example.org"`);
    }
    if (admin === false && adminUrl !== undefined) {
      return fail(`${where}: "admin": false and an "adminUrl" contradict each other; keep one`);
    }
    const instance: InstanceConfig = { name, url: normaliseUrl(url, `${where}.url`, fail), proxy };
    if (sandbox) instance.sandbox = sandbox;
    if (proxyKey !== undefined) instance.proxyKey = proxyKey;
    if (kind !== undefined) instance.kind = kind as InstanceKind;
    if (color !== undefined) instance.color = color as InstanceColor;
    if (admin !== undefined) instance.admin = admin;
    if (adminUrl !== undefined) instance.adminUrl = normaliseUrl(adminUrl, `${where}.adminUrl`, fail);
    return instance;
  });
}

function normaliseUrl(value: string, where: string, fail: (message: string) => never): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail(`${where} "${value}" is not an absolute URL like "https://alyx.example.org"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`${where} "${value}" must use http or https`);
  }
  if (url.username || url.password) {
    return fail(`${where} must not contain credentials; log in from the explorer instead`);
  }
  if (url.search || url.hash) return fail(`${where} "${value}" must not have a query string or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
