import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseRetryAfter, type AlyxError } from './errors.ts';

async function classify(response: Response, path = '/sessions', method = 'GET'): Promise<AlyxError> {
  return errorFromResponse({
    status: response.status,
    contentType: response.headers.get('content-type'),
    retryAfter: response.headers.get('retry-after'),
    text: await response.text(),
    path,
    method,
  });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const html = (
  status: number,
  text = '<!DOCTYPE html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>',
): Response => new Response(text, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });

describe('errorFromResponse (Alyx failure modes, REST-CONVENTIONS §6)', () => {
  it('classifies a bad token and missing credentials (403, never 401) as unauthorized', async () => {
    const bad = await classify(json(403, { detail: 'Invalid token.', status_code: 403 }));
    expect(bad.kind).toBe('unauthorized');
    expect(bad.detail).toBe('Invalid token.');
    const missing = await classify(
      json(403, { detail: 'Authentication credentials were not provided.', status_code: 403 }),
    );
    expect(missing.kind).toBe('unauthorized');
  });

  it('classifies other 403s (public account writing, protected dataset) as forbidden', async () => {
    const error = await classify(
      json(403, { detail: 'You do not have permission to perform this action.', status_code: 403 }),
      '/subjects',
      'POST',
    );
    expect(error.kind).toBe('forbidden');
    expect(error.method).toBe('POST');
    expect(error.message).toContain('You do not have permission');
    expect(error.message).toContain('403 on POST /subjects');
  });

  it('classifies JSON and HTML 404s as not-found', async () => {
    const jsonError = await classify(
      json(404, { detail: 'No Session matches the given query.', status_code: 404 }),
    );
    expect(jsonError.kind).toBe('not-found');
    expect(jsonError.detail).toBe('No Session matches the given query.');
    const htmlError = await classify(html(404), '/sessions/NOT-A-UUID');
    expect(htmlError.kind).toBe('not-found');
    expect(htmlError.detail).toBe('Not Found');
  });

  it('classifies 429 as throttled with Retry-After seconds, falling back to the detail text', async () => {
    const withHeader = await classify(
      json(
        429,
        { detail: 'Request was throttled. Expected available in 37 seconds.', status_code: 429 },
        { 'retry-after': '37' },
      ),
    );
    expect(withHeader.kind).toBe('throttled');
    expect(withHeader.retryAfterSeconds).toBe(37);
    const withoutHeader = await classify(
      json(429, { detail: 'Request was throttled. Expected available in 12 seconds.' }),
    );
    expect(withoutHeader.retryAfterSeconds).toBe(12);
  });

  it('maps 400 bodies onto field errors and non-field errors', async () => {
    const error = await classify(
      json(400, {
        subject: ['Object with nickname=foo does not exist.'],
        genotype: [{ allele: ['This field is required.'] }],
        non_field_errors: ['Unable to log in with provided credentials.'],
        status_code: 400,
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual({
      subject: ['Object with nickname=foo does not exist.'],
      genotype: ['allele: This field is required.'],
    });
    expect(error.nonFieldErrors).toEqual(['Unable to log in with provided credentials.']);
    expect(error.fieldErrors).not.toHaveProperty('status_code');
  });

  it('keeps the detail of custom action errors ({status_code, error})', async () => {
    const error = await classify(
      json(400, { status_code: 400, error: 'Missing path' }),
      '/register-file',
      'POST',
    );
    expect(error.kind).toBe('validation');
    expect(error.detail).toBe('Missing path');
  });

  it('classifies 405 as method and 500 JSON as server with the Django message', async () => {
    expect(
      (await classify(json(405, { detail: 'Method "DELETE" not allowed.', status_code: 405 }))).kind,
    ).toBe('method');
    const server = await classify(
      json(500, {
        status_code: 500,
        detail: "Cannot resolve keyword 'foo' into field. Choices are: id, name",
      }),
    );
    expect(server.kind).toBe('server');
    expect(server.detail).toContain("Cannot resolve keyword 'foo'");
  });

  it('classifies HTML where JSON was expected, even with status 200, as html', async () => {
    const error = await classify(
      html(200, '<html><head><title>Server Error</title></head><body>Traceback…</body></html>'),
    );
    expect(error.kind).toBe('html');
    expect(error.status).toBe(200);
  });

  it('classifies unparsable JSON as malformed', async () => {
    const error = await classify(
      new Response('{"count": 3, "res', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    expect(error.kind).toBe('malformed');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5', null)).toBe(5);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', null, now)).toBe(30);
    expect(parseRetryAfter(null, null)).toBeNull();
  });
});
