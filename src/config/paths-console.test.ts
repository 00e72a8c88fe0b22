import { describe, expect, it } from 'vitest';
import { consoleBodyForUrl, MASKED, parseAppPath, paths, type ConsoleRequest } from './paths.ts';

function parse(path: string) {
  const url = new URL(path, 'http://x');
  return parseAppPath(url.pathname, url.search);
}

describe('console URLs', () => {
  it('builds the documented shape', () => {
    expect(paths.console('sandbox', { method: 'GET', path: '/sessions', query: 'subject=KS005' })).toBe(
      '/sandbox/~/console?method=GET&path=%2Fsessions&query=subject%3DKS005',
    );
    expect(paths.console('sandbox')).toBe('/sandbox/~/console');
    expect(parse('/sandbox/~/console')).toEqual({
      view: 'console',
      instance: 'sandbox',
      request: { method: 'GET', path: '/' },
    });
  });

  it.each<ConsoleRequest>([
    { method: 'GET', path: '/sessions', query: 'subject=KS005&date_range=2024-01-01,2024-02-01' },
    { method: 'OPTIONS', path: '/subjects' },
    { method: 'PATCH', path: '/subjects/KS 005/?&#', body: '{"description":"a & b = c?"}' },
    { method: 'DELETE', path: '/sessions/7f0c5d3e-0000-4000-8000-000000000000' },
    { method: 'POST', path: '/weighings', query: 'x=%2F', body: '[{"weight":21.5}]' },
  ])('round-trips $method $path', (request) => {
    const parsed = parse(paths.console('my-instance', request));
    expect(parsed).toEqual({ view: 'console', instance: 'my-instance', request });
  });

  it('a record named "console" is still a record; console is only behind ~', () => {
    expect(parse('/sandbox/subjects/console')).toMatchObject({ view: 'record', lookup: 'console' });
    expect(parse('/sandbox/console')).toMatchObject({ view: 'list', endpoint: 'console' });
    expect(parse('/sandbox/%7E/console')).toMatchObject({ view: 'record', endpoint: '~', lookup: 'console' });
    expect(parse('/sandbox/~/console/extra')).toMatchObject({ view: 'unknown' });
  });

  it('unknown methods read as GET; a GET or OPTIONS never carries a body', () => {
    expect(parse('/s/~/console?method=TRACE&path=/x').request).toEqual({ method: 'GET', path: '/x' });
    expect(parse('/s/~/console?method=get&path=/x&body={"a":1}').request).toEqual({
      method: 'GET',
      path: '/x',
    });
    expect(paths.console('s', { method: 'OPTIONS', path: '/x', body: '{"a":1}' })).not.toContain('body');
  });

  it('masks secret-named values in the body and the query, at any depth', () => {
    const url = paths.console('s', {
      method: 'POST',
      path: '/auth-token',
      query: 'token=abc&limit=2',
      body: JSON.stringify({
        username: 'admin',
        password: 'hunter2',
        nested: [{ api_key: 'k1', Secret: 's', json: { access_token: 't', note: 'kept' } }],
      }),
    });
    expect(url).not.toMatch(/hunter2|k1|abc|=s&|"t"/);
    const request = parse(url).request;
    expect(request?.query).toBe(`token=${encodeURIComponent(MASKED)}&limit=2`);
    expect(JSON.parse(request?.body ?? 'null')).toEqual({
      username: 'admin',
      password: MASKED,
      nested: [{ api_key: MASKED, Secret: MASKED, json: { access_token: MASKED, note: 'kept' } }],
    });
  });

  it('keeps invalid or very long bodies out of the URL', () => {
    expect(consoleBodyForUrl('POST', '{not json')).toBeUndefined();
    expect(consoleBodyForUrl('POST', JSON.stringify({ text: 'x'.repeat(5000) }))).toBeUndefined();
    expect(consoleBodyForUrl('PATCH', ' {"a": 1} ')).toBe('{"a":1}');
  });
});
