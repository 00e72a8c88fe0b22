import { describe, expect, it } from 'vitest';
import { oneCall } from './one-call.ts';
import { endpointOf, testModel } from '../../testing/browse-model.ts';

const sessions = endpointOf(testModel(), 'sessions');

describe('oneCall', () => {
  it('formats a filtered list without paging', () => {
    expect(oneCall('sessions', new URLSearchParams('subject=KS005&limit=100&offset=200'), sessions)).toBe(
      "one.alyx.rest('sessions', 'list', subject='KS005')",
    );
  });
  it('uses Python literals for typed filters and keeps django= as text', () => {
    const call = oneCall(
      'sessions',
      new URLSearchParams('histology=true&number=2&django=start_time__date__lte,2021-07-22'),
      sessions,
    );
    expect(call).toBe(
      "one.alyx.rest('sessions', 'list', histology=True, number=2, django='start_time__date__lte,2021-07-22')",
    );
  });
  it('escapes quotes, lists repeated keys and passes non-identifier keys via **{}', () => {
    const call = oneCall(
      'subjects',
      new URLSearchParams("nickname=O'Hara&projects=a&projects=b&class=x&foo-bar=1"),
    );
    expect(call).toBe(
      "one.alyx.rest('subjects', 'list', nickname='O\\'Hara', projects=['a', 'b'], **{'class': 'x', 'foo-bar': '1'})",
    );
  });
  it('formats an unfiltered list', () => {
    expect(oneCall('labs', new URLSearchParams(''))).toBe("one.alyx.rest('labs', 'list')");
  });
});
