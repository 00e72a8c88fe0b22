import { describe, expect, it } from 'vitest';
import { Random, isoDate, isoDateTime } from './random.ts';

describe('Random', () => {
  it('repeats itself for a seed and differs between seeds and forks', () => {
    const draw = (r: Random): number[] => Array.from({ length: 5 }, () => r.uint32());
    expect(draw(new Random(42))).toEqual(draw(new Random(42)));
    expect(draw(new Random(42))).not.toEqual(draw(new Random(43)));
    const root = new Random(1);
    expect(draw(root.fork('a'))).not.toEqual(draw(root.fork('a')));
    expect(draw(new Random(1).fork('a'))).toEqual(draw(new Random(1).fork('a')));
  });

  it('draws version-4 UUIDs and bounded integers', () => {
    const r = new Random(7);
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = r.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(ids.size).toBe(2000);
    expect(r.hex(32)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('formats dates like Date.toISOString, without the Z', () => {
    const r = new Random(3);
    for (let i = 0; i < 5000; i++) {
      const ms = Math.floor(r.next() * 4e12) - 1e12 + (i % 2 === 0 ? 0 : r.int(1, 999));
      const expected = new Date(ms)
        .toISOString()
        .replace('Z', '')
        .replace(/\.000$/, '');
      expect(isoDateTime(ms)).toBe(expected);
      expect(isoDate(ms)).toBe(expected.slice(0, 10));
    }
  });
});
