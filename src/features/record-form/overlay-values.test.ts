import { describe, expect, it } from 'vitest';
import { overlayFormValues } from './overlay-values.ts';

const base = { description: 'old', alive: true, users: ['alice'], death_date: null };

describe('overlayFormValues', () => {
  it('takes the stored values of the form’s fields', () => {
    expect(
      overlayFormValues(
        { description: 'typed', alive: false, users: ['kwame', 'alice'], death_date: '2024-01-02' },
        base,
      ),
    ).toEqual({ description: 'typed', alive: false, users: ['kwame', 'alice'], death_date: '2024-01-02' });
  });

  it('keeps the base where the stored value is missing, misshapen or names no field', () => {
    const stored = JSON.parse(
      '{"description": {"html": "<img>"}, "alive": "yes", "users": [1, 2], "extra": "x", "__proto__": {"polluted": true}}',
    ) as Record<string, unknown>;
    const values = overlayFormValues(stored, base);
    expect(values).toEqual(base);
    expect(Object.keys(values)).toEqual(Object.keys(base));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts an explicit null (an "empty (null)" input) and a value typed over a null', () => {
    expect(overlayFormValues({ description: null, death_date: '2024-05-06' }, base)).toMatchObject({
      description: null,
      death_date: '2024-05-06',
    });
  });

  it('gives the base back when there is no draft', () => {
    expect(overlayFormValues(null, base)).toEqual(base);
  });
});
