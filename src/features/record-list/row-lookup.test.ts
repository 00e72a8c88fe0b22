import { describe, expect, it } from 'vitest';
import { rowLookup } from './row-lookup.ts';
import { endpointOf, testModel } from '../../testing/browse-model.ts';

const model = testModel();

describe('rowLookup', () => {
  it('uses the lookup field, else the url tail for id endpoints without id', () => {
    expect(rowLookup(endpointOf(model, 'subjects'), { nickname: 'KS005', id: 'x' })).toBe('KS005');
    expect(rowLookup(endpointOf(model, 'datasets'), { url: 'http://h/datasets/0b30' })).toBe('0b30');
    expect(rowLookup(endpointOf(model, 'sessions'), { id: 'abc' })).toBe('abc');
  });
  it('gives null when a row has no identity (water-restriction)', () => {
    expect(rowLookup(undefined, { subject: 'KS005' })).toBeNull();
  });
});
