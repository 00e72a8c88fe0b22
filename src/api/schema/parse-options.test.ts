import { describe, expect, it } from 'vitest';
import { mergeModels } from './merge.ts';
import { parseOptions } from './parse-options.ts';
import { parseRoot } from './parse-root.ts';

// The shape of DRF's SimpleMetadata answer, as DRF builds it for a ModelSerializer with slug relations.
const subjectsOptions = {
  name: 'Subject List',
  description: 'List and create subjects.',
  renders: ['application/json', 'text/html'],
  parses: ['application/json'],
  actions: {
    POST: {
      nickname: { type: 'string', required: false, read_only: false, label: 'Nickname', max_length: 64 },
      id: { type: 'string', required: false, read_only: true, label: 'ID' },
      url: { type: 'field', required: false, read_only: true, label: 'Url' },
      responsible_user: { type: 'field', required: false, read_only: false, label: 'Responsible user' },
      birth_date: { type: 'date', required: false, read_only: false, label: 'Birth date' },
      sex: {
        type: 'choice',
        required: false,
        read_only: false,
        label: 'Sex',
        choices: [
          { value: 'M', display_name: 'Male' },
          { value: 'F', display_name: 'Female' },
        ],
      },
      lab: { type: 'field', required: true, read_only: false, label: 'Lab' },
      projects: { type: 'field', required: false, read_only: false, label: 'Projects' },
      json: { type: 'field', required: false, read_only: false, label: 'Json' },
      weight: { type: 'float', required: false, read_only: false, label: 'Weight' },
      tags: {
        type: 'list',
        required: false,
        read_only: false,
        label: 'Tags',
        child: { type: 'string', required: true, read_only: false },
      },
    },
  },
};

describe('parseOptions', () => {
  it('reads DRF metadata from a list route into create and list fields', () => {
    const endpoint = parseOptions('subjects', subjectsOptions, 'list');
    expect(endpoint.sources).toEqual(['options']);
    expect(endpoint.list?.methods).toEqual(['GET', 'POST']);
    expect(endpoint.description).toBe('List and create subjects.');
    const byName = Object.fromEntries((endpoint.createFields ?? []).map((f) => [f.name, f]));
    expect(byName['nickname']).toMatchObject({
      kind: 'string',
      maxLength: 64,
      readOnly: false,
      required: false,
    });
    expect(byName['id']).toMatchObject({ readOnly: true });
    expect(byName['birth_date']?.kind).toBe('date');
    expect(byName['sex']).toMatchObject({
      kind: 'choice',
      choices: [
        { value: 'M', label: 'Male' },
        { value: 'F', label: 'Female' },
      ],
    });
    expect(byName['lab']).toMatchObject({ required: true, kind: 'unknown' });
    expect(byName['json']?.kind).toBe('json');
    expect(byName['weight']?.kind).toBe('number');
    expect(byName['tags']).toMatchObject({ kind: 'array', itemKind: 'string' });
    expect(endpoint.listFields.length).toBe(11);
  });

  it('reads PUT metadata from a detail route', () => {
    const endpoint = parseOptions(
      'subjects',
      { name: 'Subject Detail', actions: { PUT: subjectsOptions.actions.POST } },
      'detail',
    );
    expect(endpoint.detailFields.map((f) => f.name)).toContain('nickname');
    expect(endpoint.createFields).toBeUndefined();
  });

  it('a GET-only answer still names the endpoint', () => {
    const endpoint = parseOptions('locations', { name: 'Lab Location List', description: '' }, 'list');
    expect(endpoint.list?.methods).toEqual(['GET']);
    expect(endpoint.detailFields).toEqual([]);
  });

  it('fills the fields a root-only model lacks when merged', () => {
    const root = parseRoot({ subjects: 'http://x/subjects', labs: 'http://x/labs' }, 1);
    const options = {
      endpoints: { subjects: parseOptions('subjects', subjectsOptions, 'list') },
      sources: ['options' as const],
      builtAt: 1,
    };
    const merged = mergeModels([root, options], 1);
    expect(merged.sources).toEqual(['options', 'root']);
    expect(merged.endpoints['subjects']?.listFields.length).toBeGreaterThan(0);
    expect(merged.endpoints['subjects']?.sources).toEqual(['options', 'root']);
    expect(merged.endpoints['labs']?.listFields).toEqual([]);
  });
});
