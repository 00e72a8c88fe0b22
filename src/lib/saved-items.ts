/**
 * Saved queries and pinned records (ADR 0032): bookmarks of list views and of records, local to this
 * browser, one bounded list of each per instance, newest first. Only an endpoint, a query (keys that
 * name a secret dropped), a lookup, a name and a time; never a token. They are bookmarks, not
 * secrets, so logging out keeps them. Stored text is hostile (another tab, an older version or a
 * script may have written it): everything read back is checked, and what is not an entry is dropped.
 */
import { useSyncExternalStore } from 'react';
import { isSecretKey } from '../config/paths.ts';

export interface SavedQuery {
  name: string;
  endpoint: string;
  /** The list's query string without `?`: the Alyx query. */
  query: string;
  /** ms since epoch. */
  savedAt: number;
}

export interface PinnedRecord {
  /** The record's title when pinned, or what the user renamed it to. */
  name: string;
  endpoint: string;
  lookup: string;
  pinnedAt: number;
}

export const SAVED_QUERY_LIMIT = 100;
export const PIN_LIMIT = 100;
export const MAX_NAME_LENGTH = 120;
export const MAX_QUERY_LENGTH = 2000;
const MAX_PART_LENGTH = 200;

export type SaveResult = 'saved' | 'renamed' | 'full' | 'invalid' | 'failed';

const QUERIES_PREFIX = 'alyx-explorer:saved-queries:';
const PINS_PREFIX = 'alyx-explorer:pins:';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const isPart = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_PART_LENGTH;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A name as shown and stored: no control characters, single spaces, bounded; '' when nothing is left. */
export function cleanName(name: string): string {
  const flat = name
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(flat).slice(0, MAX_NAME_LENGTH).join('').trim();
}

/** The query as it may be stored: without `?`, without secret-named keys, commas legible. */
export function cleanQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const kept = [...params].filter(([key]) => key !== '' && !isSecretKey(key));
  return new URLSearchParams(kept).toString().replace(/%2C/gi, ',');
}

/** Two queries that differ only in the order of their keys are the same saved query. */
function queryIdentity(query: string): string {
  const entries = [...new URLSearchParams(query)];
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

export function savedQueryId(endpoint: string, query: string): string {
  return `${endpoint}?${queryIdentity(cleanQuery(query))}`;
}

export function pinId(endpoint: string, lookup: string): string {
  return `${endpoint}/${lookup}`;
}

const PAGING = new Set(['limit', 'offset']);

/** `sessions · subject=KS005, number=1`: the endpoint and its filters (paging left out). */
export function defaultQueryName(endpoint: string, query: string): string {
  const filters = [...new URLSearchParams(cleanQuery(query))]
    .filter(([key]) => !PAGING.has(key))
    .map(([key, value]) => `${key}=${value}`);
  const name = cleanName(`${endpoint} · ${filters.length > 0 ? filters.join(', ') : 'all'}`);
  return name.length >= MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
}

function cleanSavedQuery(value: unknown): SavedQuery | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { name, endpoint, query, savedAt } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !isPart(endpoint) || typeof query !== 'string' || !isTime(savedAt))
    return null;
  if (query.length > MAX_QUERY_LENGTH) return null;
  const cleanedQuery = cleanQuery(query);
  if (cleanedQuery.length > MAX_QUERY_LENGTH) return null;
  const cleanedName = cleanName(name) || defaultQueryName(endpoint, cleanedQuery);
  return { name: cleanedName, endpoint, query: cleanedQuery, savedAt };
}

function cleanPin(value: unknown): PinnedRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { name, endpoint, lookup, pinnedAt } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !isPart(endpoint) || !isPart(lookup) || !isTime(pinnedAt)) return null;
  return { name: cleanName(name) || lookup, endpoint, lookup, pinnedAt };
}

interface Kind<T> {
  prefix: string;
  limit: number;
  clean: (value: unknown) => T | null;
  id: (item: T) => string;
}

const QUERIES: Kind<SavedQuery> = {
  prefix: QUERIES_PREFIX,
  limit: SAVED_QUERY_LIMIT,
  clean: cleanSavedQuery,
  id: (item) => savedQueryId(item.endpoint, item.query),
};
const PINS: Kind<PinnedRecord> = {
  prefix: PINS_PREFIX,
  limit: PIN_LIMIT,
  clean: cleanPin,
  id: (item) => pinId(item.endpoint, item.lookup),
};

/** The last text read per storage key and its items: snapshots stay the same object while unchanged. */
const cache = new Map<string, { raw: string | null; items: readonly unknown[] }>();

function parseItems<T>(kind: Kind<T>, raw: string | null): T[] {
  if (!raw) return [];
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return [];
    const seen = new Set<string>();
    const items: T[] = [];
    for (const value of data.slice(0, kind.limit * 2)) {
      const item = kind.clean(value);
      if (!item || seen.has(kind.id(item))) continue;
      seen.add(kind.id(item));
      items.push(item);
      if (items.length === kind.limit) break;
    }
    return items;
  } catch {
    return [];
  }
}

function read<T>(kind: Kind<T>, instance: string): readonly T[] {
  const key = kind.prefix + instance;
  const raw = storage()?.getItem(key) ?? null;
  const known = cache.get(key);
  if (known && known.raw === raw) return known.items as readonly T[];
  const items = parseItems(kind, raw);
  cache.set(key, { raw, items });
  return items;
}

const listeners = new Set<() => void>();

function write<T>(kind: Kind<T>, instance: string, items: readonly T[]): boolean {
  const key = kind.prefix + instance;
  try {
    const s = storage();
    if (!s) return false;
    if (items.length === 0) s.removeItem(key);
    else s.setItem(key, JSON.stringify(items));
    return true;
  } catch {
    // A full or refused localStorage: the list stays as it was.
    return false;
  } finally {
    for (const listener of [...listeners]) listener();
  }
}

function upsert<T extends { name: string }>(kind: Kind<T>, instance: string, item: T): SaveResult {
  const cleaned = kind.clean(item);
  if (!cleaned) return 'invalid';
  const items = read(kind, instance);
  const id = kind.id(cleaned);
  const index = items.findIndex((existing) => kind.id(existing) === id);
  if (index >= 0) {
    const next = items.map((existing, at) => (at === index ? { ...existing, name: cleaned.name } : existing));
    return write(kind, instance, next) ? 'renamed' : 'failed';
  }
  // Bookmarks are not dropped behind the user's back: a full list refuses the new one.
  if (items.length >= kind.limit) return 'full';
  return write(kind, instance, [cleaned, ...items]) ? 'saved' : 'failed';
}

function rename<T extends { name: string }>(
  kind: Kind<T>,
  instance: string,
  id: string,
  name: string,
): boolean {
  const cleaned = cleanName(name);
  if (!cleaned) return false;
  const items = read(kind, instance);
  if (!items.some((item) => kind.id(item) === id)) return false;
  return write(
    kind,
    instance,
    items.map((item) => (kind.id(item) === id ? { ...item, name: cleaned } : item)),
  );
}

function remove<T>(kind: Kind<T>, instance: string, id: string): boolean {
  const items = read(kind, instance);
  const next = items.filter((item) => kind.id(item) !== id);
  return next.length !== items.length && write(kind, instance, next);
}

export const readSavedQueries = (instance: string): readonly SavedQuery[] => read(QUERIES, instance);
export const readPinnedRecords = (instance: string): readonly PinnedRecord[] => read(PINS, instance);

/** Saves the list query under `name` (the default name when blank); an already saved one is renamed. */
export function saveQuery(
  instance: string,
  query: { endpoint: string; query: string; name?: string },
  now = Date.now(),
): SaveResult {
  const cleaned = cleanQuery(query.query);
  if (query.query.length > MAX_QUERY_LENGTH) return 'invalid';
  const name = cleanName(query.name ?? '') || defaultQueryName(query.endpoint, cleaned);
  return upsert(QUERIES, instance, { name, endpoint: query.endpoint, query: cleaned, savedAt: now });
}

export const renameSavedQuery = (instance: string, id: string, name: string): boolean =>
  rename(QUERIES, instance, id, name);
export const removeSavedQuery = (instance: string, id: string): boolean => remove(QUERIES, instance, id);

export function findSavedQuery(
  items: readonly SavedQuery[],
  endpoint: string,
  query: string,
): SavedQuery | undefined {
  const id = savedQueryId(endpoint, query);
  return items.find((item) => QUERIES.id(item) === id);
}

export function pinRecord(
  instance: string,
  record: { endpoint: string; lookup: string; name: string },
  now = Date.now(),
): SaveResult {
  return upsert(PINS, instance, { ...record, name: cleanName(record.name) || record.lookup, pinnedAt: now });
}

export const renamePin = (instance: string, id: string, name: string): boolean =>
  rename(PINS, instance, id, name);
export const unpinRecord = (instance: string, endpoint: string, lookup: string): boolean =>
  remove(PINS, instance, pinId(endpoint, lookup));

export function findPin(
  items: readonly PinnedRecord[],
  endpoint: string,
  lookup: string,
): PinnedRecord | undefined {
  return items.find((item) => item.endpoint === endpoint && item.lookup === lookup);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab saved, renamed or removed something: the snapshot re-reads (and re-checks) it.
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key.startsWith(QUERIES_PREFIX) || event.key.startsWith(PINS_PREFIX))
      listener();
  };
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    target?.removeEventListener('storage', onStorage);
  };
}

/** The instance's saved queries, re-rendering on every change here or in another tab. */
export function useSavedQueries(instance: string): readonly SavedQuery[] {
  const snapshot = () => readSavedQueries(instance);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The instance's pinned records, re-rendering on every change here or in another tab. */
export function usePinnedRecords(instance: string): readonly PinnedRecord[] {
  const snapshot = () => readPinnedRecords(instance);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
