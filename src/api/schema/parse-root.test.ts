import { describe, expect, it } from 'vitest';
import { parseRoot } from './parse-root.ts';

describe('parseRoot', () => {
  it('reads the current {name: url} form', () => {
    const model = parseRoot(
      {
        subjects: 'http://127.0.0.1:8000/subjects',
        'water-restriction': 'http://127.0.0.1:8000/water-restriction',
      },
      5,
    );
    expect(Object.keys(model.endpoints).sort()).toEqual(['subjects', 'water-restriction']);
    expect(model.endpoints['subjects']).toMatchObject({
      list: { path: '/subjects', methods: ['GET'] },
      browsable: true,
      group: 'subjects',
      sources: ['root'],
    });
    expect(model.builtAt).toBe(5);
  });

  it('reads the older {"subjects-url": url} form by the URL path', () => {
    const model = parseRoot({
      'users-url': 'https://alyx.example.org/users',
      'datarepository-url': 'https://alyx.example.org/data-repository',
      'dataformat-url': 'https://alyx.example.org/data-formats',
      'register-file': 'https://alyx.example.org/register-file',
    });
    expect(Object.keys(model.endpoints).sort()).toEqual([
      'data-formats',
      'data-repository',
      'register-file',
      'users',
    ]);
    expect(model.endpoints['register-file']?.browsable).toBe(false);
  });

  it('works behind a proxy (links name the proxy path)', () => {
    const model = parseRoot({ sessions: 'http://localhost:5173/api/sandbox/sessions' });
    expect(Object.keys(model.endpoints)).toEqual(['sessions']);
  });

  it('rejects non-lists', () => {
    expect(() => parseRoot({ openapi: '3.0.3', paths: {} })).toThrow();
    expect(() => parseRoot([])).toThrow();
  });
});
