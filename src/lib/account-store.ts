/**
 * What the explorer knows about the account behind an instance's token: the username typed at
 * login (a token alone does not say) and whether writes were refused. Stored beside the token.
 */

const PREFIX = 'alyx-explorer:account:';

export interface AccountInfo {
  username: string | null;
  /** Set after the instance refused a write with 403, or when the user row says `is_public_user`. */
  readOnly: boolean;
}

const listeners = new Set<() => void>();
const memory = new Map<string, string>();
const cache = new Map<string, { raw: string | null; info: AccountInfo }>();

function stores(): Storage[] {
  try {
    return [globalThis.sessionStorage, globalThis.localStorage].filter((s): s is Storage => s !== undefined);
  } catch {
    return [];
  }
}

function read(instance: string): string | null {
  const key = PREFIX + instance;
  for (const store of stores()) {
    const value = store.getItem(key);
    if (value !== null) return value;
  }
  return memory.get(key) ?? null;
}

function write(instance: string, info: AccountInfo | null, remember: boolean): void {
  const key = PREFIX + instance;
  for (const store of stores()) store.removeItem(key);
  memory.delete(key);
  if (info) {
    const raw = JSON.stringify(info);
    const target = stores()[remember ? 1 : 0];
    if (target) target.setItem(key, raw);
    else memory.set(key, raw);
  }
  for (const listener of [...listeners]) listener();
}

export function getAccount(instance: string): AccountInfo {
  const raw = read(instance);
  const cached = cache.get(instance);
  // Same object for the same stored text, as useSyncExternalStore requires.
  if (cached && cached.raw === raw) return cached.info;
  let info: AccountInfo = { username: null, readOnly: false };
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Partial<AccountInfo>;
      info = {
        username: typeof parsed.username === 'string' ? parsed.username : null,
        readOnly: parsed.readOnly === true,
      };
    } catch {
      // unreadable: treat as unknown
    }
  }
  cache.set(instance, { raw, info });
  return info;
}

export function setAccount(instance: string, info: AccountInfo, remember = false): void {
  write(instance, info, remember);
}

export function markReadOnly(instance: string): void {
  const current = getAccount(instance);
  if (current.readOnly) return;
  const remembered = (() => {
    try {
      return globalThis.localStorage?.getItem(PREFIX + instance) != null;
    } catch {
      return false;
    }
  })();
  write(instance, { ...current, readOnly: true }, remembered);
}

export function clearAccount(instance: string): void {
  write(instance, null, false);
}

export function subscribeAccounts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
