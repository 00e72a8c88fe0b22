import { describe, expect, it } from 'vitest';
import { parseDjangoPairs, splitOutsideBrackets } from './django-parser.ts';
import { ServerError } from './errors.ts';

describe('django= parser', () => {
  it('splits on commas outside brackets and converts values like Alyx', () => {
    expect(splitOutsideBrackets("a__in,['x,y','z'],b,(1,2)")).toEqual(['a__in', "['x,y','z']", 'b', '(1,2)']);
    expect(
      parseDjangoPairs("~name__icontains,matlab,n,12,x,None,b,TRUE,c,false,d,1.5,l,['a',2,True]"),
    ).toEqual([
      { field: 'name__icontains', negate: true, value: 'matlab' },
      { field: 'n', negate: false, value: 12 },
      { field: 'x', negate: false, value: null },
      { field: 'b', negate: false, value: true },
      { field: 'c', negate: false, value: false },
      { field: 'd', negate: false, value: '1.5' },
      { field: 'l', negate: false, value: ['a', 2, true] },
    ]);
  });

  it('raises (500) on odd pair counts, duplicates and bad literals', () => {
    expect(() => parseDjangoPairs('a,1,b')).toThrow(ServerError);
    expect(() => parseDjangoPairs('a,1,a,2')).toThrow(ServerError);
    expect(() => parseDjangoPairs("a,['x'")).toThrow(ServerError);
  });
});
