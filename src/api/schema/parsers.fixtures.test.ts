// The parsers on small documents of our own that reproduce the quirks of real Alyx schemas, so a fresh
// clone (without ../shared) checks them too. The real documents are checked in parse-*.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeModels } from './merge.ts';
import type { ApiModel, EndpointModel } from './model.ts';
import { parseCoreApi } from './parse-coreapi.ts';
import { parseOpenApi } from './parse-openapi.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

function endpoint(model: ApiModel, name: string): EndpointModel {
  const found = model.endpoints[name];
  if (!found) throw new Error(`no endpoint ${name}`);
  return found;
}

describe('parseOpenApi on a small drf-spectacular-shaped document', () => {
  const doc = fixture('openapi-small.json');
  const model = parseOpenApi(doc, 1);

  it('reads slug, uuid and name lookups from path parameters', () => {
    expect(model.sources).toEqual(['openapi']);
    expect(endpoint(model, 'subjects')).toMatchObject({ lookupField: 'nickname', lookupKind: 'string' });
    expect(endpoint(model, 'sessions')).toMatchObject({ lookupField: 'id', lookupKind: 'uuid' });
    expect(endpoint(model, 'labs')).toMatchObject({ lookupField: 'name' });
  });

  it('reads methods per route, including endpoints without PATCH', () => {
    expect(endpoint(model, 'subjects').list?.methods).toEqual(['GET', 'POST']);
    expect(endpoint(model, 'subjects').detail?.methods).toEqual(['GET', 'PUT', 'PATCH', 'DELETE']);
    expect(endpoint(model, 'weighings').detail?.methods).toEqual(['GET', 'DELETE']);
    expect(endpoint(model, 'sessions').list?.methods).toEqual(['GET']);
  });

  it('turns a oneOf of an enum and BlankEnum into a choice with the enum labels', () => {
    const sex = endpoint(model, 'subjects').listFields.find((f) => f.name === 'sex');
    expect(sex?.kind).toBe('choice');
    expect(sex?.choices).toEqual([
      { value: 'M', label: 'Male' },
      { value: 'F', label: 'Female' },
      { value: 'U', label: 'Unknown' },
    ]);
  });

  it('turns a nullable oneOf with NullEnum into a nullable choice with labels', () => {
    const qc = endpoint(model, 'sessions').listFields.find((f) => f.name === 'qc');
    expect(qc).toMatchObject({ kind: 'choice', nullable: true });
    expect(qc?.choices?.map((c) => c.value)).toEqual(['0', '10', '30', '40', '50']);
    expect(qc?.choices?.[1]?.label).toBe('PASS');
  });

  it('reads field flags: read-only, required, nullable, max length, JSON', () => {
    const subjects = endpoint(model, 'subjects');
    expect(subjects.listFields.find((f) => f.name === 'id')).toMatchObject({ kind: 'uuid', readOnly: true });
    expect(subjects.listFields.find((f) => f.name === 'lab')).toMatchObject({
      required: true,
      readOnly: false,
    });
    expect(subjects.listFields.find((f) => f.name === 'nickname')).toMatchObject({ maxLength: 64 });
    expect(subjects.listFields.find((f) => f.name === 'birth_date')).toMatchObject({
      kind: 'date',
      nullable: true,
    });
    expect(subjects.detailFields.find((f) => f.name === 'json')?.kind).toBe('json');
    expect(subjects.createFields?.find((f) => f.name === 'lab')?.required).toBe(true);
  });

  it('reads query filters with kinds and enum choices, without limit/offset', () => {
    const filters = endpoint(model, 'subjects').filters;
    expect(filters.map((f) => f.name)).not.toContain('limit');
    expect(filters.find((f) => f.name === 'alive')?.kind).toBe('boolean');
    expect(filters.find((f) => f.name === 'sex')).toMatchObject({ kind: 'choice' });
    expect(filters.find((f) => f.name === 'sex')?.choices?.map((c) => c.label)).toEqual([
      'Female',
      'Male',
      'Unknown',
    ]);
    expect(filters.find((f) => f.name === 'projects')).toMatchObject({ kind: 'array', itemKind: 'uuid' });
  });

  it('keeps Markdown descriptions, groups by tag, and marks actions and the schema as not browsable', () => {
    expect(endpoint(model, 'subjects').description).toMatch(/^\*\*FILTERS\*\*/);
    expect(endpoint(model, 'sessions').group).toBe('actions');
    expect(endpoint(model, 'register-file').browsable).toBe(false);
    expect(endpoint(model, 'api').browsable).toBe(false);
    expect(endpoint(model, 'subjects').browsable).toBe(true);
  });
});

describe('parseCoreApi on a small coreapi document', () => {
  const doc = fixture('coreapi-small.json');
  const model = parseCoreApi(doc, 1);

  it('reads `{var}` paths as detail routes with their lookups', () => {
    expect(endpoint(model, 'subjects')).toMatchObject({ lookupField: 'nickname' });
    expect(endpoint(model, 'subjects').detail?.path).toBe('/subjects/{nickname}');
    expect(endpoint(model, 'sessions')).toMatchObject({ lookupField: 'id' });
    expect(model.sources).toEqual(['coreapi']);
  });

  it('reads methods from link actions, including water-type whose detail route also takes POST', () => {
    expect(endpoint(model, 'subjects').list?.methods).toEqual(['GET', 'POST']);
    expect(endpoint(model, 'subjects').detail?.methods).toEqual(['GET', 'PUT', 'PATCH', 'DELETE']);
    expect(endpoint(model, 'weighings').detail?.methods).toEqual(['GET', 'DELETE']);
    expect(endpoint(model, 'water-type').detail?.methods).toEqual(['GET', 'POST']);
  });

  it('reads query fields as filters and form fields as create fields', () => {
    expect(endpoint(model, 'sessions').filters.map((f) => f.name)).toEqual(
      expect.arrayContaining(['subject', 'date_range', 'django']),
    );
    expect(endpoint(model, 'sessions').filters.map((f) => f.name)).not.toContain('offset');
    expect(endpoint(model, 'subjects').createFields?.map((f) => f.name)).toEqual([
      'nickname',
      'responsible_user',
      'lab',
      'sex',
    ]);
    expect(endpoint(model, 'water-type').createFields?.find((f) => f.name === 'name')?.required).toBe(true);
  });

  it('keeps nested links (cache/info) and actions out of browsing', () => {
    expect(endpoint(model, 'cache').browsable).toBe(false);
    expect(endpoint(model, 'register-file').browsable).toBe(false);
  });

  it('merged under OpenAPI: OpenAPI wins per property, coreapi fills endpoints OpenAPI lacks', () => {
    const merged = mergeModels([model, parseOpenApi(fixture('openapi-small.json'), 1)], 2);
    expect(merged.sources).toEqual(['openapi', 'coreapi']);
    expect(endpoint(merged, 'subjects').sources).toEqual(['openapi', 'coreapi']);
    expect(endpoint(merged, 'subjects').listFields.find((f) => f.name === 'id')?.readOnly).toBe(true);
    expect(endpoint(merged, 'water-type').sources).toEqual(['coreapi']);
  });
});
