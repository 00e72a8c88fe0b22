/**
 * The request history (ADR 0029): every request the explorer sent to an instance — method, path,
 * status, start, duration, size — local to this browser, one bounded list per instance, newest
 * first. Never a header or token; for `/auth-token` nothing but method, path and status; query
 * values and body fields with secret-looking names masked. Emptied when the instance logs out.
 * Stored text is hostile (another tab, version or script may have written it): checked on read.
 */
import { useSyncExternalStore } from 'react';
import { getToken, subscribeTokens } from '../api/auth/token-store.ts';
import { isAuthTokenPath, onRequestFinished, type FinishedRequest } from '../api/http/request-log.ts';
import { consoleBodyForUrl, maskQuery } from '../config/paths.ts';

export type HistoryStatus = number | 'network error' | 'aborted';

export interface HistoryEntry {
  method: string;
  /** Instance-relative path with its (masked) query. */
  path: string;
  status: HistoryStatus;
  /** ms since epoch. */
  at: number;
  durationMs: number;
  sizeBytes: number;
  /** A console write's JSON body, secrets masked, when short enough (ADR 0019). */
  body?: string;
  fromConsole?: boolean;
}

export const HISTORY_LIMIT = 500;
/** Of the stored JSON per instance, so a few instances never fill localStorage. */
export const HISTORY_MAX_CHARS = 256 * 1024;
const MAX_PATH_CHARS = 2000;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);

const storageKey = (instance: string): string => `alyx-explorer:history:${instance}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isStatus(value: unknown): value is HistoryStatus {
  return (
    (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) ||
    value === 'network error' ||
    value === 'aborted'
  );
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The path as it may be stored: relative, bounded, with secret-named query values masked. */
export function historyPath(path: string): string {
  const trimmed = path.slice(0, MAX_PATH_CHARS);
  const at = trimmed.indexOf('?');
  if (at === -1) return trimmed;
  const query = maskQuery(trimmed.slice(at + 1));
  return query ? `${trimmed.slice(0, at)}?${query}` : trimmed.slice(0, at);
}

/** A finished request as the history keeps it; null when there is nothing safe to keep. */
export function historyEntryFor(request: FinishedRequest): HistoryEntry | null {
  const method = request.method.toUpperCase();
  if (!METHODS.has(method) || !isStatus(request.status)) return null;
  const path = historyPath(request.path.startsWith('/') ? request.path : `/${request.path}`);
  const entry: HistoryEntry = {
    method,
    path,
    status: request.status,
    at: request.startedAt,
    durationMs: Math.max(0, Math.round(request.durationMs)),
    sizeBytes: Math.max(0, request.sizeBytes),
  };
  if (request.fromConsole) entry.fromConsole = true;
  if (!isAuthTokenPath(path) && request.body !== undefined) {
    const body = consoleBodyForUrl(method, request.body);
    if (body !== undefined) entry.body = body;
  }
  return entry;
}

function cleanEntry(value: unknown): HistoryEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { method, path, status, at, durationMs, sizeBytes, body, fromConsole } = value as Record<
    string,
    unknown
  >;
  if (typeof method !== 'string' || !METHODS.has(method)) return null;
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > MAX_PATH_CHARS) return null;
  if (!isStatus(status) || !isCount(at) || !isCount(durationMs) || !isCount(sizeBytes)) return null;
  const entry: HistoryEntry = { method, path: historyPath(path), status, at, durationMs, sizeBytes };
  if (fromConsole === true) entry.fromConsole = true;
  if (typeof body === 'string' && !isAuthTokenPath(path)) {
    const masked = consoleBodyForUrl(method, body);
    if (masked !== undefined) entry.body = masked;
  }
  return entry;
}

/** The last text read or written per instance and its entries, so each request does not re-check 500. */
const parsed = new Map<string, { raw: string; entries: HistoryEntry[] }>();

/** Newest first; whatever is stored is checked and what is not an entry is dropped. */
export function readHistory(instance: string): HistoryEntry[] {
  const raw = storage()?.getItem(storageKey(instance));
  if (!raw || raw.length > HISTORY_MAX_CHARS * 2) return [];
  const known = parsed.get(instance);
  if (known?.raw === raw) return known.entries;
  let entries: HistoryEntry[] = [];
  try {
    const data: unknown = JSON.parse(raw);
    if (Array.isArray(data))
      for (const item of data.slice(0, HISTORY_LIMIT)) {
        const entry = cleanEntry(item);
        if (entry) entries.push(entry);
      }
  } catch {
    entries = [];
  }
  parsed.set(instance, { raw, entries });
  return entries;
}

/** The newest entries whose JSON fits both bounds, and that JSON. */
function bounded(entries: HistoryEntry[]): { entries: HistoryEntry[]; raw: string } {
  const kept = entries.slice(0, HISTORY_LIMIT);
  const parts: string[] = [];
  let chars = 2;
  for (const entry of kept) {
    const part = JSON.stringify(entry);
    chars += part.length + 1;
    if (chars > HISTORY_MAX_CHARS) break;
    parts.push(part);
  }
  return { entries: kept.slice(0, parts.length), raw: `[${parts.join(',')}]` };
}

const changeListeners = new Set<() => void>();
const snapshots = new Map<string, HistoryEntry[]>();

function changed(instance: string): void {
  snapshots.delete(instance);
  for (const listener of [...changeListeners]) listener();
}

export function addHistoryEntry(instance: string, entry: HistoryEntry): void {
  const next = bounded([entry, ...readHistory(instance)]);
  try {
    storage()?.setItem(storageKey(instance), next.raw);
    parsed.set(instance, next);
  } catch {
    // A full or refused localStorage only loses the history.
  }
  changed(instance);
}

export function clearHistory(instance: string): void {
  storage()?.removeItem(storageKey(instance));
  parsed.delete(instance);
  changed(instance);
}

let stopRecording: (() => void) | null = null;

/**
 * Records every finished request and empties an instance's history when it logs out (here or in
 * another tab; a 401 'expired' keeps it, as for drafts). Idempotent; returns the stop function.
 */
export function startRequestHistory(): () => void {
  if (stopRecording) return stopRecording;
  const unrecord = onRequestFinished((request) => {
    const entry = historyEntryFor(request);
    if (entry) addHistoryEntry(request.instance, entry);
  });
  const untokens = subscribeTokens((instance, change, reason) => {
    const loggedOut =
      (change === 'clear' && reason !== 'expired') || (change === 'storage' && getToken(instance) === null);
    if (loggedOut) clearHistory(instance);
  });
  const stop = (): void => {
    unrecord();
    untokens();
    if (stopRecording === stop) stopRecording = null;
  };
  stopRecording = stop;
  return stop;
}

function subscribe(listener: () => void): () => void {
  changeListeners.add(listener);
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key.startsWith('alyx-explorer:history:')) {
      snapshots.clear();
      listener();
    }
  };
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('storage', onStorage);
  return () => {
    changeListeners.delete(listener);
    target?.removeEventListener('storage', onStorage);
  };
}

/** The instance's history, re-rendering on each new request, clear, and change in another tab. */
export function useRequestHistory(instance: string): HistoryEntry[] {
  const snapshot = (): HistoryEntry[] => {
    let entries = snapshots.get(instance);
    if (!entries) {
      entries = readHistory(instance);
      snapshots.set(instance, entries);
    }
    return entries;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
