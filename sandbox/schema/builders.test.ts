import { describe, expect, it } from 'vitest';
import { resourceByName, resources } from '../resources/registry.ts';
import type { ResourceDeclaration } from '../resources/types.ts';
import { type CoreApiLink, buildCoreApi } from './coreapi.ts';
import type { JsonSchema } from './components.ts';
import { buildOpenApi } from './openapi.ts';
import { buildOptionsMetadata } from './options.ts';
import { buildRootList } from './root.ts';

const doc = buildOpenApi(resources);
const need = (name: string): ResourceDeclaration => {
  const r = resourceByName(name);
  if (!r) throw new Error(`no ${name}`);
  return r;
};

function refs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.push(v);
      else refs(v, into);
    }
  }
  return into;
}

describe('buildOpenApi', () => {
  it('is an OpenAPI 3.0.3 document in drf-spectacular shape', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info).toEqual({ title: '', version: '0.0.0' });
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['cookieAuth', 'tokenAuth']);
    expect(doc.paths['/api/schema']?.get?.operationId).toBe('api_schema_retrieve');
    expect(doc.paths['/auth-token']?.post?.operationId).toBe('auth_token_create');
  });

  it('resolves every $ref and has unique operationIds', () => {
    for (const ref of refs(doc)) {
      expect(ref.startsWith('#/components/schemas/')).toBe(true);
      expect(doc.components.schemas[ref.split('/').pop() ?? ''], ref).toBeDefined();
    }
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(resources.map((r) => [r.name, r] as const))(
    '%s: paths follow the declared methods and lookup',
    (name, r) => {
      const list = doc.paths[`/${name}`] ?? {};
      expect(Object.keys(list).sort()).toEqual(r.listMethods.map((m) => m.toLowerCase()).sort());
      const detail = r.lookupField ? doc.paths[`/${name}/{${r.lookupField}}`] : undefined;
      expect(Object.keys(detail ?? {}).sort()).toEqual(r.detailMethods.map((m) => m.toLowerCase()).sort());
      const query = ((list.get?.parameters ?? []) as JsonSchema[]).map((p) => p.name);
      expect(query).toEqual(expect.arrayContaining(['limit', 'offset', ...r.filters.map((f) => f.name)]));
      expect([...query].sort()).toEqual(query);
    },
  );

  it('documents lists as paginated, deletes as 204, patches with Patched components', () => {
    const sessions = doc.paths['/sessions'];
    expect(refs(sessions?.get?.responses)).toEqual(['#/components/schemas/PaginatedSessionListList']);
    expect(refs(sessions?.post?.requestBody)[0]).toBe('#/components/schemas/SessionDetail');
    const detail = doc.paths['/sessions/{id}'];
    expect(detail?.delete?.responses).toEqual({ '204': { description: 'No response body' } });
    expect(refs(detail?.patch?.requestBody)[0]).toBe('#/components/schemas/PatchedSessionDetail');
    expect(doc.components.schemas.PatchedSessionDetail?.required).toBeUndefined();
    expect(doc.paths['/brain-regions/{id}']?.get?.parameters).toEqual([
      { in: 'path', name: 'id', schema: { type: 'integer' }, required: true },
    ]);
    expect(doc.paths['/water-type/{name}']?.get?.operationId).toBe('water_type_list_2');
    expect(doc.paths['/procedures/{id}']).toBeUndefined();
  });

  it('maps fields: method fields as strings, enums as components, hyperlinks as uri', () => {
    const subject = doc.components.schemas.SubjectList?.properties as Record<string, JsonSchema>;
    expect(subject.alive).toEqual({ type: 'string', readOnly: true });
    expect(subject.sex).toEqual({
      oneOf: [{ $ref: '#/components/schemas/SexEnum' }, { $ref: '#/components/schemas/BlankEnum' }],
    });
    expect(doc.components.schemas.SexEnum?.enum).toEqual(['M', 'F', 'U']);
    const dataset = doc.components.schemas.Dataset?.properties as Record<string, JsonSchema>;
    expect(dataset.session).toEqual({ type: 'string', format: 'uri' });
    expect(dataset.qc).toEqual({ type: 'string' });
    const m2m = (doc.paths['/subjects']?.get?.parameters as JsonSchema[]).find((p) => p.name === 'projects');
    expect(m2m).toMatchObject({
      schema: { type: 'array', items: { type: 'string', format: 'uuid' } },
      explode: true,
      style: 'form',
    });
  });
});

describe('buildCoreApi', () => {
  const core = buildCoreApi(resources, 'http://localhost:8000/');
  it('has the document envelope and one entry per endpoint plus auth-token', () => {
    expect(core._type).toBe('document');
    expect(core._meta).toEqual({ url: 'http://localhost:8000/docs/', title: 'Alyx REST API documentation' });
    for (const r of resources) expect(core[r.name], r.name).toBeDefined();
    expect(core['auth-token']).toBeDefined();
  });

  it('builds links with paths, query filters and form bodies', () => {
    const sessions = core.sessions as Record<string, CoreApiLink>;
    expect(Object.keys(sessions).sort()).toEqual([
      'create',
      'delete',
      'list',
      'partial_update',
      'read',
      'update',
    ]);
    expect(sessions.read?.fields).toEqual([
      {
        name: 'id',
        required: true,
        location: 'path',
        schema: { _type: 'string', title: 'id', description: 'A UUID string identifying this session.' },
      },
    ]);
    expect(sessions.list?.fields.slice(0, 2).map((f) => f.name)).toEqual(['limit', 'offset']);
    expect(sessions.update?.encoding).toBe('application/json');
    expect(sessions.update?.fields.find((f) => f.name === 'subject')).toMatchObject({
      required: true,
      location: 'form',
    });
    expect(sessions.partial_update?.fields.find((f) => f.name === 'subject')?.required).toBeUndefined();
    const waterType = core['water-type'] as Record<string, CoreApiLink>;
    expect(Object.keys(waterType).sort()).toEqual(['create', 'create_0', 'list', 'read']);
  });
});

describe('buildOptionsMetadata', () => {
  it('describes POST on lists and PUT on details with DRF type names', () => {
    const list = buildOptionsMetadata(need('subjects'), 'list');
    expect(list.name).toBe('Subject List');
    const post = list.actions?.POST ?? {};
    expect(post.nickname).toMatchObject({ type: 'string', read_only: false, max_length: 64 });
    expect(post.lab).toMatchObject({ type: 'field', required: true, read_only: false });
    expect(post.alive).toMatchObject({ type: 'field', read_only: true, required: false });
    expect(post.sex?.choices).toEqual([
      { value: 'M', display_name: 'Male' },
      { value: 'F', display_name: 'Female' },
      { value: 'U', display_name: 'Unknown' },
    ]);
    const detail = buildOptionsMetadata(need('sessions'), 'detail');
    expect(detail.actions?.PUT?.qc).toMatchObject({ type: 'choice' });
    expect(detail.actions?.PUT?.qc?.choices?.map((c) => c.value)).toContain('PASS');
    expect(buildOptionsMetadata(need('water-restriction'), 'list').actions).toBeUndefined();
  });

  it('reports bounds as min_value/max_value and JSONFields as plain `field`, as SimpleMetadata does', () => {
    const weighing = buildOptionsMetadata(need('weighings'), 'list').actions?.POST ?? {};
    expect(weighing.weight).toMatchObject({ type: 'float', required: true, min_value: 0 });
    expect(weighing.weight?.max_value).toBeUndefined();
    const session = buildOptionsMetadata(need('sessions'), 'detail').actions?.PUT ?? {};
    expect(session.n_trials).toMatchObject({
      type: 'integer',
      min_value: -2147483648,
      max_value: 2147483647,
    });
    expect(session.json).toMatchObject({ type: 'field' });
    expect(session.extended_qc).toMatchObject({ type: 'field' });
  });
});

describe('buildRootList', () => {
  it('maps each endpoint to its absolute list URL', () => {
    const root = buildRootList(resources, 'http://localhost:8000/');
    expect(Object.keys(root).sort()).toEqual(resources.map((r) => r.name).sort());
    expect(root.subjects).toBe('http://localhost:8000/subjects');
  });
});
