// fieldsFor on the real Alyx documents in ../shared/alyx (skipped, with the reason printed, when
// that folder is absent). Our own small documents: write-fields.fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../test-support/sandbox.ts';
import type { ApiModel, EndpointModel, FieldModel } from './model.ts';
import { parseCoreApi } from './parse-coreapi.ts';
import { parseOpenApi } from './parse-openapi.ts';
import { applyRelations } from './relations.ts';
import { fieldsFor, needsWriteMetadata, type WriteMethod } from './write-fields.ts';

const openapi = readSharedJson('openapi.json');
const coreapi = readSharedJson('coreapi.json');
const EMPTY: ApiModel = { endpoints: {}, sources: [], builtAt: 0 };

function endpoint(model: ApiModel, name: string): EndpointModel {
  const found = model.endpoints[name];
  if (!found) throw new Error(`no endpoint ${name}`);
  return found;
}

function fields(model: ApiModel, name: string, method: WriteMethod): Map<string, FieldModel> {
  return new Map(fieldsFor(endpoint(model, name), method).map((f) => [f.name, f]));
}

const writable = (map: Map<string, FieldModel>): string[] =>
  [...map.values()].filter((f) => !f.readOnly).map((f) => f.name);
const required = (map: Map<string, FieldModel>): string[] =>
  [...map.values()].filter((f) => f.required).map((f) => f.name);

describe.skipIf(openapi === null)('fieldsFor on the real OpenAPI document', () => {
  const model = openapi === null ? EMPTY : applyRelations(parseOpenApi(openapi, 1));

  it('subjects: POST (SubjectList), PUT and PATCH (PatchedSubjectDetail) bodies', () => {
    const post = fields(model, 'subjects', 'POST');
    const put = fields(model, 'subjects', 'PUT');
    const patch = fields(model, 'subjects', 'PATCH');
    expect(required(put)).toEqual(['lab']);
    expect(required(patch)).toEqual([]);
    expect(put.get('weighings')).toMatchObject({ readOnly: true, required: false });
    expect(put.get('nickname')).toMatchObject({ default: '-', pattern: '^[\\w.-]+$', maxLength: 64 });
    expect(patch.get('sex')).toMatchObject({ kind: 'choice', allowBlank: true, nullable: false });
    expect(put.get('birth_date')).toMatchObject({ kind: 'date', nullable: true });
    expect(post.get('lab')?.relation).toMatchObject({ endpoint: 'labs', lookup: 'name' });
    expect(put.get('responsible_user')?.relation).toMatchObject({ endpoint: 'users', lookup: 'username' });
    expect(put.get('projects')).toMatchObject({
      many: true,
      relation: { endpoint: 'projects', lookup: 'name' },
    });
    expect(needsWriteMetadata(endpoint(model, 'subjects'), 'PATCH')).toBe(false);
  });

  it('sessions: M2M users/projects/procedures, bounded integers, hyperlinked parent', () => {
    const put = fields(model, 'sessions', 'PUT');
    expect(required(put)).toEqual(['subject']);
    for (const [name, target] of [
      ['users', 'users'],
      ['projects', 'projects'],
      ['procedures', 'procedures'],
    ] as const)
      expect(put.get(name)).toMatchObject({ kind: 'array', many: true, relation: { endpoint: target } });
    expect(put.get('number')).toMatchObject({ minimum: -2147483648, maximum: 2147483647, nullable: true });
    expect(put.get('parent_session')?.relation).toMatchObject({ endpoint: 'sessions', lookup: 'url' });
    expect(put.get('subject')?.relation).toMatchObject({ endpoint: 'subjects', lookup: 'nickname' });
    expect(put.get('id')?.readOnly).toBe(true);
    expect(put.get('data_dataset_session_related')).toMatchObject({ readOnly: true });
    expect(put.get('data_dataset_session_related')?.many).toBeUndefined();
  });

  it('weighings: POST only, weight required with a lower bound', () => {
    const weighings = endpoint(model, 'weighings');
    expect(weighings.updateFields).toBeUndefined();
    expect(weighings.patchFields).toBeUndefined();
    const post = fields(model, 'weighings', 'POST');
    expect(required(post).sort()).toEqual(['subject', 'weight']);
    expect(post.get('weight')).toMatchObject({ kind: 'number', minimum: 0 });
    expect(post.get('url')?.readOnly).toBe(true);
  });

  it('water-administrations: nullable bounded volume, water type and session relations', () => {
    const patch = fields(model, 'water-administrations', 'PATCH');
    expect(patch.get('water_administered')).toMatchObject({ minimum: 0, nullable: true, required: false });
    expect(patch.get('water_type')?.relation).toMatchObject({ endpoint: 'water-type', lookup: 'name' });
    expect(patch.get('session')?.relation).toMatchObject({ endpoint: 'sessions', lookup: 'id' });
    expect(required(fields(model, 'water-administrations', 'POST'))).toEqual(['subject']);
  });

  it('datasets: required name and type, write-only subject, read-only protection, tags M2M', () => {
    const put = fields(model, 'datasets', 'PUT');
    expect(required(put).sort()).toEqual(['dataset_type', 'name']);
    expect(put.get('subject')).toMatchObject({ writeOnly: true });
    expect(put.get('protected')?.readOnly).toBe(true);
    expect(put.get('session')?.relation).toMatchObject({ endpoint: 'sessions', lookup: 'url' });
    expect(put.get('tags')).toMatchObject({ many: true, relation: { endpoint: 'tags', lookup: 'name' } });
    expect(put.get('dataset_type')?.relation).toMatchObject({ endpoint: 'dataset-types', lookup: 'name' });
  });

  it('notes: content type, object id and user required on POST; the id is read-only', () => {
    const post = fields(model, 'notes', 'POST');
    expect(required(post).sort()).toEqual(['content_type', 'object_id', 'user']);
    expect(post.get('object_id')?.kind).toBe('uuid');
    expect(writable(post)).not.toContain('id');
  });
});

describe.skipIf(coreapi === null)('fieldsFor on the real CoreAPI document', () => {
  const model = coreapi === null ? EMPTY : applyRelations(parseCoreApi(coreapi, 1));

  it('sessions are created through the short form and replaced through the full one', () => {
    const post = fields(model, 'sessions', 'POST');
    const put = fields(model, 'sessions', 'PUT');
    expect([...post.keys()]).toEqual(['subject', 'start_time', 'number', 'lab', 'projects', 'task_protocol']);
    expect(required(post).sort()).toEqual(['projects', 'subject']);
    expect(put.has('narrative')).toBe(true);
    expect(required(fields(model, 'sessions', 'PATCH'))).toEqual([]);
    expect(put.get('users')).toMatchObject({ kind: 'array', many: true, relation: { endpoint: 'users' } });
  });

  it('subjects, weighings, water-administrations, datasets and notes: required and relations per method', () => {
    expect(required(fields(model, 'subjects', 'PUT'))).toEqual(['lab']);
    expect(
      fields(model, 'subjects', 'POST')
        .get('sex')
        ?.choices?.map((c) => c.value),
    ).toEqual(['M', 'F', 'U']);
    expect(required(fields(model, 'weighings', 'POST')).sort()).toEqual(['subject', 'weight']);
    expect(endpoint(model, 'weighings').patchFields).toBeUndefined();
    expect(fields(model, 'water-administrations', 'POST').get('water_type')?.relation).toMatchObject({
      endpoint: 'water-type',
    });
    expect(required(fields(model, 'datasets', 'POST')).sort()).toEqual(['dataset_type', 'name']);
    expect(required(fields(model, 'notes', 'PUT')).sort()).toEqual(['content_type', 'object_id', 'user']);
    // CoreAPI forms hold no read-only fields and say nothing of null: OPTIONS is worth asking.
    expect([...fields(model, 'subjects', 'PUT').values()].some((f) => f.readOnly)).toBe(false);
    expect(needsWriteMetadata(endpoint(model, 'subjects'), 'PUT')).toBe(true);
  });
});
