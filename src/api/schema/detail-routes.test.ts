import { describe, expect, it } from 'vitest';
import { inferDetailRoutes } from './detail-routes.ts';
import type { ApiModel, EndpointModel } from './model.ts';

function listOnly(name: string, fieldNames: string[] = []): EndpointModel {
  return {
    name,
    group: 'other',
    list: { path: `/${name}`, methods: ['GET', 'POST'] },
    filters: [],
    listFields: fieldNames.map((f) => ({
      name: f,
      kind: 'string',
      required: false,
      readOnly: false,
      writeOnly: false,
      nullable: false,
    })),
    detailFields: [],
    browsable: true,
    sources: ['root'],
  };
}

function model(...endpoints: EndpointModel[]): ApiModel {
  return { endpoints: Object.fromEntries(endpoints.map((e) => [e.name, e])), sources: ['root'], builtAt: 0 };
}

describe('inferDetailRoutes', () => {
  it('gives root-list endpoints Alyx detail routes keyed by their slug or id', () => {
    const inferred = inferDetailRoutes(
      model(
        listOnly('subjects'),
        listOnly('sessions', ['id', 'subject']),
        listOnly('brain-regions'),
        listOnly('datasets', ['url']),
      ),
    );
    expect(inferred.endpoints.subjects?.detail?.path).toBe('/subjects/{nickname}');
    expect(inferred.endpoints.subjects?.lookupField).toBe('nickname');
    expect(inferred.endpoints.sessions?.detail?.path).toBe('/sessions/{id}');
    expect(inferred.endpoints.sessions?.lookupKind).toBe('uuid');
    expect(inferred.endpoints['brain-regions']?.lookupKind).toBe('integer');
    expect(inferred.endpoints.datasets?.lookupField).toBe('id');
  });

  it('leaves list-only resources, known detail routes and identity-less rows alone', () => {
    const known: EndpointModel = {
      ...listOnly('labs'),
      detail: { path: '/labs/{name}', methods: ['GET', 'PUT'] },
      lookupField: 'name',
    };
    const inferred = inferDetailRoutes(
      model(listOnly('water-restriction'), known, listOnly('thing', ['subject', 'start_time'])),
    );
    expect(inferred.endpoints['water-restriction']?.detail).toBeUndefined();
    expect(inferred.endpoints.labs?.detail?.methods).toEqual(['GET', 'PUT']);
    expect(inferred.endpoints.thing?.detail).toBeUndefined();
  });
});
