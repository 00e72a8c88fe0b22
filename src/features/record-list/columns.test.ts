import { describe, expect, it } from 'vitest';
import { availableColumns, defaultColumns, resolveColumns } from './columns.ts';
import { endpointOf, field, testModel } from '../../testing/browse-model.ts';
import type { EndpointModel } from '../../api/schema/model.ts';

const model = testModel();

describe('availableColumns', () => {
  it('lists model fields then keys only present in rows', () => {
    const sessions = endpointOf(model, 'sessions');
    const cols = availableColumns(sessions, [{ id: 'a', subject: 'KS005', extra_key: 1 }]);
    expect(cols[0]).toBe('id');
    expect(cols).toContain('task_protocol');
    expect(cols.at(-1)).toBe('extra_key');
  });
  it('works from rows alone when the model lacks the endpoint', () => {
    expect(availableColumns(undefined, [{ a: 1, b: 2 }, { c: 3 }])).toEqual(['a', 'b', 'c']);
  });
});

describe('defaultColumns', () => {
  it('uses the curated set for sessions, identity first', () => {
    const sessions = endpointOf(model, 'sessions');
    expect(defaultColumns(sessions, availableColumns(sessions, []))).toEqual([
      'id',
      'subject',
      'start_time',
      'number',
      'lab',
      'task_protocol',
      'projects',
    ]);
  });
  it('keeps curated datasets columns that exist', () => {
    const datasets = endpointOf(model, 'datasets');
    expect(defaultColumns(datasets, availableColumns(datasets, []))).toEqual([
      'name',
      'collection',
      'dataset_type',
      'session',
      'file_size',
      'qc',
    ]);
  });
  it('guesses for an unknown endpoint: identity first, no json/text/nested columns', () => {
    const custom: EndpointModel = {
      name: 'widgets',
      group: 'other',
      filters: [],
      listFields: [
        field('url', 'url'),
        field('colour', 'string'),
        field('json', 'json'),
        field('notes', 'text'),
        field('name', 'string'),
        field('parts', 'array', { itemKind: 'object' }),
      ],
      detailFields: [],
      browsable: true,
      sources: ['root'],
    };
    expect(defaultColumns(custom, availableColumns(custom, []))).toEqual(['name', 'colour']);
  });
});

describe('resolveColumns', () => {
  it('drops saved columns that no longer exist and falls back to defaults', () => {
    expect(resolveColumns(['gone', 'b'], ['a', 'b'], ['a'])).toEqual(['b']);
    expect(resolveColumns(['gone'], ['a', 'b'], ['a'])).toEqual(['a']);
    expect(resolveColumns(null, ['a', 'b'], ['a'])).toEqual(['a']);
  });
});
