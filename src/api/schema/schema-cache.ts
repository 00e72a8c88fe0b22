/**
 * The API model persisted per instance in localStorage: building it costs several requests and
 * `/docs/` is throttled at 20/min on real instances (ONE caches its schema for a week too).
 */

import type { ApiModel } from './model.ts';

export const SCHEMA_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Bumped whenever the model shape or the parsers change meaningfully, to drop stale caches. */
// Bump whenever discovery would build a different model from the same documents.
const SCHEMA_CACHE_VERSION = 3;

const PREFIX = 'alyx-explorer:schema:';

interface Stored {
  version: number;
  model: ApiModel;
}

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readCachedModel(instance: string, now = Date.now()): ApiModel | undefined {
  const raw = store()?.getItem(PREFIX + instance);
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as Partial<Stored>;
    const model = stored.model;
    if (
      stored.version !== SCHEMA_CACHE_VERSION ||
      !model ||
      typeof model.builtAt !== 'number' ||
      typeof model.endpoints !== 'object'
    ) {
      return undefined;
    }
    if (now - model.builtAt > SCHEMA_CACHE_TTL_MS) return undefined;
    return model;
  } catch {
    return undefined;
  }
}

export function writeCachedModel(instance: string, model: ApiModel): void {
  const target = store();
  if (!target) return;
  try {
    target.setItem(
      PREFIX + instance,
      JSON.stringify({ version: SCHEMA_CACHE_VERSION, model } satisfies Stored),
    );
  } catch {
    // Quota exceeded: the model is rebuilt next time, nothing else to do.
  }
}

export function clearCachedModel(instance: string): void {
  store()?.removeItem(PREFIX + instance);
}
