import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** One object of a Django `dumpdata` file. */
export interface DumpObject {
  model: string;
  pk: string | number;
  fields: Record<string, unknown>;
}

function isDumpObject(value: unknown): value is DumpObject {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.model === 'string' &&
    (typeof v.pk === 'string' || typeof v.pk === 'number') &&
    typeof v.fields === 'object' &&
    v.fields !== null
  );
}

/**
 * Streams the objects of a dumpdata JSON array (plain or `.gz`) one by one, so a dump of
 * millions of rows is never parsed as a whole. Splits the array at depth 1 by scanning
 * brackets outside strings, then JSON-parses each element.
 */
export async function* readDump(path: string, chunkBytes = 1 << 16): AsyncGenerator<DumpObject> {
  const file = createReadStream(path, { highWaterMark: chunkBytes });
  const stream = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  stream.setEncoding('utf8');
  let depth = 0;
  let inString = false;
  let escaped = false;
  let current = '';
  let started = false;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let objectStart = depth >= 2 ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === 92 /* \ */) escaped = true;
          else if (ch === 34 /* " */) inString = false;
          continue;
        }
        if (ch === 34) inString = true;
        else if (ch === 91 /* [ */ || ch === 123 /* { */) {
          if (depth === 0 && ch !== 91) throw new Error(`${path}: a dumpdata file is a JSON array`);
          depth++;
          started = true;
          if (depth === 2) objectStart = i;
        } else if (ch === 93 /* ] */ || ch === 125 /* } */) {
          depth--;
          if (depth === 1 && objectStart >= 0) {
            const text = current + chunk.slice(objectStart, i + 1);
            current = '';
            objectStart = -1;
            const parsed: unknown = JSON.parse(text);
            if (!isDumpObject(parsed))
              throw new Error(`${path}: not a dumpdata object: ${text.slice(0, 120)}`);
            yield parsed;
          }
        }
      }
      if (objectStart >= 0) current += chunk.slice(objectStart);
    }
  } finally {
    file.destroy();
  }
  if (!started || depth !== 0) throw new Error(`${path}: truncated or empty dumpdata file`);
}
