/**
 * Tokens across tabs of the same origin (ADR 0013): a tab without a token asks the others over a
 * BroadcastChannel and keeps what they hand over in its own sessionStorage; a logout in one tab logs
 * that instance out in all of them. Nothing goes to a URL, and nothing to localStorage unless the
 * user ticked "remember me" (that token is shared by localStorage already).
 */
import { clearToken, getToken, setToken, subscribeTokens } from '../api/auth/token-store.ts';
import { clearAccount, getAccount, setAccount, type AccountInfo } from './account-store.ts';

const CHANNEL = 'alyx-explorer:tokens';
/** Long enough for an idle tab to answer, short enough that the login page does not lag. */
export const HANDOVER_WAIT_MS = 300;

type Message =
  | { type: 'ask'; id: string; instance: string }
  | { type: 'give'; id: string; instance: string; token: string; account: AccountInfo }
  | { type: 'logout'; instance: string };

let channel: BroadcastChannel | null = null;
let applyingRemote = false;
const waiting = new Map<string, (token: string | null) => void>();
const asking = new Map<string, Promise<string | null>>();
const remoteLogoutListeners = new Set<(instance: string) => void>();

function isMessage(data: unknown): data is Message {
  if (data === null || typeof data !== 'object') return false;
  const { type, instance } = data as { type?: unknown; instance?: unknown };
  return typeof instance === 'string' && (type === 'ask' || type === 'give' || type === 'logout');
}

function onMessage(event: MessageEvent<unknown>): void {
  const message = event.data;
  if (!isMessage(message)) return;
  if (message.type === 'ask') {
    const token = getToken(message.instance);
    if (token === null) return;
    const reply: Message = {
      type: 'give',
      id: message.id,
      instance: message.instance,
      token,
      account: getAccount(message.instance),
    };
    channel?.postMessage(reply);
  } else if (message.type === 'give') {
    const resolve = waiting.get(message.id);
    if (!resolve || typeof message.token !== 'string' || message.token === '') return;
    if (getToken(message.instance) === null) {
      setToken(message.instance, message.token);
      const { username, readOnly } = message.account ?? {};
      setAccount(message.instance, {
        username: typeof username === 'string' ? username : null,
        readOnly: readOnly === true,
      });
    }
    resolve(getToken(message.instance));
  } else {
    if (getToken(message.instance) === null) return;
    applyingRemote = true;
    try {
      clearToken(message.instance);
      clearAccount(message.instance);
    } finally {
      applyingRemote = false;
    }
    for (const listener of [...remoteLogoutListeners]) listener(message.instance);
  }
}

/**
 * Joins the tabs' channel: answers their questions and tells them about logouts here. Returns the
 * stop function. A no-op where BroadcastChannel does not exist.
 */
export function startTabHandover(): () => void {
  if (channel || typeof BroadcastChannel === 'undefined' || typeof window === 'undefined') return () => {};
  const joined = new BroadcastChannel(CHANNEL);
  channel = joined;
  joined.addEventListener('message', onMessage);
  const unsubscribe = subscribeTokens((instance, change) => {
    if (change !== 'clear' || applyingRemote) return;
    const message: Message = { type: 'logout', instance };
    joined.postMessage(message);
  });
  return () => {
    unsubscribe();
    joined.close();
    if (channel === joined) channel = null;
  };
}

/** Calls `listener(instance)` when another tab logged out of `instance`. Returns the unsubscribe. */
export function onRemoteLogout(listener: (instance: string) => void): () => void {
  remoteLogoutListeners.add(listener);
  return () => remoteLogoutListeners.delete(listener);
}

/**
 * This tab's token for `instance`, or the one another open tab holds: asks and waits at most
 * `waitMs` for an answer. Null when no tab is signed in.
 */
export function tokenFromOtherTabs(instance: string, waitMs = HANDOVER_WAIT_MS): Promise<string | null> {
  const own = getToken(instance);
  if (own !== null || !channel) return Promise.resolve(own);
  const pending = asking.get(instance);
  if (pending) return pending;
  const joined = channel;
  const id = crypto.randomUUID();
  const answer = new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => finish(null), waitMs);
    function finish(token: string | null): void {
      clearTimeout(timer);
      waiting.delete(id);
      asking.delete(instance);
      resolve(token ?? getToken(instance));
    }
    waiting.set(id, finish);
  });
  asking.set(instance, answer);
  const ask: Message = { type: 'ask', id, instance };
  joined.postMessage(ask);
  return answer;
}
