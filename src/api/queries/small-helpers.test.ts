import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { AlyxError } from '../http/errors.ts';
import { parseInstances } from '../instances.ts';
import type { EndpointModel } from '../schema/model.ts';
import { alyxKeys, isInstanceKey, isSchemaKey } from './keys.ts';
import { retryDelay, shouldRetry } from './retry.ts';
import { recordLookup, rowKey } from './row-key.ts';

const error = (
  kind: AlyxError['kind'],
  status: number | null,
  retryAfterSeconds: number | null = null,
): AlyxError => new AlyxError({ kind, status, path: '/sessions', retryAfterSeconds });

describe('shouldRetry / retryDelay', () => {
  it('never retries 4xx except 429', () => {
    for (const [kind, status] of [
      ['unauthorized', 403],
      ['forbidden', 403],
      ['not-found', 404],
      ['validation', 400],
      ['method', 405],
    ] as const) {
      expect(shouldRetry(0, error(kind, status))).toBe(false);
    }
    expect(shouldRetry(0, error('throttled', 429, 3))).toBe(true);
    expect(shouldRetry(3, error('throttled', 429, 3))).toBe(false);
  });

  it('retries network and gateway failures but not deterministic 500s', () => {
    expect(shouldRetry(0, error('network', null))).toBe(true);
    expect(shouldRetry(0, error('server', 503))).toBe(true);
    expect(shouldRetry(0, error('server', 500))).toBe(false);
    expect(shouldRetry(0, new Error('boom'))).toBe(false);
  });

  it('waits Retry-After on 429, else backs off', () => {
    expect(retryDelay(0, error('throttled', 429, 7))).toBeGreaterThanOrEqual(7000);
    expect(retryDelay(0, error('throttled', 429, 7))).toBeLessThan(7300);
    expect(retryDelay(1, error('network', null))).toBe(2000);
    expect(retryDelay(10, error('network', null))).toBe(10_000);
  });
});

describe('alyxKeys', () => {
  it('follows the STYLE.md shapes with sorted string params and string lookups', () => {
    expect(alyxKeys.list('sandbox', 'sessions', { subject: 'KS005', limit: 50 })).toEqual([
      'alyx',
      'sandbox',
      'sessions',
      'list',
      { limit: '50', subject: 'KS005' },
    ]);
    expect(alyxKeys.list('sandbox', 'sessions', '?subject=KS005&limit=50')).toEqual(
      alyxKeys.list('sandbox', 'sessions', { limit: '50', subject: 'KS005' }),
    );
    expect(alyxKeys.detail('sandbox', 'brain-regions', 997)).toEqual([
      'alyx',
      'sandbox',
      'brain-regions',
      'detail',
      '997',
    ]);
    expect(alyxKeys.schema('sandbox')).toEqual(['alyx', 'sandbox', { scope: 'schema' }]);
  });

  it('keeps reserved scopes out of the endpoint slot: an endpoint named `schema` does not collide', () => {
    const client = new QueryClient();
    client.setQueryData(alyxKeys.schema('sandbox'), 'model');
    client.setQueryData(alyxKeys.list('sandbox', 'schema'), 'page');
    client.setQueryData(alyxKeys.resolve('sandbox', 'schema'), 'resolved');
    expect(client.getQueryData(alyxKeys.schema('sandbox'))).toBe('model');
    expect(client.getQueriesData({ queryKey: alyxKeys.endpoint('sandbox', 'schema') })).toEqual([
      [alyxKeys.list('sandbox', 'schema'), 'page'],
    ]);
    expect(isSchemaKey(alyxKeys.list('sandbox', 'schema'), 'sandbox')).toBe(false);
    expect(isSchemaKey(alyxKeys.schema('sandbox'), 'sandbox')).toBe(true);
    expect(isSchemaKey(alyxKeys.schema('other'), 'sandbox')).toBe(false);
    expect(isInstanceKey(alyxKeys.resolve('sandbox', 'x'), 'sandbox')).toBe(true);
    expect(isInstanceKey(alyxKeys.instances(), 'sandbox')).toBe(false);
  });
});

describe('rowKey / recordLookup', () => {
  const uuid = '0b305d2f-04dc-4ef1-be1c-db18931391ac';
  it('derives identity: id, else url, else name-like fields; none for water-restriction', () => {
    expect(rowKey('sessions', { id: uuid, url: 'x' })).toBe(uuid);
    expect(rowKey('datasets', { url: `https://alyx.example.org/datasets/${uuid}` })).toBe(uuid);
    expect(rowKey('labs', { name: 'cortexlab' })).toBe('cortexlab');
    expect(rowKey('brain-regions', { id: 997 })).toBe('997');
    expect(rowKey('water-restriction', { subject: 'KS005', start_time: '2020-01-01' })).toBeUndefined();
    expect(rowKey('other', {})).toBeUndefined();
  });

  it('gives the detail lookup of a row (subjects by nickname)', () => {
    const subjects = {
      name: 'subjects',
      lookupField: 'nickname',
      detail: { path: '/subjects/{nickname}', methods: ['GET'] },
    } as EndpointModel;
    expect(recordLookup(subjects, { id: uuid, nickname: 'KS005' })).toBe('KS005');
    const weighings = {
      name: 'weighings',
      lookupField: 'id',
      detail: { path: '/weighings/{id}', methods: ['GET'] },
    } as EndpointModel;
    expect(recordLookup(weighings, { url: `http://x/weighings/${uuid}` })).toBe(uuid);
    expect(recordLookup({ name: 'procedures' } as EndpointModel, { id: uuid })).toBeUndefined();
  });
});

describe('parseInstances', () => {
  it('validates the app server list and derives the base', () => {
    expect(
      parseInstances([
        { name: 'sandbox', url: 'http://127.0.0.1:8000', proxy: true, baseUrl: '/api/sandbox/' },
        { name: 'direct', url: 'https://alyx.example.org', proxy: false },
        { name: 'bad name', url: 'x' },
        'nonsense',
      ]),
    ).toEqual([
      { name: 'sandbox', url: 'http://127.0.0.1:8000', proxy: true, baseUrl: '/api/sandbox' },
      { name: 'direct', url: 'https://alyx.example.org', proxy: false, baseUrl: 'https://alyx.example.org' },
    ]);
    expect(parseInstances({})).toEqual([]);
  });
});

describe('parseInstances: kind, colour and admin', () => {
  it('keeps a known kind, a palette colour and an http(s) admin root, and drops anything else', () => {
    expect(
      parseInstances([
        {
          name: 'prod',
          url: 'https://alyx.example.org',
          kind: 'production',
          color: 'teal',
          adminUrl: 'https://alyx.example.org/',
        },
        { name: 'box', url: 'http://127.0.0.1:8000', sandbox: true },
        {
          name: 'odd',
          url: 'https://a.org',
          kind: 'live',
          color: 'red; background: url(x)',
          adminUrl: 'javascript:alert(1)',
        },
        { name: 'odd2', url: 'https://a.org', color: 'red', adminUrl: 'https://u:p@a.org' },
      ]),
    ).toEqual([
      {
        name: 'prod',
        url: 'https://alyx.example.org',
        proxy: true,
        baseUrl: '/api/prod',
        kind: 'production',
        color: 'teal',
        adminUrl: 'https://alyx.example.org',
      },
      {
        name: 'box',
        url: 'http://127.0.0.1:8000',
        proxy: true,
        baseUrl: '/api/box',
        sandbox: true,
        kind: 'sandbox',
      },
      { name: 'odd', url: 'https://a.org', proxy: true, baseUrl: '/api/odd' },
      { name: 'odd2', url: 'https://a.org', proxy: true, baseUrl: '/api/odd2' },
    ]);
  });
});
