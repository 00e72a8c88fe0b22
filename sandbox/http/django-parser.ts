import { ServerError } from './errors.ts';

/** Splits on commas that are not inside `[]` or `()`. */
export function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '[' || char === '(') depth += 1;
    else if ((char === ']' || char === ')') && depth > 0) depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** Alyx's value conversion: None, true/false (any case), digit strings → float, [..]/(..) literals. */
export function convertValue(raw: string): unknown {
  if (raw === 'None') return null;
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw.startsWith('[') || raw.startsWith('(')) return parsePythonLiteral(raw);
  return raw;
}

export interface DjangoPair {
  field: string;
  negate: boolean;
  value: unknown;
}

/** `field__lookup,value[,field2,value2…]` → pairs (Alyx `BaseFilterSet._custom_filter_parser`). */
export function parseDjangoPairs(text: string): DjangoPair[] {
  const items = splitOutsideBrackets(text);
  if (items.length % 2 !== 0) throw new ServerError('list index out of range');
  const seen = new Set<string>();
  const pairs: DjangoPair[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const key = items[i] as string;
    if (seen.has(key)) throw new ServerError(`Duplicate filter field: ${key}`);
    seen.add(key);
    const negate = key.startsWith('~');
    pairs.push({ field: negate ? key.slice(1) : key, negate, value: convertValue(items[i + 1] as string) });
  }
  return pairs;
}

/** A small reader for the Python literals Alyx `eval`s: lists/tuples of str, numbers, bools, None. */
export function parsePythonLiteral(text: string): unknown {
  let pos = 0;
  const fail = (): never => {
    throw new ServerError(`invalid syntax (<string>, line 1)`);
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
  };
  const value = (): unknown => {
    skip();
    const char = text[pos];
    if (char === '[' || char === '(') {
      const close = char === '[' ? ']' : ')';
      pos += 1;
      const items: unknown[] = [];
      skip();
      while (text[pos] !== close) {
        items.push(value());
        skip();
        if (text[pos] === ',') pos += 1;
        else if (text[pos] !== close) fail();
        skip();
      }
      pos += 1;
      return items;
    }
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, pos + 1);
      if (end < 0) fail();
      const out = text.slice(pos + 1, end);
      pos = end + 1;
      return out;
    }
    const match = /^(-?\d+(?:\.\d*)?(?:e[+-]?\d+)?|True|False|None)(?![\w])/.exec(text.slice(pos));
    if (!match) {
      const name = /^[A-Za-z_]\w*/.exec(text.slice(pos));
      if (name) throw new ServerError(`name '${name[0]}' is not defined`);
      return fail();
    }
    pos += match[0].length;
    if (match[0] === 'True') return true;
    if (match[0] === 'False') return false;
    if (match[0] === 'None') return null;
    return Number(match[0]);
  };
  const result = value();
  skip();
  if (pos !== text.length) fail();
  return result;
}
