import { getToken } from './auth/token-store.ts';
import { createAlyxClient, type AlyxClient } from './http/client.ts';
import {
  parseAdminUrl,
  parseColor,
  parseKind,
  type InstanceColor,
  type InstanceKind,
} from './instance-kind.ts';
import { isRecord } from './values.ts';

/** One configured Alyx instance, as `GET /__explorer/instances` lists it. */
export interface InstanceConfig {
  /** Short URL-safe name, first segment of every app path (`sandbox`, `alyx`). */
  name: string;
  /** The instance's own root URL. */
  url: string;
  /** True when the browser reaches it through the app server at `/api/{name}`. */
  proxy: boolean;
  /** Where requests go: `/api/{name}` when proxied, else `url`. */
  baseUrl: string;
  /** The embedded sandbox, whose demo accounts the login page may offer. */
  sandbox?: boolean;
  /** What the instance is for (production, staging, test, sandbox), when configured. */
  kind?: InstanceKind;
  /** Its colour from the fixed palette, when configured (production is red regardless). */
  color?: InstanceColor;
  /** Root of its Django admin, present only where it has one. */
  adminUrl?: string;
}

const clients = new Map<string, AlyxClient>();

/** The client of an instance, memoised per name and base URL; it reads the instance's token on every request. */
export function clientFor(instance: InstanceConfig): AlyxClient {
  const key = `${instance.name}\n${instance.baseUrl}`;
  let client = clients.get(key);
  if (!client) {
    client = createAlyxClient({
      baseUrl: instance.baseUrl,
      getToken: () => getToken(instance.name),
      viaExplorerProxy: instance.proxy,
      logAs: instance.name,
    });
    clients.set(key, client);
  }
  return client;
}

export function findInstance(
  instances: readonly InstanceConfig[],
  name: string | undefined,
): InstanceConfig | undefined {
  return name === undefined ? undefined : instances.find((instance) => instance.name === name);
}

/** Every base an Alyx hyperlink of this instance may start with (instance url, proxy base, absolute proxy base). */
export function instanceBases(instance: InstanceConfig): string[] {
  const bases = [instance.url, instance.baseUrl];
  const origin = typeof window === 'undefined' ? null : window.location.origin;
  if (origin && instance.baseUrl.startsWith('/')) bases.push(`${origin}${instance.baseUrl}`);
  return bases.filter((base) => base.length > 0);
}

/** Validates the app server's instance list; ignores malformed entries rather than failing the app. */
export function parseInstances(data: unknown): InstanceConfig[] {
  if (!Array.isArray(data)) return [];
  const out: InstanceConfig[] = [];
  for (const item of data) {
    if (!isRecord(item)) continue;
    const { name, url, proxy, baseUrl, sandbox, kind, color, adminUrl } = item;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) continue;
    if (typeof url !== 'string') continue;
    const proxied = proxy !== false;
    const base = typeof baseUrl === 'string' && baseUrl.length > 0 ? baseUrl : proxied ? `/api/${name}` : url;
    const instance: InstanceConfig = { name, url, proxy: proxied, baseUrl: base.replace(/\/+$/, '') };
    if (sandbox === true) instance.sandbox = true;
    const parsedKind = parseKind(kind) ?? (sandbox === true ? 'sandbox' : undefined);
    if (parsedKind) instance.kind = parsedKind;
    const parsedColor = parseColor(color);
    if (parsedColor) instance.color = parsedColor;
    const admin = parseAdminUrl(adminUrl);
    if (admin) instance.adminUrl = admin;
    out.push(instance);
  }
  return out;
}
