import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../test-support/sandbox.ts';
import { mergeModels } from './merge.ts';
import type { ApiModel } from './model.ts';
import { parseCoreApi } from './parse-coreapi.ts';
import { parseOpenApi } from './parse-openapi.ts';
import { applyRelations } from './relations.ts';

const core = readSharedJson('coreapi.json');
const openapi = readSharedJson('openapi.json');
const empty: ApiModel = { endpoints: {}, sources: [], builtAt: 0 };

describe.skipIf(core === null)('parseCoreApi on the real frozen CoreAPI document', () => {
  const model = core === null ? empty : parseCoreApi(core, 1);

  it('has the 41 endpoint keys, including nested cache links', () => {
    expect(Object.keys(model.endpoints)).toHaveLength(41);
    expect(model.endpoints['cache']?.browsable).toBe(false);
    expect(model.sources).toEqual(['coreapi']);
  });

  it.skipIf(openapi === null)('names the same endpoints as OpenAPI (which adds only `api`)', () => {
    const fromOpenApi = Object.keys(parseOpenApi(openapi, 1).endpoints)
      .filter((name) => name !== 'api')
      .sort();
    expect(Object.keys(model.endpoints).sort()).toEqual(fromOpenApi);
  });

  it('reads routes, methods and lookups from links', () => {
    expect(model.endpoints['subjects']).toMatchObject({ lookupField: 'nickname', lookupKind: 'string' });
    expect(model.endpoints['sessions']).toMatchObject({ lookupField: 'id', lookupKind: 'uuid' });
    expect(model.endpoints['brain-regions']).toMatchObject({ lookupField: 'id', lookupKind: 'integer' });
    expect(model.endpoints['subjects']?.list?.methods).toEqual(['GET', 'POST']);
    expect(model.endpoints['subjects']?.detail?.methods).toEqual(['GET', 'PUT', 'PATCH', 'DELETE']);
    expect(model.endpoints['water-type']?.detail?.methods).toEqual(['GET', 'POST']);
    expect(model.endpoints['sync-file-status']?.browsable).toBe(false);
  });

  it('reads query fields as filters and form fields as write fields (no read-only info)', () => {
    const sessions = model.endpoints['sessions'];
    expect(sessions?.filters.map((f) => f.name)).toEqual(
      expect.arrayContaining(['subject', 'date_range', 'django', 'dataset_types']),
    );
    expect(sessions?.filters.map((f) => f.name)).not.toContain('limit');
    // The frozen document lists only SessionList fields for create.
    expect(sessions?.createFields?.map((f) => f.name).sort()).toEqual([
      'lab',
      'number',
      'projects',
      'start_time',
      'subject',
      'task_protocol',
    ]);
    expect(model.endpoints['subjects']?.createFields?.find((f) => f.name === 'nickname')).toMatchObject({
      readOnly: false,
    });
    expect(model.endpoints['water-type']?.createFields?.find((f) => f.name === 'name')?.required).toBe(true);
  });

  it.skipIf(openapi === null)(
    'merged under OpenAPI, OpenAPI wins per property and coreapi fills gaps',
    () => {
      const merged = applyRelations(mergeModels([parseCoreApi(core, 1), parseOpenApi(openapi, 1)], 2));
      expect(merged.sources).toEqual(['openapi', 'coreapi']);
      expect(merged.builtAt).toBe(2);
      const sessions = merged.endpoints['sessions'];
      expect(sessions?.sources).toEqual(['openapi', 'coreapi']);
      expect(sessions?.detailFields.find((f) => f.name === 'id')?.readOnly).toBe(true);
      expect(sessions?.createFields?.length).toBeGreaterThan(6);
    },
  );

  it('alone gives relations by name', () => {
    const related = applyRelations(model);
    expect(related.endpoints['sessions']?.filters.find((f) => f.name === 'subject')?.relation).toMatchObject({
      endpoint: 'subjects',
      lookup: 'nickname',
    });
    // Overrides cover what CoreAPI cannot say (surgeries take UUIDs).
    expect(
      related.endpoints['surgeries']?.detailFields.find((f) => f.name === 'lab')?.relation,
    ).toMatchObject({ endpoint: 'labs', lookup: 'id', source: 'override' });
  });
});

describe('parseCoreApi edge cases', () => {
  it('rejects other documents', () => {
    expect(() => parseCoreApi({ openapi: '3.0.3' })).toThrow(/CoreAPI/);
  });
});
