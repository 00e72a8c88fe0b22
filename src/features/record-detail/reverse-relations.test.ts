import { describe, expect, it } from 'vitest';
import { findReverseRelations, recordId, singular } from './reverse-relations.ts';
import { testModel } from '../../testing/browse-model.ts';

const model = testModel();

describe('singular', () => {
  it('singularises endpoint names into filter names', () => {
    expect(singular('subjects')).toBe('subject');
    expect(singular('water-administrations')).toBe('water_administration');
    expect(singular('brain-regions')).toBe('brain_region');
    expect(singular('water-restriction')).toBe('water_restriction');
    expect(singular('fields-of-view')).toBe('fields_of_view');
  });
});

describe('findReverseRelations', () => {
  it("finds a subject's sessions, datasets and weighings by nickname", () => {
    const found = findReverseRelations(
      model,
      'subjects',
      { nickname: 'KS005', id: 'f5a8b7e6-0000-4000-8000-000000000001' },
      'KS005',
    );
    expect(found).toEqual([
      { endpoint: 'sessions', filter: 'subject', value: 'KS005' },
      { endpoint: 'datasets', filter: 'subject', value: 'KS005' },
      { endpoint: 'weighings', filter: 'subject', value: 'KS005' },
    ]);
  });
  it("finds a session's datasets by id (a UUID filter)", () => {
    const id = 'd3372b15-f696-4279-9be5-98f15783b5bb';
    expect(findReverseRelations(model, 'sessions', { id, subject: 'KS005' }, id)).toEqual([
      { endpoint: 'datasets', filter: 'session', value: id },
    ]);
  });
  it('gives no tab where the filter takes another value than the lookup, or the record links there itself', () => {
    const id = 'd3372b15-f696-4279-9be5-98f15783b5bb';
    const datasets = model.endpoints['datasets'];
    const sessions = model.endpoints['sessions'];
    if (!datasets || !sessions) throw new Error('test model lacks datasets or sessions');
    const byName = {
      ...model,
      endpoints: {
        ...model.endpoints,
        // sessions?datasets= takes dataset names, not the dataset's id
        sessions: {
          ...sessions,
          filters: [
            ...sessions.filters,
            {
              name: 'datasets',
              kind: 'string' as const,
              relation: { endpoint: 'datasets', lookup: 'name', source: 'override' as const },
            },
          ],
        },
      },
    };
    const dataset = {
      url: `http://h/datasets/${id}`,
      name: 'trials.table.pqt',
      session: `http://h/sessions/${id}`,
    };
    expect(findReverseRelations(byName, 'datasets', dataset, id).map((r) => r.endpoint)).not.toContain(
      'sessions',
    );
  });

  it('finds nothing for an endpoint nobody filters on, or an unknown endpoint', () => {
    expect(findReverseRelations(model, 'projects', { name: 'ibl' }, 'ibl')).toEqual([]);
    expect(findReverseRelations(model, 'nope', {}, 'x')).toEqual([]);
  });
});

describe('recordId', () => {
  it('reads id, else the last segment of url', () => {
    expect(recordId({ id: 'a' })).toBe('a');
    expect(recordId({ url: 'http://h/api/sandbox/datasets/0b30' })).toBe('0b30');
    expect(recordId({})).toBeNull();
  });
});
