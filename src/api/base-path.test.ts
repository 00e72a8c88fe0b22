import { describe, expect, it } from 'vitest';
import { basePath, withoutBase } from './base-path.ts';

describe('base path', () => {
  it('has no trailing slash, and is empty at the root', () => {
    expect(basePath('/')).toBe('');
    expect(basePath('/explorer/')).toBe('/explorer');
  });

  it('strips the base from a request pathname once, and only as a whole segment', () => {
    expect(withoutBase('/explorer/alyx/sessions', '/explorer')).toBe('/alyx/sessions');
    expect(withoutBase('/explorer', '/explorer')).toBe('/');
    expect(withoutBase('/explorers/alyx', '/explorer')).toBe('/explorers/alyx');
    expect(withoutBase('/alyx/sessions', '')).toBe('/alyx/sessions');
  });
});
