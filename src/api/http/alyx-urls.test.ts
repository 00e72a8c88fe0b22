import { describe, expect, it } from 'vitest';
import { lastSegment, searchParamsOf, toRelativeAlyxPath } from './alyx-urls.ts';
import { normalizeParams, toQueryString } from './params.ts';

const uuid = 'd3372b15-f696-4279-9be5-98f15783b5bb';

describe('toRelativeAlyxPath', () => {
  it('strips the instance url', () => {
    expect(
      toRelativeAlyxPath(`https://alyx.example.org/sessions/${uuid}?a=1`, ['https://alyx.example.org']),
    ).toBe(`/sessions/${uuid}?a=1`);
    expect(toRelativeAlyxPath('https://alyx.example.org/', ['https://alyx.example.org/'])).toBe('/');
  });

  it('strips an absolute or relative proxy base', () => {
    expect(
      toRelativeAlyxPath(`http://localhost:5173/api/sandbox/sessions/${uuid}`, [
        'http://localhost:5173/api/sandbox',
      ]),
    ).toBe(`/sessions/${uuid}`);
    expect(toRelativeAlyxPath(`/api/sandbox/datasets?session=${uuid}`, ['/api/sandbox'])).toBe(
      `/datasets?session=${uuid}`,
    );
  });

  it('does not accept another host or a lookalike prefix', () => {
    expect(toRelativeAlyxPath('https://evil.example.org/sessions', ['https://alyx.example.org'])).toBeNull();
    expect(toRelativeAlyxPath('http://x/api/sandboxes/sessions', ['http://x/api/sandbox'])).toBeNull();
  });

  it('falls back to a known endpoint segment', () => {
    expect(
      toRelativeAlyxPath(
        `https://test.alyx.internationalbrainlab.org/sessions/${uuid}`,
        ['https://alyx.example.org'],
        ['sessions'],
      ),
    ).toBe(`/sessions/${uuid}`);
    expect(toRelativeAlyxPath('http://proxy.internal/prefix/subjects/KS005', [], ['subjects'])).toBe(
      '/subjects/KS005',
    );
  });

  it('prefers the longest matching base', () => {
    expect(toRelativeAlyxPath('http://h/api/a/labs', ['http://h', 'http://h/api/a'])).toBe('/labs');
  });
});

describe('lastSegment and searchParamsOf', () => {
  it('read the lookup and the query of a hyperlink', () => {
    expect(lastSegment(`https://alyx.example.org/datasets/${uuid}`)).toBe(uuid);
    expect(lastSegment('https://alyx.example.org/subjects/KS%20005')).toBe('KS 005');
    expect(searchParamsOf('http://elsewhere/sessions?limit=2&offset=4').get('offset')).toBe('4');
  });
});

describe('normalizeParams', () => {
  it('sorts keys, drops empty values, stringifies, keeps repeated keys as arrays', () => {
    expect(normalizeParams({ subject: 'KS005', limit: 50, a: '', b: null, alive: true })).toEqual({
      alive: 'true',
      limit: '50',
      subject: 'KS005',
    });
    expect(normalizeParams('?projects=a&projects=b&lab=x')).toEqual({ lab: 'x', projects: ['a', 'b'] });
    expect(Object.keys(normalizeParams(new URLSearchParams('z=1&a=2')))).toEqual(['a', 'z']);
  });

  it('renders a query string with readable commas', () => {
    expect(toQueryString({ date_range: '2020-01-01,2020-01-31', subject: 'KS 005' })).toBe(
      '?date_range=2020-01-01,2020-01-31&subject=KS+005',
    );
    expect(toQueryString({})).toBe('');
  });
});
