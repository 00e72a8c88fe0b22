import { describe, expect, it } from 'vitest';
import {
  bucketLabel,
  bucketPair,
  djangoKeys,
  bucketsBetween,
  fittingUnit,
  MAX_BUCKETS,
  rangePair,
  startOf,
  withDjangoPair,
} from './time-buckets.ts';

const utc = (text: string) => new Date(`${text}T00:00:00Z`);

describe('time buckets', () => {
  it('starts weeks on Monday, months on the 1st, years on 1 January (UTC, no DST shift)', () => {
    expect(startOf('week', utc('2024-03-31')).toISOString().slice(0, 10)).toBe('2024-03-25');
    expect(startOf('week', utc('2024-03-25')).toISOString().slice(0, 10)).toBe('2024-03-25');
    expect(startOf('month', new Date('2024-02-29T23:59:59Z')).toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(startOf('year', utc('2024-12-31')).toISOString().slice(0, 10)).toBe('2024-01-01');
  });

  it('covers the span edge to edge, each bucket ending where the next starts', () => {
    const buckets = bucketsBetween(utc('2024-01-15'), utc('2024-04-02'), 'month');
    expect(buckets.map((b) => bucketLabel(b, 'month'))).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    for (let i = 1; i < buckets.length; i += 1) expect(buckets[i]!.start).toEqual(buckets[i - 1]!.end);
  });

  it('never makes more than one bucket past the cap, and picks the finest unit that fits', () => {
    expect(bucketsBetween(utc('1990-01-01'), utc('2024-01-01'), 'day')).toHaveLength(MAX_BUCKETS + 1);
    expect(fittingUnit(utc('2024-01-01'), utc('2024-01-31'))).toBe('day');
    expect(fittingUnit(utc('2024-01-01'), utc('2024-06-30'))).toBe('week');
    expect(fittingUnit(utc('2020-01-01'), utc('2024-06-30'))).toBe('month');
    expect(fittingUnit(utc('1950-01-01'), utc('2024-06-30'))).toBe('year');
  });

  it('writes inclusive ranges Alyx evaluates as a tuple, ending just before the next bucket', () => {
    expect(rangePair('birth_date', 'date', utc('2024-01-01'), utc('2024-02-01'))).toBe(
      "birth_date__range,('2024-01-01','2024-01-31')",
    );
    expect(rangePair('start_time', 'datetime', utc('2024-01-01'), utc('2024-01-08'))).toBe(
      "start_time__range,('2024-01-01T00:00:00','2024-01-07T23:59:59.999999')",
    );
  });

  it("adds the pair to the list's own django= and drops paging", () => {
    const search = new URLSearchParams('subject=KS005&django=~lab__name,x&limit=50&offset=100');
    const next = withDjangoPair(search, "start_time__range,('a','b')");
    expect(next.get('django')).toBe("~lab__name,x,start_time__range,('a','b')");
    expect(next.get('subject')).toBe('KS005');
    expect(next.has('limit') || next.has('offset')).toBe(false);
    expect(search.get('limit')).toBe('50');
    expect(withDjangoPair(new URLSearchParams(), 'f,1').get('django')).toBe('f,1');
  });

  it("never repeats a key of the list's own django= (Alyx refuses duplicates)", () => {
    const [start, end] = [utc('2024-01-01'), utc('2024-02-01')];
    expect(djangoKeys("~subject__nickname,KS005,start_time__range,('a','b'),n,[1,2]")).toEqual([
      '~subject__nickname',
      'start_time__range',
      'n',
    ]);
    expect(bucketPair('start_time', 'datetime', start, end, null)).toMatch(/^start_time__range,/);
    expect(bucketPair('start_time', 'datetime', start, end, "start_time__range,('a','b')")).toBe(
      'start_time__gte,2024-01-01T00:00:00,start_time__lt,2024-02-01T00:00:00',
    );
    expect(bucketPair('birth_date', 'date', start, end, "birth_date__range,('a','b')")).toBe(
      'birth_date__gte,2024-01-01,birth_date__lt,2024-02-01',
    );
    expect(bucketPair('d', 'date', start, end, "d__range,('a','b'),d__lt,x")).toBeNull();
  });
});
