// fieldsFor on small documents of our own that reproduce the write-body quirks of real Alyx
// schemas (Patched* bodies, blank/null enums, slug relations, M2M arrays, coreapi forms, OPTIONS
// actions), so a fresh clone checks the parsers. The real documents: write-fields.shared.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeModels } from './merge.ts';
import type { ApiModel, EndpointModel, FieldModel } from './model.ts';
import { optionsBody, withOptionsBody } from './options-body.ts';
import { parseCoreApi } from './parse-coreapi.ts';
import { parseOpenApi } from './parse-openapi.ts';
import { parseOptions } from './parse-options.ts';
import { applyRelations } from './relations.ts';
import { fieldsFor, needsWriteMetadata, type WriteMethod } from './write-fields.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

function endpoint(model: ApiModel, name: string): EndpointModel {
  const found = model.endpoints[name];
  if (!found) throw new Error(`no endpoint ${name}`);
  return found;
}

function field(model: ApiModel, name: string, method: WriteMethod, fieldName: string): FieldModel {
  const found = fieldsFor(endpoint(model, name), method).find((f) => f.name === fieldName);
  if (!found) throw new Error(`${method} ${name}: no field ${fieldName}`);
  return found;
}

const names = (fields: FieldModel[]): string[] => fields.map((f) => f.name);

describe('fieldsFor on an OpenAPI document with request bodies', () => {
  const model = applyRelations(parseOpenApi(fixture('openapi-write-bodies.json'), 1));

  it('takes POST from the list route, PUT and PATCH (Patched*) from the detail route', () => {
    const subjects = endpoint(model, 'subjects');
    expect(names(subjects.createFields ?? [])).not.toContain('birth_date');
    expect(names(subjects.updateFields ?? [])).toContain('birth_date');
    expect(names(subjects.patchFields ?? [])).toContain('birth_date');
    expect(subjects.bodySources).toEqual({ POST: 'openapi', PUT: 'openapi', PATCH: 'openapi' });
    expect(needsWriteMetadata(subjects, 'POST')).toBe(false);
    expect(needsWriteMetadata(subjects, 'PATCH')).toBe(false);
  });

  it('keeps read-only fields flagged and never required; PATCH requires nothing', () => {
    expect(field(model, 'subjects', 'POST', 'id')).toMatchObject({ readOnly: true, required: false });
    expect(field(model, 'subjects', 'PUT', 'lab')).toMatchObject({ readOnly: false, required: true });
    expect(field(model, 'subjects', 'PUT', 'weighings')).toMatchObject({ readOnly: true, required: false });
    expect(fieldsFor(endpoint(model, 'subjects'), 'PATCH').filter((f) => f.required)).toEqual([]);
  });

  it('reads default, pattern and maxLength of a slug, and a lower bound of a number', () => {
    expect(field(model, 'subjects', 'POST', 'nickname')).toMatchObject({
      default: '-',
      pattern: '^[\\w.-]+$',
      maxLength: 64,
    });
    const weight = field(model, 'weighings', 'POST', 'weight');
    expect(weight).toMatchObject({ kind: 'number', minimum: 0, required: true });
    expect(weight.maximum).toBeUndefined();
  });

  it('tells blank from null in enums: SexEnum|BlankEnum allows "", BlankEnum|NullEnum also null', () => {
    const sex = field(model, 'subjects', 'PATCH', 'sex');
    expect(sex).toMatchObject({ kind: 'choice', allowBlank: true, nullable: false });
    expect(sex.choices?.map((c) => c.value)).toEqual(['M', 'F', 'U']);
    expect(sex.choices?.[0]?.label).toBe('Male');
    const protocol = field(model, 'subjects', 'PUT', 'protocol_number');
    expect(protocol).toMatchObject({ kind: 'choice', allowBlank: true, nullable: true });
    expect(protocol.choices?.map((c) => c.value)).toEqual(['1', '2', '3']);
  });

  it('points slug fields and M2M slug arrays at their endpoint and lookup', () => {
    expect(field(model, 'subjects', 'POST', 'lab').relation).toMatchObject({
      endpoint: 'labs',
      lookup: 'name',
    });
    expect(field(model, 'subjects', 'PATCH', 'responsible_user').relation).toMatchObject({
      endpoint: 'users',
      lookup: 'username',
    });
    const projects = field(model, 'subjects', 'PUT', 'projects');
    expect(projects).toMatchObject({ kind: 'array', many: true });
    expect(projects.relation).toMatchObject({ endpoint: 'projects', lookup: 'name' });
    // A nested read-only list of records is not a many-to-many of lookups.
    expect(field(model, 'subjects', 'PUT', 'weighings').many).toBeUndefined();
    expect(field(model, 'subjects', 'PUT', 'nickname').relation).toBeUndefined();
  });

  it('has no PUT or PATCH body for weighings (POST and DELETE only)', () => {
    const weighings = endpoint(model, 'weighings');
    expect(weighings.updateFields).toBeUndefined();
    expect(weighings.patchFields).toBeUndefined();
    expect(weighings.detail?.methods).toEqual(['GET', 'DELETE']);
  });
});

describe('merging OpenAPI and coreapi bodies', () => {
  const merged = applyRelations(
    mergeModels(
      [
        parseOpenApi(fixture('openapi-write-bodies.json'), 1),
        parseCoreApi(fixture('coreapi-write-forms.json'), 1),
      ],
      1,
    ),
  );

  it('keeps OpenAPI’s PUT and PATCH bodies with their constraints, and coreapi’s where OpenAPI has none', () => {
    const subjects = endpoint(merged, 'subjects');
    expect(subjects.bodySources).toEqual({ POST: 'openapi', PUT: 'openapi', PATCH: 'openapi' });
    expect(names(subjects.patchFields ?? [])).toContain('protocol_number');
    expect(subjects.updateFields?.find((f) => f.name === 'lab')?.required).toBe(true);
    expect(field(merged, 'subjects', 'PATCH', 'nickname')).toMatchObject({
      default: '-',
      pattern: '^[\\w.-]+$',
    });
    expect(field(merged, 'subjects', 'PATCH', 'sex').allowBlank).toBe(true);
    expect(field(merged, 'subjects', 'PATCH', 'projects')).toMatchObject({ many: true });
    // Sessions exist only in the coreapi document here.
    expect(endpoint(merged, 'sessions').bodySources).toEqual({
      POST: 'coreapi',
      PUT: 'coreapi',
      PATCH: 'coreapi',
    });
    expect(needsWriteMetadata(endpoint(merged, 'sessions'), 'PUT')).toBe(true);
  });
});

describe('fieldsFor on coreapi link fields', () => {
  const model = applyRelations(parseCoreApi(fixture('coreapi-write-forms.json'), 1));

  it('takes each method’s own form: sessions are created short and edited in full', () => {
    const sessions = endpoint(model, 'sessions');
    expect(names(fieldsFor(sessions, 'POST'))).toEqual([
      'subject',
      'start_time',
      'number',
      'lab',
      'projects',
      'task_protocol',
    ]);
    expect(names(fieldsFor(sessions, 'PUT'))).toContain('narrative');
    expect(names(fieldsFor(sessions, 'POST'))).not.toContain('narrative');
    expect(sessions.bodySources).toEqual({ POST: 'coreapi', PUT: 'coreapi', PATCH: 'coreapi' });
  });

  it('reads required per method, choices, descriptions, relations and many', () => {
    expect(field(model, 'sessions', 'POST', 'projects')).toMatchObject({ required: true, many: true });
    expect(field(model, 'sessions', 'PUT', 'projects').required).toBe(false);
    expect(field(model, 'subjects', 'PUT', 'lab')).toMatchObject({
      required: true,
      relation: { endpoint: 'labs', lookup: 'name' },
    });
    expect(field(model, 'subjects', 'PATCH', 'lab').required).toBe(false);
    expect(field(model, 'subjects', 'POST', 'sex').choices?.map((c) => c.value)).toEqual(['M', 'F', 'U']);
    expect(field(model, 'sessions', 'PUT', 'number').description).toBe(
      'Optional session number for this level',
    );
    // A title that only repeats the name ("Start time") is no help text.
    expect(field(model, 'sessions', 'PUT', 'start_time').description).toBeUndefined();
    expect(field(model, 'sessions', 'PUT', 'users')).toMatchObject({
      kind: 'array',
      many: true,
      relation: { endpoint: 'users', lookup: 'username' },
    });
  });

  it('still asks OPTIONS for coreapi bodies (no read-only flags, formats or null there)', () => {
    expect(needsWriteMetadata(endpoint(model, 'subjects'), 'POST')).toBe(true);
    expect(needsWriteMetadata(endpoint(model, 'sessions'), 'PATCH')).toBe(true);
  });

  it('does not mistake water-type’s second create on its detail route for a replace', () => {
    const waterType = endpoint(model, 'water-type');
    expect(waterType.updateFields).toBeUndefined();
    expect(names(fieldsFor(waterType, 'POST'))).toEqual(['name']);
  });
});

describe('OPTIONS actions (DRF SimpleMetadata)', () => {
  const docs = fixture('options-actions.json') as Record<string, unknown>;
  const coreapi = applyRelations(parseCoreApi(fixture('coreapi-write-forms.json'), 1));

  it('reads POST from the list route and PUT from the detail route', () => {
    expect(parseOptions('subjects', docs['subjects-list'], 'list').bodySources).toEqual({ POST: 'options' });
    const detail = parseOptions('subjects', docs['subjects-detail'], 'detail');
    expect(detail.bodySources).toEqual({ PUT: 'options' });
    expect(names(detail.updateFields ?? [])).toContain('weighings');
  });

  it('a create body from the list route stands in for a record’s PUT/PATCH only as a guess (root-only)', () => {
    const fromList = parseOptions('subjects', docs['subjects-list'], 'list');
    expect(needsWriteMetadata(fromList, 'POST')).toBe(false);
    expect(needsWriteMetadata(fromList, 'PUT')).toBe(true);
    expect(needsWriteMetadata(fromList, 'PATCH')).toBe(true);
  });

  it('reads type, required, read_only, choices, max_length, bounds, help_text and list children', () => {
    const put = optionsBody('sessions', docs['sessions-detail'], 'PUT');
    const byName = new Map(put.map((f) => [f.name, f]));
    expect(byName.get('subject')).toMatchObject({ required: true, readOnly: false });
    expect(byName.get('subject')?.description).toBeUndefined();
    expect(byName.get('id')).toMatchObject({ readOnly: true, required: false });
    expect(byName.get('number')).toMatchObject({
      kind: 'integer',
      minimum: -2147483648,
      maximum: 2147483647,
      description: 'Optional session number for this level',
    });
    expect(byName.get('start_time')?.kind).toBe('datetime');
    expect(byName.get('qc')?.choices).toEqual([
      { value: '0', label: 'NOT_SET' },
      { value: '10', label: 'PASS' },
      { value: '40', label: 'CRITICAL' },
    ]);
    expect(byName.get('tags')).toMatchObject({ kind: 'array', itemKind: 'string' });
    const weight = optionsBody('weighings', docs['weighings-list'], 'POST').find((f) => f.name === 'weight');
    expect(weight).toMatchObject({ kind: 'number', minimum: 0, required: true });
    expect(
      optionsBody('subjects', docs['subjects-list'], 'POST').find((f) => f.name === 'nickname'),
    ).toMatchObject({ maxLength: 64 });
  });

  it('says nothing for a method the answer lacks (no PUT action on a weighing)', () => {
    expect(optionsBody('weighings', docs['weighings-detail'], 'PUT')).toEqual([]);
  });

  it('merged over a coreapi model: OPTIONS decides flags and types, the model keeps relations and many', () => {
    const sessions = endpoint(coreapi, 'sessions');
    const fromOptions = optionsBody('sessions', docs['sessions-detail'], 'PUT');
    const merged = withOptionsBody(coreapi, sessions, 'PATCH', fromOptions);
    const byName = new Map(fieldsFor(merged, 'PATCH').map((f) => [f.name, f]));
    // `field` in OPTIONS: the coreapi array and the relation table say what it is.
    expect(byName.get('users')).toMatchObject({
      kind: 'array',
      many: true,
      relation: { endpoint: 'users', lookup: 'username' },
    });
    expect(byName.get('subject')?.relation).toMatchObject({ endpoint: 'subjects', lookup: 'nickname' });
    expect(byName.get('start_time')?.kind).toBe('datetime');
    expect(byName.get('id')?.readOnly).toBe(true);
    expect([...byName.values()].some((f) => f.required)).toBe(false);
    expect(merged.bodySources?.PATCH).toBe('options');
    // The serializer decides which fields exist: coreapi's `type` is not in this OPTIONS answer.
    expect(byName.has('type')).toBe(false);
  });

  it('merges OPTIONS-discovered bodies into the model with their source', () => {
    const fromOptions = {
      endpoints: { weighings: parseOptions('weighings', docs['weighings-list'], 'list') },
      sources: ['options' as const],
      builtAt: 1,
    };
    const merged = mergeModels([coreapi, fromOptions], 1);
    // CoreAPI outranks OPTIONS in discovery; the body keeps its coreapi source and borrows bounds.
    expect(endpoint(merged, 'weighings').bodySources?.POST).toBe('coreapi');
    expect(fieldsFor(endpoint(merged, 'weighings'), 'POST').find((f) => f.name === 'weight')?.minimum).toBe(
      0,
    );
  });
});
