import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readDump, type DumpObject } from './dump-reader.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'dump-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const objects: DumpObject[] = [
  {
    model: 'misc.note',
    pk: 'a',
    fields: {
      text: 'brackets } ] { [ inside, a quote \\" and a backslash \\\\',
      json: { nested: [1, { deep: '}' }] },
    },
  },
  { model: 'experiments.brainregion', pk: 997, fields: { acronym: 'root', parent: null } },
  { model: 'misc.note', pk: 'b', fields: { text: 'unicode: café – ☃', json: null } },
];

async function readAll(file: string, chunkBytes?: number): Promise<DumpObject[]> {
  const out: DumpObject[] = [];
  for await (const obj of readDump(file, chunkBytes)) out.push(obj);
  return out;
}

describe('readDump', () => {
  const text = JSON.stringify(objects, null, 1);

  it('splits a JSON array into objects whatever the chunk boundaries', async () => {
    const file = path.join(dir, 'dump.json');
    writeFileSync(file, text);
    for (const chunk of [3, 7, 64, 1 << 16]) expect(await readAll(file, chunk)).toEqual(objects);
  });

  it('reads gzipped dumps', async () => {
    const file = path.join(dir, 'dump.json.gz');
    writeFileSync(file, gzipSync(text));
    expect(await readAll(file)).toEqual(objects);
  });

  it('rejects files that are not a complete dumpdata array', async () => {
    const truncated = path.join(dir, 'truncated.json');
    writeFileSync(truncated, text.slice(0, text.length - 20));
    await expect(readAll(truncated)).rejects.toThrow(/truncated/);
    const notArray = path.join(dir, 'object.json');
    writeFileSync(notArray, '{"model": "x"}');
    await expect(readAll(notArray)).rejects.toThrow(/JSON array/);
    const wrongShape = path.join(dir, 'wrong.json');
    writeFileSync(wrongShape, '[{"hello": 1}]');
    await expect(readAll(wrongShape)).rejects.toThrow(/not a dumpdata object/);
  });
});
