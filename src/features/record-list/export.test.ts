import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv, toJson } from './export.ts';

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    const rows = [
      { name: 'plain', note: 'has, comma', n: 3, ok: true },
      { name: 'quote "x"', note: 'line\nbreak', n: null, ok: false },
    ];
    expect(toCsv(rows, ['name', 'note', 'n', 'ok'])).toBe(
      'name,note,n,ok\r\nplain,"has, comma",3,true\r\n"quote ""x""","line\nbreak",,false\r\n',
    );
  });
  it('writes arrays and objects as JSON and missing keys as empty', () => {
    expect(toCsv([{ projects: ['a', 'b'], json: { k: 1 } }], ['projects', 'json', 'absent'])).toBe(
      'projects,json,absent\r\n"[""a"",""b""]","{""k"":1}",\r\n',
    );
  });
});

describe('toJson', () => {
  it('round-trips the rows', () => {
    const rows = [{ id: 'x', n: 1 }];
    expect(JSON.parse(toJson(rows))).toEqual(rows);
  });
});

describe('exportFileName', () => {
  it('names the file after endpoint and query', () => {
    expect(exportFileName('sessions', new URLSearchParams('subject=KS005&limit=250&offset=250'), 'csv')).toBe(
      'sessions-subject-KS005-offset-250.csv',
    );
    expect(exportFileName('datasets', new URLSearchParams('django=name__icontains,spikes'), 'json')).toBe(
      'datasets-django-name__icontains_spikes.json',
    );
  });
});
