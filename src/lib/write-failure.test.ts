import { describe, expect, it } from 'vitest';
import { errorFromResponse, networkError } from '../api/http/errors.ts';
import { explainWriteFailure } from './write-failure.ts';

// The bodies Alyx answers with (REST-CONVENTIONS §2 and §6).
const answer = (status: number, body: unknown, method = 'PATCH') =>
  errorFromResponse({
    status,
    contentType: 'application/json',
    retryAfter: null,
    text: JSON.stringify(body),
    path: '/datasets/x',
    method,
  });

describe('explainWriteFailure', () => {
  it('tells a read-only account from one protected record', () => {
    const readOnly = answer(403, { detail: 'You do not have permission to perform this action.' });
    expect(explainWriteFailure(readOnly, 'write', 'x')).toMatchObject({ kind: 'read-only', retry: false });
    const protectedOne = answer(403, { detail: 'Dataset x is protected by tag y' }, 'DELETE');
    const failure = explainWriteFailure(protectedOne, 'delete', 'datasets/x');
    expect(failure).toMatchObject({ kind: 'protected', title: 'This record is protected', retry: false });
    expect(failure.text).toContain('delete datasets/x');
    expect(failure.text).toContain('protected by tag y');
    expect(failure.text).toContain('Nothing was deleted.');
  });

  it('says whether trying again can help', () => {
    expect(explainWriteFailure(answer(400, { name: ['required'] }), 'write', 'x').retry).toBe(false);
    expect(explainWriteFailure(answer(404, { detail: 'Not found.' }), 'delete', 'x').kind).toBe('not-found');
    expect(
      explainWriteFailure(answer(405, { detail: 'Method "PATCH" not allowed.' }), 'write', 'x').kind,
    ).toBe('method');
    expect(explainWriteFailure(answer(429, { detail: 'Slow down' }), 'write', 'x')).toMatchObject({
      kind: 'throttled',
      retry: true,
    });
    expect(explainWriteFailure(answer(500, {}), 'delete', 'x')).toMatchObject({
      kind: 'failed',
      retry: true,
    });
    const lost = explainWriteFailure(
      networkError('/x', 'DELETE', new TypeError('fetch failed')),
      'delete',
      'x',
    );
    expect(lost).toMatchObject({ kind: 'network', retry: true });
    expect(explainWriteFailure(new Error('boom'), 'write', 'x')).toMatchObject({
      title: 'Save failed',
      text: 'boom',
    });
  });
});
