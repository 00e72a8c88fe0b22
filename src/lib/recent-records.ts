/**
 * The records recently opened on an instance, for the command palette: local to this browser,
 * one bounded list per instance, only endpoint and lookup (never a token or a record's content).
 */

export interface RecentRecord {
  endpoint: string;
  lookup: string;
}

export const RECENT_LIMIT = 10;
const MAX_PART_LENGTH = 200;

const storageKey = (instance: string): string => `alyx-explorer:recent:${instance}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isRecent(value: unknown): value is RecentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { endpoint, lookup } = value as Record<string, unknown>;
  return (
    typeof endpoint === 'string' &&
    typeof lookup === 'string' &&
    endpoint.length > 0 &&
    lookup.length > 0 &&
    endpoint.length <= MAX_PART_LENGTH &&
    lookup.length <= MAX_PART_LENGTH
  );
}

/** Most recent first; whatever is stored is checked, as another tab or version may have written it. */
export function readRecentRecords(instance: string): RecentRecord[] {
  const raw = storage()?.getItem(storageKey(instance));
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(isRecent)
      .slice(0, RECENT_LIMIT)
      .map(({ endpoint, lookup }) => ({ endpoint, lookup }));
  } catch {
    return [];
  }
}

export function rememberRecentRecord(instance: string, record: RecentRecord): void {
  if (!isRecent(record)) return;
  const kept = readRecentRecords(instance).filter(
    (item) => item.endpoint !== record.endpoint || item.lookup !== record.lookup,
  );
  const next = [{ endpoint: record.endpoint, lookup: record.lookup }, ...kept].slice(0, RECENT_LIMIT);
  try {
    storage()?.setItem(storageKey(instance), JSON.stringify(next));
  } catch {
    // A full or refused localStorage only loses the list.
  }
}

export function clearRecentRecords(instance: string): void {
  storage()?.removeItem(storageKey(instance));
}
