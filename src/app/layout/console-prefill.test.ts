import { describe, expect, it } from 'vitest';
import { parseAppPath } from '../../config/paths.ts';
import { consolePrefill } from './console-prefill.ts';

const at = (path: string, search = '') => consolePrefill(parseAppPath(path, search));

describe('consolePrefill', () => {
  it('asks what the current view shows', () => {
    expect(at('/sandbox/sessions', '?subject=KS005&number=1')).toEqual({
      method: 'GET',
      path: '/sessions',
      query: 'subject=KS005&number=1',
    });
    expect(at('/sandbox/subjects/KS%20005')).toEqual({ method: 'GET', path: '/subjects/KS%20005' });
    expect(at('/sandbox/subjects/~/docs')).toEqual({ method: 'GET', path: '/subjects' });
    expect(at('/sandbox/subjects')).toEqual({ method: 'GET', path: '/subjects' });
  });

  it('keeps the console request on the console, and opens empty elsewhere', () => {
    expect(at('/sandbox/~/console', '?method=OPTIONS&path=/labs')).toEqual({
      method: 'OPTIONS',
      path: '/labs',
    });
    expect(at('/sandbox')).toBeUndefined();
    expect(at('/sandbox/~/login')).toBeUndefined();
  });
});
