import { describe, expect, it } from 'vitest';
import { CsvBuilder, csvField, JsonArrayBuilder, neutraliseFormula, UTF8_BOM } from './csv.ts';

async function text(parts: string[]): Promise<string> {
  // Blob.text() would drop the byte-order mark; the file's bytes keep it.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Blob(parts).arrayBuffer());
}

describe('neutraliseFormula and csvField', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary text, numbers and booleans alone', () => {
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
  it('quotes commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' x')).toBe('" x"');
  });
  it('writes nested values as JSON', () => {
    expect(csvField({ a: [1, 'b'] })).toBe('"{""a"":[1,""b""]}"');
  });
});

describe('CsvBuilder', () => {
  it('writes BOM, the union of keys in order of first appearance, and pads earlier pages', async () => {
    const builder = new CsvBuilder();
    builder.addRows([{ id: 'a', name: 'one' }]);
    builder.addRows([
      { name: 'two', id: 'b', extra: '=cmd' },
      { id: 'c', note: 'x\r\ny' },
    ]);
    expect(builder.columns).toEqual(['id', 'name', 'extra', 'note']);
    expect(builder.rowCount).toBe(3);
    const csv = await text(builder.parts());
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      'id,name,extra,note\r\n' + 'a,one,,\r\n' + "b,two,'=cmd,\r\n" + 'c,,,"x\r\ny"\r\n',
    );
  });
  it('keeps a quoted line break inside a padded page intact', async () => {
    const builder = new CsvBuilder();
    builder.addRows([{ a: 'x\r\ny' }]);
    builder.addRows([{ a: 'z', b: 1 }]);
    expect((await text(builder.parts())).slice(1)).toBe('a,b\r\n"x\r\ny",\r\nz,1\r\n');
  });
  it('gives a header-only file for no rows', async () => {
    expect(await text(new CsvBuilder().parts())).toBe(`${UTF8_BOM}\r\n`);
  });
});

describe('JsonArrayBuilder', () => {
  it('builds one JSON array across pages', async () => {
    const builder = new JsonArrayBuilder();
    builder.addRows([{ a: 1 }, { a: '"2"' }]);
    builder.addRows([]);
    builder.addRows([{ a: null }]);
    expect(JSON.parse(await text(builder.parts()))).toEqual([{ a: 1 }, { a: '"2"' }, { a: null }]);
    expect(JSON.parse(await text(new JsonArrayBuilder().parts()))).toEqual([]);
  });
});
