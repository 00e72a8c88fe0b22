/** The list query as the equivalent ONE call: `one.alyx.rest('sessions', 'list', subject='KS005')`. */
import type { EndpointModel } from '../../api/schema/model.ts';

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

export function pythonString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function pythonValue(value: string, kind: string | undefined): string {
  if (kind === 'boolean' && /^(true|false)$/i.test(value))
    return value.toLowerCase() === 'true' ? 'True' : 'False';
  if ((kind === 'integer' || kind === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return value;
  return pythonString(value);
}

/**
 * ONE pages by itself (it follows `count` lazily), so `limit`/`offset` are left out. A repeated key
 * becomes a Python list, which ONE joins with commas: the closest ONE can express.
 */
export function oneCall(endpointName: string, search: URLSearchParams, endpoint?: EndpointModel): string {
  const kinds = new Map((endpoint?.filters ?? []).map((f) => [f.name, f.kind]));
  const grouped = new Map<string, string[]>();
  for (const [key, value] of search) {
    if (key === 'limit' || key === 'offset' || value === '') continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const plain: string[] = [];
  const odd: string[] = [];
  for (const [key, values] of grouped) {
    const kind = kinds.get(key);
    const rendered =
      values.length === 1
        ? pythonValue(values[0] ?? '', kind)
        : `[${values.map((v) => pythonValue(v, kind)).join(', ')}]`;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !PYTHON_KEYWORDS.has(key)) plain.push(`${key}=${rendered}`);
    else odd.push(`${pythonString(key)}: ${rendered}`);
  }
  const args = [pythonString(endpointName), "'list'", ...plain];
  if (odd.length > 0) args.push(`**{${odd.join(', ')}}`);
  return `one.alyx.rest(${args.join(', ')})`;
}
