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

/**
 * Per instance: its entries newest first, each entry's JSON (so a new request stringifies one entry,
 * not 500), and the stored text they were read from or last written as (null while a write waits).
 */
interface Kept {
  entries: HistoryEntry[];
  parts: string[];
  raw: string | null;
}

const kept = new Map<string, Kept>();
/** Instances whose newest entries are not in localStorage yet: written together, off the request's path. */
const unwritten = new Set<string>();
const WRITE_DELAY_MS = 200;
let writeTimer: ReturnType<typeof setTimeout> | null = null;

function parseStored(raw: string): Kept {
  const entries: HistoryEntry[] = [];
  try {
    const data: unknown = JSON.parse(raw);
    if (Array.isArray(data))
      for (const item of data.slice(0, HISTORY_LIMIT)) {
        const entry = cleanEntry(item);
        if (entry) entries.push(entry);
      }
  } catch {
    entries.length = 0;
  }
  return { entries, parts: entries.map((entry) => JSON.stringify(entry)), raw };
}

function current(instance: string): Kept {
  const known = kept.get(instance);
  if (known && unwritten.has(instance)) return known;
  const raw = storage()?.getItem(storageKey(instance)) ?? null;
  if (known && known.raw === raw) return known;
  const next =
    !raw || raw.length > HISTORY_MAX_CHARS * 2 ? { entries: [], parts: [], raw } : parseStored(raw);
  kept.set(instance, next);
  return next;
}

/** Newest first; whatever is stored is checked and what is not an entry is dropped. */
export function readHistory(instance: string): HistoryEntry[] {
  return current(instance).entries;
}

/** Writes the entries waiting in memory now (also on leaving the page). */
export function flushHistory(): void {
  if (writeTimer !== null) clearTimeout(writeTimer);
  writeTimer = null;
  for (const instance of [...unwritten]) {
    unwritten.delete(instance);
    const state = kept.get(instance);
    if (!state) continue;
    const raw = `[${state.parts.join(',')}]`;
    try {
      storage()?.setItem(storageKey(instance), raw);
      state.raw = raw;
    } catch {
      // A full or refused localStorage only loses the history.
      kept.delete(instance);
    }
  }
}

const changeListeners = new Set<() => void>();
const snapshots = new Map<string, HistoryEntry[]>();

function changed(instance: string): void {
  snapshots.delete(instance);
  for (const listener of [...changeListeners]) listener();
}

export function addHistoryEntry(instance: string, entry: HistoryEntry): void {
  const before = current(instance);
  const entries = [entry, ...before.entries];
  const parts = [JSON.stringify(entry), ...before.parts];
  let count = 0;
  let chars = 2;
  for (const part of parts) {
    if (count === HISTORY_LIMIT || chars + part.length + 1 > HISTORY_MAX_CHARS) break;
    chars += part.length + 1;
    count += 1;
  }
  kept.set(instance, { entries: entries.slice(0, count), parts: parts.slice(0, count), raw: null });
  unwritten.add(instance);
  writeTimer ??= setTimeout(flushHistory, WRITE_DELAY_MS);
  changed(instance);
}

export function clearHistory(instance: string): void {
  unwritten.delete(instance);
  kept.delete(instance);
  storage()?.removeItem(storageKey(instance));
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
    // A logout cancels the session's requests in flight, and they end after its history was emptied.
    const endedByLogout = entry?.status === 'aborted' && getToken(request.instance) === null;
    if (entry && !endedByLogout) addHistoryEntry(request.instance, entry);
  });
  const untokens = subscribeTokens((instance, change, reason) => {
    const loggedOut =
      (change === 'clear' && reason !== 'expired') || (change === 'storage' && getToken(instance) === null);
    if (loggedOut) clearHistory(instance);
  });
  const onHide = (): void => {
    if (document.visibilityState === 'hidden') flushHistory();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHide);
  const stop = (): void => {
    unrecord();
    untokens();
    flushHistory();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHide);
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
