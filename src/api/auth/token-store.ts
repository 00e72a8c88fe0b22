/**
 * Tokens per instance: sessionStorage by default, localStorage when "remember me". Never in a
 * URL. Falls back to memory where Web Storage does not exist (Node scripts, tests).
 */

/** Web Storage key prefix of a token; the server-drawn page's gate script reads it too. */
export const TOKEN_KEY_PREFIX = 'alyx-explorer:token:';
const PREFIX = TOKEN_KEY_PREFIX;

/** 'storage': another tab changed a remembered (localStorage) token. */
export type TokenChange = 'set' | 'clear' | 'storage';

/**
 * Why a token was cleared: the user logged out (here or in another tab), or the instance refused it
 * (401) and the user is sent to sign in again — which keeps what they were typing (ADR 0020).
 */
export type ClearReason = 'logout' | 'expired';

type Listener = (instance: string, change: TokenChange, reason?: ClearReason) => void;

const listeners = new Set<Listener>();
const memory = new Map<string, string>();

function storage(kind: 'session' | 'local'): Storage | null {
  try {
    const store = kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
    return store ?? null;
  } catch {
    return null;
  }
}

function notify(instance: string, change: TokenChange, reason?: ClearReason): void {
  for (const listener of [...listeners]) listener(instance, change, reason);
}

export function getToken(instance: string): string | null {
  const key = PREFIX + instance;
  return storage('session')?.getItem(key) ?? storage('local')?.getItem(key) ?? memory.get(key) ?? null;
}

export function setToken(instance: string, token: string, remember = false): void {
  const key = PREFIX + instance;
  const session = storage('session');
  const local = storage('local');
  session?.removeItem(key);
  local?.removeItem(key);
  memory.delete(key);
  const target = remember ? local : session;
  if (target) target.setItem(key, token);
  else memory.set(key, token);
  notify(instance, 'set');
}

export function clearToken(instance: string, reason: ClearReason = 'logout'): void {
  const key = PREFIX + instance;
  storage('session')?.removeItem(key);
  storage('local')?.removeItem(key);
  memory.delete(key);
  notify(instance, 'clear', reason);
}

/** Whether the token survives closing the browser. */
export function isTokenRemembered(instance: string): boolean {
  return storage('local')?.getItem(PREFIX + instance) != null;
}

/** Calls `listener(instance)` on every change, including logins and logouts in other tabs. Returns the unsubscribe. */
export function subscribeTokens(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent): void => {
    if (event.key?.startsWith(PREFIX)) listener(event.key.slice(PREFIX.length), 'storage');
  };
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    target?.removeEventListener('storage', onStorage);
  };
}
