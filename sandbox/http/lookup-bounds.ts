// Caps on what one lookup may ask of the database. PGlite runs on Node's event loop and cannot
// honour a statement timeout (ADR 0011), so a costly pattern would freeze every request.
import { detailError } from './errors.ts';

export const MAX_REGEX_LENGTH = 200;
/** PostgreSQL's own RE_DUPMAX is 255; nesting is what explodes, and that is refused outright. */
export const MAX_REGEX_REPEAT = 100;
export const MAX_PATTERN_LENGTH = 1000;
export const MAX_LIST_ITEMS = 1000;
export const MAX_RELATION_HOPS = 6;

function refuse(why: string): never {
  throw detailError(400, why);
}

interface Group {
  quantified: boolean;
}

/**
 * Accepts a regex for `__regex`/`__iregex` only if its cost is bounded: at most 200 characters,
 * no backreferences, repetition counts up to 100, and no quantifier applied to a group that
 * already contains one (`(a+)+`, `((a{40}){40}){40}`: the state explosion behind the freeze).
 */
export function checkRegex(pattern: string): void {
  if (pattern.length > MAX_REGEX_LENGTH)
    refuse(`Regular expression too long (${pattern.length} characters; at most ${MAX_REGEX_LENGTH}).`);
  const stack: Group[] = [{ quantified: false }];
  // What a quantifier right here would apply to: a closed group (and whether it held quantifiers).
  let lastAtom: 'none' | 'plain' | 'group' | 'quantified-group' | 'quantifier' = 'none';
  const markQuantified = () => {
    for (const group of stack) group.quantified = true;
  };
  const quantify = () => {
    if (lastAtom === 'quantified-group')
      refuse(
        'Regular expression refused: a repeated group contains another repetition (nested quantifiers).',
      );
    if (lastAtom === 'quantifier') return; // lazy/possessive modifier, e.g. `a*?`
    markQuantified();
    lastAtom = 'quantifier';
  };
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) refuse('Regular expression refused: backreferences are not supported.');
      i += 1;
      lastAtom = 'plain';
    } else if (char === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j += 1;
      if (pattern[j] === ']') j += 1;
      while (j < pattern.length && pattern[j] !== ']')
        j += pattern[j] === '[' && pattern[j + 1] === ':' ? 2 : 1;
      i = j;
      lastAtom = 'plain';
    } else if (char === '(') {
      stack.push({ quantified: false });
      if (pattern[i + 1] === '?') i += 1;
      lastAtom = 'none';
    } else if (char === ')') {
      const closed = stack.length > 1 ? stack.pop() : undefined;
      lastAtom = closed?.quantified ? 'quantified-group' : 'group';
    } else if (char === '*' || char === '+' || char === '?') {
      quantify();
    } else if (char === '{') {
      const bound = /^\{(\d*)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (!bound) {
        lastAtom = 'plain';
        continue;
      }
      const counts = [bound[1], bound[2]].filter((n): n is string => !!n).map(Number);
      if (counts.some((n) => n > MAX_REGEX_REPEAT))
        refuse(`Regular expression refused: repetition counts above ${MAX_REGEX_REPEAT}.`);
      quantify();
      i += bound[0].length - 1;
    } else if (char === '|') {
      lastAtom = 'none';
    } else lastAtom = 'plain';
  }
}

export function checkPatternLength(text: string): void {
  if (text.length > MAX_PATTERN_LENGTH)
    refuse(`Lookup value too long (${text.length} characters; at most ${MAX_PATTERN_LENGTH}).`);
}

export function checkListLength(items: readonly unknown[]): void {
  if (items.length > MAX_LIST_ITEMS)
    refuse(`Too many values in one lookup (${items.length}; at most ${MAX_LIST_ITEMS}).`);
}
