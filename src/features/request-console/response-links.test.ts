import { describe, expect, it } from 'vitest';
import type { RawResponse } from '../../api/http/raw-request.ts';
import type { ApiModel, EndpointModel } from '../../api/schema/model.ts';
import { responseLinks } from './response-links.ts';

function endpoint(name: string, lookupField: string, detail = true): EndpointModel {
  return {
    name,
    group: 'other',
    list: { path: `/${name}`, methods: ['GET', 'POST'] },
    ...(detail ? { detail: { path: `/${name}/{${lookupField}}`, methods: ['GET', 'PATCH', 'DELETE'] } } : {}),
    lookupField,
    filters: [],
    listFields: [],
    detailFields: [],
    browsable: true,
    sources: ['openapi'],
  };
}

const model: ApiModel = {
  endpoints: {
    subjects: endpoint('subjects', 'nickname'),
    weighings: endpoint('weighings', 'id'),
    'water-restriction': endpoint('water-restriction', 'id', false),
  },
  sources: ['openapi'],
  builtAt: 0,
};
const ctx = { instance: 'sandbox', model, bases: ['https://alyx.example.org', '/api/sandbox'] };

const reply = (status: number, json: unknown): RawResponse => ({
  status,
  statusText: '',
  headers: [],
  durationMs: 1,
  sizeBytes: 1,
  text: JSON.stringify(json),
  json,
});

describe('responseLinks', () => {
  it('a record answer links to its record view, a page to its list view', () => {
    expect(
      responseLinks(ctx, { method: 'GET', path: '/subjects/KS005' }, reply(200, { nickname: 'KS005' })),
    ).toEqual([{ label: 'Open this record', to: '/sandbox/subjects/KS005' }]);
    expect(
      responseLinks(
        ctx,
        { method: 'GET', path: '/subjects', query: 'alive=True' },
        reply(200, { count: 1, results: [] }),
      ),
    ).toEqual([{ label: 'Open this subjects list', to: '/sandbox/subjects?alive=True' }]);
  });

  it('a created record links by its own url, or by its lookup field', () => {
    expect(
      responseLinks(
        ctx,
        { method: 'POST', path: '/weighings' },
        reply(201, { url: 'https://alyx.example.org/weighings/7f0c5d3e-0000-4000-8000-000000000000' }),
      ),
    ).toEqual([{ label: 'Open this record', to: '/sandbox/weighings/7f0c5d3e-0000-4000-8000-000000000000' }]);
    expect(
      responseLinks(ctx, { method: 'POST', path: '/subjects' }, reply(201, { nickname: 'new 1' })),
    ).toEqual([{ label: 'Open this record', to: '/sandbox/subjects/new%201' }]);
  });

  it('no link for errors, unknown endpoints, endpoints without a record view; docs for OPTIONS', () => {
    expect(
      responseLinks(ctx, { method: 'GET', path: '/subjects/x' }, reply(404, { detail: 'Not found.' })),
    ).toEqual([]);
    expect(responseLinks(ctx, { method: 'GET', path: '/unknown/x' }, reply(200, { id: 1 }))).toEqual([]);
    expect(
      responseLinks(ctx, { method: 'GET', path: '/water-restriction/x' }, reply(200, { id: 'x' })),
    ).toEqual([]);
    expect(
      responseLinks(ctx, { method: 'OPTIONS', path: '/subjects' }, reply(200, { name: 'Subject List' })),
    ).toEqual([{ label: 'subjects documentation', to: '/sandbox/subjects/~/docs' }]);
  });
});
