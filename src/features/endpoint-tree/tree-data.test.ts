import { describe, expect, it } from 'vitest';
import { testApiModel } from '../../testing/model.ts';
import { groupEndpoints } from '../../api/schema/groups.ts';
import { endpointMethods, filterGroups } from './tree-data.ts';

describe('groupEndpoints', () => {
  it('orders groups as Alyx apps and puts action endpoints after browsable ones', () => {
    const groups = groupEndpoints(testApiModel());
    expect(groups.map((group) => group.group)).toEqual([
      'subjects',
      'actions',
      'data',
      'experiments',
      'misc',
      'jobs',
    ]);
    const data = groups.find((group) => group.group === 'data');
    expect(data?.endpoints.map((endpoint) => endpoint.name)).toEqual([
      'dataset-types',
      'datasets',
      'register-file',
    ]);
  });
});

describe('filterGroups', () => {
  const groups = groupEndpoints(testApiModel());

  it('matches names and route paths, every word', () => {
    expect(filterGroups(groups, 'sess').flatMap((g) => g.endpoints.map((e) => e.name))).toEqual(['sessions']);
    expect(filterGroups(groups, '{nickname}').flatMap((g) => g.endpoints.map((e) => e.name))).toEqual([
      'subjects',
    ]);
    expect(filterGroups(groups, 'data types').flatMap((g) => g.endpoints.map((e) => e.name))).toEqual([
      'dataset-types',
    ]);
  });

  it('drops empty groups and keeps everything for a blank filter', () => {
    expect(filterGroups(groups, 'zzz')).toEqual([]);
    expect(filterGroups(groups, '  ')).toHaveLength(groups.length);
  });
});

describe('endpointMethods', () => {
  it('joins list and detail methods in the usual order', () => {
    expect(endpointMethods(testApiModel().endpoints['subjects']!)).toEqual([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    expect(endpointMethods(testApiModel().endpoints['register-file']!)).toEqual(['POST']);
  });
});
