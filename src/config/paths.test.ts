import { describe, expect, it } from 'vitest';
import type { InstanceConfig } from '../api/instances.ts';
import type { ApiModel } from '../api/schema/model.ts';
import { alyxUrlToAppPath, appPathToAlyxUrl, parseAppPath, paths } from './paths.ts';

const uuid = 'd3372b15-f696-4279-9be5-98f15783b5bb';
const instances: InstanceConfig[] = [
  { name: 'alyx', url: 'https://alyx.example.org', proxy: true, baseUrl: '/api/alyx' },
  { name: 'sandbox', url: 'http://127.0.0.1:8000', proxy: true, baseUrl: '/api/sandbox' },
  {
    name: 'direct',
    url: 'https://direct.example.org/alyx',
    proxy: false,
    baseUrl: 'https://direct.example.org/alyx',
  },
];

describe('paths (app URL builders)', () => {
  it('builds every view', () => {
    expect(paths.home()).toBe('/');
    expect(paths.instance('sandbox')).toBe('/sandbox');
    expect(paths.list('sandbox', 'sessions')).toBe('/sandbox/sessions');
    expect(
      paths.list('sandbox', 'sessions', { subject: 'KS005', date_range: '2020-01-01,2020-01-31', lab: '' }),
    ).toBe('/sandbox/sessions?subject=KS005&date_range=2020-01-01,2020-01-31');
    expect(paths.list('sandbox', 'sessions', new URLSearchParams('limit=50&offset=100'))).toBe(
      '/sandbox/sessions?limit=50&offset=100',
    );
    expect(paths.list('sandbox', 'sessions', '?subject=KS005')).toBe('/sandbox/sessions?subject=KS005');
    expect(paths.record('sandbox', 'sessions', uuid)).toBe(`/sandbox/sessions/${uuid}`);
    expect(paths.record('sandbox', 'brain-regions', 997)).toBe('/sandbox/brain-regions/997');
    expect(paths.docs('sandbox', 'sessions')).toBe('/sandbox/sessions/~/docs');
    expect(paths.create('sandbox', 'subjects')).toBe('/sandbox/subjects/~/new');
    expect(paths.edit('sandbox', 'subjects', 'KS005')).toBe('/sandbox/subjects/KS005/~/edit');
    expect(paths.replace('sandbox', 'subjects', 'KS005')).toBe('/sandbox/subjects/KS005/~/replace');
    expect(paths.login('sandbox')).toBe('/sandbox/~/login');
    expect(paths.login('sandbox', '/sandbox/sessions?subject=KS005')).toBe(
      '/sandbox/~/login?next=%2Fsandbox%2Fsessions%3Fsubject%3DKS005',
    );
    expect(paths.history('sandbox')).toBe('/sandbox/~/history');
    expect(paths.history('sandbox', { q: 'post 4xx' })).toBe('/sandbox/~/history?q=post+4xx');
    expect(paths.history('sandbox', { q: '' })).toBe('/sandbox/~/history');
    expect(paths.saved('sandbox')).toBe('/sandbox/~/saved');
  });

  it('encodes a lookup as one segment', () => {
    expect(paths.record('sandbox', 'subjects', 'KS 005/b')).toBe('/sandbox/subjects/KS%20005%2Fb');
    expect(paths.record('sandbox', 'subjects', '~')).toBe('/sandbox/subjects/%7E');
  });
});

describe('parseAppPath', () => {
  it('reads every view', () => {
    expect(parseAppPath('/')).toEqual({ view: 'home' });
    expect(parseAppPath('/sandbox')).toEqual({ view: 'instance', instance: 'sandbox' });
    expect(parseAppPath('/sandbox/', '')).toEqual({ view: 'instance', instance: 'sandbox' });
    expect(parseAppPath('/sandbox/sessions', '?subject=KS005')).toEqual({
      view: 'list',
      instance: 'sandbox',
      endpoint: 'sessions',
      query: 'subject=KS005',
    });
    expect(parseAppPath(`/sandbox/sessions/${uuid}`)).toEqual({
      view: 'record',
      instance: 'sandbox',
      endpoint: 'sessions',
      lookup: uuid,
    });
    expect(parseAppPath('/sandbox/sessions/~/docs')).toEqual({
      view: 'docs',
      instance: 'sandbox',
      endpoint: 'sessions',
    });
    expect(parseAppPath('/sandbox/subjects/~/new')).toEqual({
      view: 'create',
      instance: 'sandbox',
      endpoint: 'subjects',
    });
    expect(parseAppPath('/sandbox/subjects/KS005/~/edit')).toEqual({
      view: 'edit',
      instance: 'sandbox',
      endpoint: 'subjects',
      lookup: 'KS005',
    });
    expect(parseAppPath('/sandbox/~/login', '?next=%2Fsandbox%2Fsessions')).toEqual({
      view: 'login',
      instance: 'sandbox',
      returnTo: '/sandbox/sessions',
    });
    expect(parseAppPath('/sandbox/~/history', '?q=get')).toEqual({ view: 'history', instance: 'sandbox' });
    expect(parseAppPath('/sandbox/~/saved')).toEqual({ view: 'saved', instance: 'sandbox' });
    expect(parseAppPath('/sandbox/saved')).toEqual({ view: 'list', instance: 'sandbox', endpoint: 'saved' });
    expect(parseAppPath('/sandbox/%7E/history')).toEqual({
      view: 'record',
      instance: 'sandbox',
      endpoint: '~',
      lookup: 'history',
    });
  });

  it('keeps records named like form words apart from forms', () => {
    expect(parseAppPath('/sandbox/subjects/new')).toEqual({
      view: 'record',
      instance: 'sandbox',
      endpoint: 'subjects',
      lookup: 'new',
    });
    expect(parseAppPath('/sandbox/subjects/%7E')).toEqual({
      view: 'record',
      instance: 'sandbox',
      endpoint: 'subjects',
      lookup: '~',
    });
    expect(parseAppPath('/sandbox/subjects/KS%20005')).toMatchObject({ view: 'record', lookup: 'KS 005' });
  });

  it('round-trips the builders', () => {
    const lookups = ['KS005', 'new', 'KS 005', 'a/b', '~', 'édith', '100%'];
    for (const lookup of lookups) {
      const url = new URL(paths.record('sandbox', 'subjects', lookup), 'http://x');
      expect(parseAppPath(url.pathname, url.search)).toEqual({
        view: 'record',
        instance: 'sandbox',
        endpoint: 'subjects',
        lookup,
      });
      const edit = new URL(paths.edit('sandbox', 'subjects', lookup), 'http://x');
      expect(parseAppPath(edit.pathname, edit.search)).toEqual({
        view: 'edit',
        instance: 'sandbox',
        endpoint: 'subjects',
        lookup,
      });
      const replace = new URL(paths.replace('sandbox', 'subjects', lookup), 'http://x');
      expect(parseAppPath(replace.pathname, replace.search)).toMatchObject({ view: 'replace', lookup });
    }
    const list = new URL(paths.list('sandbox', 'sessions', { subject: 'KS005', limit: '50' }), 'http://x');
    expect(parseAppPath(list.pathname, list.search)).toMatchObject({
      view: 'list',
      query: 'subject=KS005&limit=50',
    });
    const login = new URL(paths.login('sandbox', '/sandbox/sessions?subject=KS005&lab=x'), 'http://x');
    expect(parseAppPath(login.pathname, login.search)).toMatchObject({
      view: 'login',
      returnTo: '/sandbox/sessions?subject=KS005&lab=x',
    });
  });

  it('reports unknown shapes', () => {
    expect(parseAppPath('/sandbox/a/b/c')).toMatchObject({ view: 'unknown' });
    expect(parseAppPath('/sandbox/subjects/~/delete')).toMatchObject({ view: 'unknown' });
    expect(parseAppPath('/~')).toEqual({ view: 'unknown' });
    expect(parseAppPath('/sandbox/%E0%A4%A')).toEqual({ view: 'unknown' });
  });
});

describe('alyxUrlToAppPath and back', () => {
  it('swaps the instance base for the explorer base', () => {
    expect(alyxUrlToAppPath('https://alyx.example.org/sessions?subject=KS005', instances)).toBe(
      '/alyx/sessions?subject=KS005',
    );
    expect(alyxUrlToAppPath(`https://alyx.example.org/sessions/${uuid}`, instances)).toBe(
      `/alyx/sessions/${uuid}`,
    );
    expect(alyxUrlToAppPath('http://127.0.0.1:8000/subjects/KS%20005', instances)).toBe(
      '/sandbox/subjects/KS%20005',
    );
    expect(alyxUrlToAppPath('https://direct.example.org/alyx/labs/cortexlab', instances)).toBe(
      '/direct/labs/cortexlab',
    );
    expect(alyxUrlToAppPath('https://alyx.example.org/', instances)).toBe('/alyx');
  });

  it('returns null for unknown hosts and endpoints the model lacks', () => {
    expect(alyxUrlToAppPath('https://other.example.org/sessions', instances)).toBeNull();
    const model: ApiModel = { endpoints: {}, sources: ['openapi'], builtAt: 0 };
    expect(alyxUrlToAppPath('https://alyx.example.org/sessions', instances, model)).toBeNull();
  });

  it('converts a list or record location to the Alyx URL', () => {
    const alyx = instances[0] as InstanceConfig;
    expect(appPathToAlyxUrl(parseAppPath('/alyx/sessions', '?subject=KS005'), alyx)).toBe(
      'https://alyx.example.org/sessions?subject=KS005',
    );
    expect(appPathToAlyxUrl(parseAppPath('/alyx/subjects/KS%20005'), alyx)).toBe(
      'https://alyx.example.org/subjects/KS%20005',
    );
    expect(appPathToAlyxUrl(parseAppPath('/alyx/subjects/~/new'), alyx)).toBeNull();
  });
});
