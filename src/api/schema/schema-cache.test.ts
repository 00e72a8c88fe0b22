// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiModel } from './model.ts';
import { SCHEMA_CACHE_TTL_MS, clearCachedModel, readCachedModel, writeCachedModel } from './schema-cache.ts';

const model = (builtAt: number): ApiModel => ({
  endpoints: {
    labs: {
      name: 'labs',
      group: 'misc',
      filters: [],
      listFields: [],
      detailFields: [],
      browsable: true,
      sources: ['root'],
    },
  },
  sources: ['root'],
  builtAt,
});

afterEach(() => localStorage.clear());

describe('schema cache', () => {
  it('persists the model per instance', () => {
    const now = Date.now();
    writeCachedModel('sandbox', model(now));
    expect(readCachedModel('sandbox', now)).toEqual(model(now));
    expect(readCachedModel('alyx', now)).toBeUndefined();
  });

  it('expires after 7 days', () => {
    const builtAt = Date.now();
    writeCachedModel('sandbox', model(builtAt));
    expect(readCachedModel('sandbox', builtAt + SCHEMA_CACHE_TTL_MS - 1)).toBeDefined();
    expect(readCachedModel('sandbox', builtAt + SCHEMA_CACHE_TTL_MS + 1)).toBeUndefined();
  });

  it('ignores corrupt or old-version entries, and clears', () => {
    localStorage.setItem('alyx-explorer:schema:bad', '{not json');
    expect(readCachedModel('bad')).toBeUndefined();
    localStorage.setItem(
      'alyx-explorer:schema:old',
      JSON.stringify({ version: 0, model: model(Date.now()) }),
    );
    expect(readCachedModel('old')).toBeUndefined();
    writeCachedModel('sandbox', model(Date.now()));
    clearCachedModel('sandbox');
    expect(readCachedModel('sandbox')).toBeUndefined();
  });
});
