import { describe, expect, it } from 'vitest';
import { mergeModels } from './merge.ts';
import type { ApiModel, EndpointModel, FieldModel, SchemaSource } from './model.ts';
import { emptyEndpoint, makeField } from './model-utils.ts';
import { applyRelations, inferRelation } from './relations.ts';

function model(source: SchemaSource, endpoints: EndpointModel[]): ApiModel {
  return { endpoints: Object.fromEntries(endpoints.map((e) => [e.name, e])), sources: [source], builtAt: 1 };
}

function endpoint(name: string, source: SchemaSource, extra: Partial<EndpointModel> = {}): EndpointModel {
  return { ...emptyEndpoint(name, source), ...extra };
}

const field = (name: string, extra: Partial<FieldModel> = {}): FieldModel => makeField(name, 'string', extra);

describe('mergeModels', () => {
  it('unions endpoints and orders sources by priority', () => {
    const merged = mergeModels(
      [model('root', [endpoint('labs', 'root')]), model('openapi', [endpoint('sessions', 'openapi')])],
      9,
    );
    expect(Object.keys(merged.endpoints)).toEqual(['labs', 'sessions']);
    expect(merged.sources).toEqual(['openapi', 'root']);
    expect(merged.builtAt).toBe(9);
  });

  it('takes each property from the best source that has it', () => {
    const fromCore = endpoint('subjects', 'coreapi', {
      description: 'core text',
      lookupField: 'nickname',
      detail: { path: '/subjects/{nickname}', methods: ['GET', 'PUT'] },
      filters: [{ name: 'sex', kind: 'choice', choices: [{ value: 'M', label: 'M' }] }],
      createFields: [field('nickname'), field('lab', { required: true })],
    });
    const fromOpenApi = endpoint('subjects', 'openapi', {
      list: { path: '/subjects', methods: ['GET', 'POST'] },
      filters: [{ name: 'sex', kind: 'string' }],
      listFields: [field('id', { kind: 'uuid', readOnly: true }), field('nickname')],
    });
    const fromOptions = endpoint('subjects', 'options', {
      listFields: [field('nickname', { maxLength: 64, description: 'Easy-to-remember name' })],
    });
    const merged = mergeModels([
      model('coreapi', [fromCore]),
      model('openapi', [fromOpenApi]),
      model('options', [fromOptions]),
    ]);
    const subjects = merged.endpoints['subjects'];
    expect(subjects?.sources).toEqual(['openapi', 'coreapi', 'options']);
    expect(subjects?.list?.methods).toEqual(['GET', 'POST']);
    expect(subjects?.detail?.path).toBe('/subjects/{nickname}');
    expect(subjects?.lookupField).toBe('nickname');
    expect(subjects?.description).toBe('core text');
    // OpenAPI's list wins; it borrows choices and maxLength it lacked.
    expect(subjects?.filters).toEqual([
      { name: 'sex', kind: 'string', choices: [{ value: 'M', label: 'M' }] },
    ]);
    expect(subjects?.listFields.map((f) => f.name)).toEqual(['id', 'nickname']);
    expect(subjects?.listFields[1]).toMatchObject({ maxLength: 64, description: 'Easy-to-remember name' });
    expect(subjects?.createFields?.map((f) => f.name)).toEqual(['nickname', 'lab']);
  });

  it('keeps action endpoints non-browsable whatever a source says', () => {
    const merged = mergeModels([model('root', [endpoint('register-file', 'root', { browsable: true })])]);
    expect(merged.endpoints['register-file']?.browsable).toBe(false);
  });
});

describe('relation inference', () => {
  const base = mergeModels([
    model('openapi', [
      endpoint('subjects', 'openapi', { lookupField: 'nickname' }),
      endpoint('labs', 'openapi', { lookupField: 'name' }),
      endpoint('sessions', 'openapi', { lookupField: 'id', lookupKind: 'uuid' }),
      endpoint('revisions', 'openapi', { lookupField: 'name' }),
      endpoint('widgets', 'openapi', { lookupField: 'code' }),
      endpoint('surgeries', 'openapi', { lookupField: 'id' }),
    ]),
  ]);

  it('uses the name table, the value format, endpoint names with a lookup, and overrides', () => {
    expect(inferRelation('sessions', { name: 'subject', kind: 'string' }, base, 'field')).toEqual({
      endpoint: 'subjects',
      lookup: 'nickname',
      source: 'name',
    });
    expect(inferRelation('sessions', { name: 'lab', kind: 'uuid', format: 'uuid' }, base, 'field')).toEqual({
      endpoint: 'labs',
      lookup: 'id',
      source: 'schema',
    });
    expect(inferRelation('x', { name: 'session', kind: 'url', format: 'uri' }, base, 'field')).toMatchObject({
      endpoint: 'sessions',
      lookup: 'url',
    });
    expect(inferRelation('x', { name: 'session', kind: 'url', format: 'uri' }, base, 'filter')).toMatchObject(
      { endpoint: 'sessions', lookup: 'id' },
    );
    expect(inferRelation('x', { name: 'widget', kind: 'string' }, base, 'field')).toEqual({
      endpoint: 'widgets',
      lookup: 'code',
      source: 'schema',
    });
    expect(inferRelation('surgeries', { name: 'lab', kind: 'string' }, base, 'field')).toEqual({
      endpoint: 'labs',
      lookup: 'id',
      source: 'override',
    });
  });

  it('gives no relation for identity fields, unknown endpoints, or non-scalar values', () => {
    expect(inferRelation('sessions', { name: 'id', kind: 'uuid' }, base, 'field')).toBeUndefined();
    expect(inferRelation('subjects', { name: 'nickname', kind: 'string' }, base, 'field')).toBeUndefined();
    expect(inferRelation('x', { name: 'dataset_type', kind: 'string' }, base, 'field')).toBeUndefined();
    expect(inferRelation('x', { name: 'subject', kind: 'object' }, base, 'field')).toBeUndefined();
    expect(inferRelation('x', { name: 'subject', kind: 'boolean' }, base, 'field')).toBeUndefined();
  });

  it('applyRelations fills fields and filters without touching existing relations', () => {
    const withFields = mergeModels([
      base,
      model('openapi', [
        endpoint('notes', 'openapi', {
          listFields: [
            field('subject'),
            field('lab', { relation: { endpoint: 'labs', lookup: 'name', source: 'value' } }),
          ],
          filters: [{ name: 'revision', kind: 'string' }],
        }),
      ]),
    ]);
    const related = applyRelations(withFields).endpoints['notes'];
    expect(related?.listFields[0]?.relation).toMatchObject({ endpoint: 'subjects' });
    expect(related?.listFields[1]?.relation?.source).toBe('value');
    expect(related?.filters[0]?.relation).toMatchObject({ endpoint: 'revisions', lookup: 'name' });
  });
});
