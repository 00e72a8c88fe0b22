/**
 * Drafts of forms (ADR 0020): what the user typed, kept in this tab's sessionStorage per instance,
 * endpoint, record (or `new`) and method, so a reload or a wander elsewhere loses nothing. Dropped on
 * submit, on discard and on logout (here or in another tab). Stored text is hostile: anything that is
 * not exactly a draft is ignored and removed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getToken, subscribeTokens } from '../api/auth/token-store.ts';
import { isRecord } from '../api/values.ts';
import { getAccount } from './account-store.ts';
import type { FormValues } from './edit-conflicts.ts';

const PREFIX = 'alyx-explorer:draft:';
const VERSION = 1;
/** A draft bigger than this is not a draft of a form anybody typed; refuse to read or write it. */
export const MAX_DRAFT_CHARS = 512 * 1024;
export const DRAFT_SAVE_DELAY_MS = 300;

/** Field names whose values never reach storage. */
const SENSITIVE_FIELD = /pass(word|wd)?|token|secret|api[-_]?key|credential/i;

export type DraftMethod = 'POST' | 'PATCH' | 'PUT';

export interface DraftKey {
  instance: string;
  endpoint: string;
  /** The record's lookup, or null for a create form. */
  lookup: string | null;
  method: DraftMethod;
}

export interface FormDraft {
  /** Field name → value as typed (sensitive fields left out). */
  values: FormValues;
  /** The record the form opened from (or the create prefill): the base for conflict checks. */
  original: FormValues | null;
  /** ms since epoch. */
  savedAt: number;
}

interface StoredDraft extends FormDraft {
  v: typeof VERSION;
  /** Username the draft was typed under, so another account never sees it. */
  account: string | null;
}

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function instancePrefix(instance: string): string {
  return `${PREFIX}${encodeURIComponent(instance)}/`;
}

export function draftStorageKey(key: DraftKey): string {
  const parts = [key.endpoint, key.lookup === null ? '~new' : `=${key.lookup}`, key.method];
  return instancePrefix(key.instance) + parts.map(encodeURIComponent).join('/');
}

export function isSensitiveField(name: string): boolean {
  return SENSITIVE_FIELD.test(name);
}

/** A copy without sensitive fields and without keys that could reach an object's prototype. */
function cleanValues(values: FormValues): FormValues {
  return Object.fromEntries(
    Object.entries(values).filter(([name]) => name !== '__proto__' && !isSensitiveField(name)),
  );
}

function parseDraft(raw: string): StoredDraft | null {
  if (raw.length > MAX_DRAFT_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.v !== VERSION) return null;
  const { values, original, savedAt, account } = parsed;
  if (!isRecord(values) || (original !== null && !isRecord(original))) return null;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0) return null;
  if (account !== null && typeof account !== 'string') return null;
  return {
    v: VERSION,
    values: cleanValues(values),
    original: original === null ? null : cleanValues(original),
    savedAt,
    account,
  };
}

/** Stores the draft; false when it is too big or storage refuses (quota, private mode). */
export function saveDraft(
  key: DraftKey,
  values: FormValues,
  original: FormValues | null,
  now = Date.now(),
): boolean {
  const store = session();
  if (!store) return false;
  const draft: StoredDraft = {
    v: VERSION,
    values: cleanValues(values),
    original: original === null ? null : cleanValues(original),
    savedAt: now,
    account: getAccount(key.instance).username,
  };
  let raw: string;
  try {
    raw = JSON.stringify(draft);
  } catch {
    return false;
  }
  if (raw.length > MAX_DRAFT_CHARS) return false;
  try {
    store.setItem(draftStorageKey(key), raw);
    return true;
  } catch {
    return false;
  }
}

/** The stored draft, or null when there is none, it is not a draft, or another account typed it. */
export function loadDraft(key: DraftKey): FormDraft | null {
  const store = session();
  if (!store) return null;
  const storageKey = draftStorageKey(key);
  let raw: string | null;
  try {
    raw = store.getItem(storageKey);
  } catch {
    return null;
  }
  if (raw === null) return null;
  const draft = parseDraft(raw);
  if (!draft) {
    store.removeItem(storageKey);
    return null;
  }
  const username = getAccount(key.instance).username;
  if (draft.account !== null && username !== null && draft.account !== username) return null;
  return { values: draft.values, original: draft.original, savedAt: draft.savedAt };
}

export function discardDraft(key: DraftKey): void {
  session()?.removeItem(draftStorageKey(key));
}

/** Drops every draft of `instance` in this tab. */
export function discardInstanceDrafts(instance: string): void {
  const store = session();
  if (!store) return;
  const prefix = instancePrefix(instance);
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const name = store.key(index);
    if (name?.startsWith(prefix)) keys.push(name);
  }
  for (const name of keys) store.removeItem(name);
}

let stopCleanup: (() => void) | null = null;

/**
 * Drops an instance's drafts when its token goes because the user logged out — here, or in another
 * tab (the tab handover clears this tab's token; a remembered token goes through the `storage`
 * event). A 401 ('expired') keeps them: the user signs in again and finds the form as it was.
 * Idempotent; returns the stop function.
 */
export function startDraftCleanup(): () => void {
  if (stopCleanup) return stopCleanup;
  const unsubscribe = subscribeTokens((instance, change, reason) => {
    const loggedOut =
      (change === 'clear' && reason !== 'expired') || (change === 'storage' && getToken(instance) === null);
    if (loggedOut) discardInstanceDrafts(instance);
  });
  const stop = (): void => {
    unsubscribe();
    if (stopCleanup === stop) stopCleanup = null;
  };
  stopCleanup = stop;
  return stop;
}

export interface UseFormDraftOptions {
  /** Save while true (pass the form's `dirty`); while false nothing is written. */
  enabled: boolean;
  /** The record the form opened from (or the create prefill), stored with the values. */
  original: FormValues | null;
}

export interface FormDraftControls {
  /** The stored draft on offer, until `restore` or `discard`. Saving waits while one is offered. */
  draft: FormDraft | null;
  /** Takes the offered draft (put its values in the form and its `original` as the base). */
  restore: () => FormDraft | null;
  /** Drops the stored and the offered draft (on "discard" and after a successful submit). */
  discard: () => void;
}

/**
 * Saves `values` under `key` (debounced) while `enabled`, offers a stored draft on mount, and
 * flushes a pending save when the form unmounts or the page goes away.
 */
export function useFormDraft(
  key: DraftKey,
  values: FormValues,
  options: UseFormDraftOptions,
): FormDraftControls {
  const { instance, endpoint, lookup, method } = key;
  const stableKey = useMemo<DraftKey>(
    () => ({ instance, endpoint, lookup, method }),
    [instance, endpoint, lookup, method],
  );
  const [offer, setOffer] = useState<{ key: DraftKey; draft: FormDraft | null }>(() => ({
    key: stableKey,
    draft: loadDraft(stableKey),
  }));
  // Another record in the same mounted form: offer its draft instead (state adjusted during render).
  if (offer.key !== stableKey) setOffer({ key: stableKey, draft: loadDraft(stableKey) });
  const offered = offer.key === stableKey ? offer.draft : null;

  const pending = useRef<(() => void) | null>(null);
  const flush = useCallback(() => {
    const save = pending.current;
    pending.current = null;
    save?.();
  }, []);

  const { enabled, original } = options;
  useEffect(() => {
    if (!enabled || offered) {
      pending.current = null;
      return;
    }
    const save = (): void => {
      saveDraft(stableKey, values, original);
    };
    pending.current = save;
    const timer = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    // `pending` stays set: the next run replaces it, an unmount or `pagehide` flushes it.
    return () => clearTimeout(timer);
  }, [stableKey, values, original, enabled, offered, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const restore = useCallback((): FormDraft | null => {
    setOffer({ key: stableKey, draft: null });
    return offered;
  }, [offered, stableKey]);

  const discard = useCallback((): void => {
    pending.current = null;
    discardDraft(stableKey);
    setOffer({ key: stableKey, draft: null });
  }, [stableKey]);

  return { draft: offered, restore, discard };
}
