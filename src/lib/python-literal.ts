/** Python source literals for copyable ONE snippets (list calls and write calls). */

const PYTHON_KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

const PRINTABLE = /^(?:[^\p{C}\p{Z}]| )$/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

function pythonChar(char: string): string {
  if (char === '\\') return '\\\\';
  if (char === "'") return "\\'";
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  if (PRINTABLE.test(char)) return char;
  // Control, format (bidi overrides), separators, surrogates, private use: spelled out, so a pasted
  // snippet is one line that reads the way Python parses it.
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${hex(code, 2)}`;
  if (code < 0x10000) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

/** A Python `str` literal of exactly `value`, in printable characters only. */
export function pythonString(value: string): string {
  // Iterating a string yields code points, and lone surrogates on their own.
  let body = '';
  for (const char of value) body += pythonChar(char);
  return `'${body}'`;
}

/** True for a name that can be a Python keyword argument (`subject=`), not a keyword. */
export function isPythonIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

/** A Python literal of a JSON value: dicts, lists, None/True/False, numbers and escaped strings. */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${pythonString(key)}: ${pythonLiteral(inner)}`)
      .join(', ')}}`;
  return pythonString(String(value));
}
