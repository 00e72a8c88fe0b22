import { describe, expect, it } from 'vitest';
import { alyxPathFor, parseRouteTemplate, targetForAlyxPath } from './endpoint-for-path.ts';

describe('Alyx path ↔ endpoint + lookup', () => {
  it('splits list and detail paths', () => {
    expect(targetForAlyxPath('/sessions')).toEqual({ endpoint: 'sessions' });
    expect(targetForAlyxPath('/sessions?subject=KS005&date_range=2020-01-01,2020-01-02')).toEqual({
      endpoint: 'sessions',
      query: 'subject=KS005&date_range=2020-01-01,2020-01-02',
    });
    expect(targetForAlyxPath('/subjects/KS%20005')).toEqual({ endpoint: 'subjects', lookup: 'KS 005' });
    expect(targetForAlyxPath('/')).toBeNull();
    expect(targetForAlyxPath('/cache/info/x')).toBeNull();
  });

  it('builds paths with one encoded lookup segment', () => {
    expect(alyxPathFor('subjects', 'KS 005/x')).toBe('/subjects/KS%20005%2Fx');
    expect(alyxPathFor('brain-regions', 997)).toBe('/brain-regions/997');
    expect(alyxPathFor('sessions', undefined, { subject: 'KS005', limit: 10 })).toBe(
      '/sessions?limit=10&subject=KS005',
    );
  });

  it('round-trips', () => {
    for (const lookup of ['KS005', 'a b', 'x/y', '%', 'new']) {
      expect(targetForAlyxPath(alyxPathFor('subjects', lookup))).toEqual({ endpoint: 'subjects', lookup });
    }
  });

  it('parses route templates', () => {
    expect(parseRouteTemplate('/subjects/{nickname}')).toEqual({
      endpoint: 'subjects',
      param: 'nickname',
      extra: false,
    });
    expect(parseRouteTemplate('/sessions')).toEqual({ endpoint: 'sessions', extra: false });
    expect(parseRouteTemplate('/cache/info/')).toEqual({ endpoint: 'cache', extra: true });
    expect(parseRouteTemplate('/api/schema')).toEqual({ endpoint: 'api', extra: true });
  });
});
