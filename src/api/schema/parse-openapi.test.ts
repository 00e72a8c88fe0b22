import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../test-support/sandbox.ts';
import type { ApiModel, EndpointModel } from './model.ts';
import { parseOpenApi } from './parse-openapi.ts';
import { applyRelations } from './relations.ts';

const doc = readSharedJson('openapi.json');

function endpoint(model: ApiModel, name: string): EndpointModel {
  const found = model.endpoints[name];
  if (!found) throw new Error(`no endpoint ${name}`);
  return found;
}

describe.skipIf(doc === null)('parseOpenApi on the real Alyx document', () => {
  const model =
    doc === null ? ({ endpoints: {}, sources: [], builtAt: 0 } as ApiModel) : parseOpenApi(doc, 1);

  it('covers all 71 paths as list or detail routes', () => {
    const paths = Object.keys((doc as { paths: Record<string, unknown> }).paths);
    expect(paths).toHaveLength(71);
    const routes = new Set(
      Object.values(model.endpoints)
        .flatMap((e) => [e.list?.path, e.detail?.path])
        .filter(Boolean),
    );
    const nested = paths.filter((path) => !routes.has(path));
    // Only the non-resource multi-segment paths are not routes.
    expect(nested.sort()).toEqual(['/api/schema', '/cache/info/']);
    // 40 resources and actions, plus `auth-token` and `api` (the schema itself).
    expect(Object.keys(model.endpoints)).toHaveLength(42);
    expect(model.sources).toEqual(['openapi']);
  });

  it('reads lookup fields and kinds from the path parameters', () => {
    expect(endpoint(model, 'subjects')).toMatchObject({ lookupField: 'nickname', lookupKind: 'string' });
    expect(endpoint(model, 'labs')).toMatchObject({ lookupField: 'name', lookupKind: 'string' });
    expect(endpoint(model, 'users')).toMatchObject({ lookupField: 'username' });
    expect(endpoint(model, 'sessions')).toMatchObject({ lookupField: 'id', lookupKind: 'uuid' });
    expect(endpoint(model, 'brain-regions')).toMatchObject({ lookupField: 'id', lookupKind: 'integer' });
    expect(endpoint(model, 'procedures').detail).toBeUndefined();
    expect(endpoint(model, 'water-restriction').lookupField).toBeUndefined();
  });

  it('reads methods per route', () => {
    expect(endpoint(model, 'subjects').list?.methods).toEqual(['GET', 'POST']);
    expect(endpoint(model, 'subjects').detail?.methods).toEqual(['GET', 'PUT', 'PATCH', 'DELETE']);
    expect(endpoint(model, 'surgeries').list?.methods).toEqual(['GET']);
    expect(endpoint(model, 'weighings').detail?.methods).toEqual(['GET', 'DELETE']);
  });

  it('reads filters with kinds and choices, without limit/offset', () => {
    const sessions = endpoint(model, 'sessions').filters.map((f) => f.name);
    expect(sessions).toEqual(
      expect.arrayContaining([
        'subject',
        'date_range',
        'django',
        'dataset_types',
        'users',
        'lab',
        'qc',
        'atlas_acronym',
      ]),
    );
    expect(sessions).not.toContain('limit');
    const sex = endpoint(model, 'subjects').filters.find((f) => f.name === 'sex');
    expect(sex?.kind).toBe('choice');
    expect(sex?.choices?.map((c) => c.value).sort()).toEqual(['F', 'M', 'U']);
    const projects = endpoint(model, 'subjects').filters.find((f) => f.name === 'projects');
    expect(projects).toMatchObject({ kind: 'array', itemKind: 'uuid' });
    expect(endpoint(model, 'subjects').filters.find((f) => f.name === 'alive')?.kind).toBe('boolean');
  });

  it('reads list, detail and create fields with flags', () => {
    const sessions = endpoint(model, 'sessions');
    expect(sessions.listFields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['id', 'subject', 'start_time', 'lab', 'projects']),
    );
    expect(sessions.listFields.map((f) => f.name)).not.toContain('json');
    const id = sessions.detailFields.find((f) => f.name === 'id');
    expect(id).toMatchObject({ kind: 'uuid', readOnly: true, required: false });
    expect(sessions.detailFields.find((f) => f.name === 'start_time')).toMatchObject({
      kind: 'datetime',
      nullable: true,
    });
    expect(sessions.detailFields.find((f) => f.name === 'narrative')?.kind).toBe('text');
    expect(sessions.detailFields.find((f) => f.name === 'json')?.kind).toBe('json');
    const subjects = endpoint(model, 'subjects');
    expect(subjects.listFields.find((f) => f.name === 'lab')).toMatchObject({
      required: true,
      readOnly: false,
    });
    expect(subjects.listFields.find((f) => f.name === 'nickname')).toMatchObject({ maxLength: 64 });
    expect(subjects.listFields.find((f) => f.name === 'sex')?.choices).toEqual([
      { value: 'M', label: 'Male' },
      { value: 'F', label: 'Female' },
      { value: 'U', label: 'Unknown' },
    ]);
    expect(subjects.createFields?.find((f) => f.name === 'lab')?.required).toBe(true);
    expect(endpoint(model, 'datasets').detailFields.find((f) => f.name === 'subject')?.writeOnly).toBe(true);
    expect(endpoint(model, 'users').detailFields.find((f) => f.name === 'email')?.kind).toBe('email');
    expect(endpoint(model, 'datasets').detailFields.find((f) => f.name === 'session')).toMatchObject({
      kind: 'url',
      format: 'uri',
    });
    expect(endpoint(model, 'insertions').listFields.find((f) => f.name === 'datasets')).toMatchObject({
      kind: 'array',
      itemKind: 'uuid',
    });
  });

  it('marks action endpoints as not browsable', () => {
    for (const name of [
      'register-file',
      'new-download',
      'sync-file-status',
      'check-protected',
      'auth-token',
      'api',
      'cache',
      'cache.zip',
      'uploaded',
      'water-requirement',
    ]) {
      expect(endpoint(model, name).browsable, name).toBe(false);
    }
    for (const name of [
      'subjects',
      'sessions',
      'datasets',
      'water-restriction',
      'procedures',
      'brain-regions',
    ]) {
      expect(endpoint(model, name).browsable, name).toBe(true);
    }
  });

  it('groups endpoints and keeps their Markdown description', () => {
    expect(endpoint(model, 'sessions').group).toBe('actions');
    expect(endpoint(model, 'datasets').group).toBe('data');
    expect(endpoint(model, 'tasks').group).toBe('jobs');
    expect(endpoint(model, 'sessions').description).toMatch(/^\*\*FILTERS\*\*/);
  });

  it('supports relation inference on the real schema', () => {
    const related = applyRelations(model);
    const field = (name: string, key: string, list: 'listFields' | 'detailFields' = 'detailFields') =>
      endpoint(related, name)[list].find((f) => f.name === key)?.relation;
    expect(field('sessions', 'subject')).toMatchObject({ endpoint: 'subjects', lookup: 'nickname' });
    expect(field('sessions', 'users')).toMatchObject({ endpoint: 'users', lookup: 'username' });
    expect(field('sessions', 'lab')).toMatchObject({ endpoint: 'labs', lookup: 'name' });
    expect(field('sessions', 'parent_session')).toMatchObject({ endpoint: 'sessions', lookup: 'url' });
    expect(field('datasets', 'session')).toMatchObject({ endpoint: 'sessions', lookup: 'url' });
    expect(field('datasets', 'dataset_type')).toMatchObject({ endpoint: 'dataset-types', lookup: 'name' });
    expect(field('datasets', 'data_format')).toMatchObject({ endpoint: 'data-formats', lookup: 'name' });
    expect(field('surgeries', 'lab')).toMatchObject({ endpoint: 'labs', lookup: 'id' });
    expect(field('surgeries', 'users')).toMatchObject({ endpoint: 'users', lookup: 'id' });
    expect(field('insertions', 'session', 'listFields')).toMatchObject({
      endpoint: 'sessions',
      lookup: 'id',
    });
    expect(field('channels', 'brain_region')).toMatchObject({ endpoint: 'brain-regions', lookup: 'id' });
    expect(field('channels', 'trajectory_estimate')).toMatchObject({
      endpoint: 'trajectories',
      lookup: 'id',
    });
    expect(field('tasks', 'parents')).toMatchObject({ endpoint: 'tasks', lookup: 'id' });
    expect(field('files', 'dataset')).toMatchObject({ endpoint: 'datasets', lookup: 'url' });
    expect(field('water-administrations', 'water_type')).toMatchObject({
      endpoint: 'water-type',
      lookup: 'name',
    });
    expect(field('subjects', 'nickname', 'listFields')).toBeUndefined();
    expect(field('sessions', 'id')).toBeUndefined();
    const filter = (name: string, key: string) =>
      endpoint(related, name).filters.find((f) => f.name === key)?.relation;
    expect(filter('sessions', 'subject')).toMatchObject({ endpoint: 'subjects', lookup: 'nickname' });
    expect(filter('datasets', 'session')).toMatchObject({ endpoint: 'sessions', lookup: 'id' });
    expect(filter('datasets', 'dataset_type')).toMatchObject({ endpoint: 'dataset-types', lookup: 'name' });
    expect(filter('subjects', 'responsible_user')).toMatchObject({ endpoint: 'users', lookup: 'username' });
  });
});

describe('parseOpenApi edge cases', () => {
  it('rejects documents that are not OpenAPI', () => {
    expect(() => parseOpenApi({ swagger: '2.0' })).toThrow(/OpenAPI/);
  });

  it('resolves $ref chains, allOf wrappers and nullable enums', () => {
    const model = parseOpenApi({
      openapi: '3.0.3',
      paths: {
        '/things': {
          get: {
            parameters: [{ in: 'query', name: 'kind', schema: { $ref: '#/components/schemas/KindEnum' } }],
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          KindEnum: { type: 'string', enum: ['a', 'b'], description: '* `a` - Alpha\n* `b` - Beta' },
          NullEnum: { enum: [null] },
          Thing: {
            type: 'object',
            properties: {
              kind: {
                nullable: true,
                oneOf: [{ $ref: '#/components/schemas/KindEnum' }, { $ref: '#/components/schemas/NullEnum' }],
              },
              owner: { allOf: [{ $ref: '#/components/schemas/Owner' }], readOnly: true },
            },
            required: ['kind'],
          },
          Owner: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
    });
    const things = model.endpoints['things'];
    expect(things?.filters[0]).toMatchObject({
      kind: 'choice',
      choices: [
        { value: 'a', label: 'Alpha' },
        { value: 'b', label: 'Beta' },
      ],
    });
    expect(things?.listFields[0]).toMatchObject({
      name: 'kind',
      kind: 'choice',
      nullable: true,
      required: true,
    });
    expect(things?.listFields[1]).toMatchObject({ name: 'owner', kind: 'object', readOnly: true });
  });
});
