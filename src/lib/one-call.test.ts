import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { oneCall } from './one-call.ts';
import { pythonString } from './python-literal.ts';
import { endpointOf, testModel } from '../testing/browse-model.ts';

const sessions = endpointOf(testModel(), 'sessions');

describe('oneCall', () => {
  it('formats a filtered list without paging', () => {
    expect(oneCall('sessions', new URLSearchParams('subject=KS005&limit=100&offset=200'), sessions)).toBe(
      "one.alyx.rest('sessions', 'list', subject='KS005')",
    );
  });
  it('uses Python literals for typed filters and keeps django= as text', () => {
    const call = oneCall(
      'sessions',
      new URLSearchParams('histology=true&number=2&django=start_time__date__lte,2021-07-22'),
      sessions,
    );
    expect(call).toBe(
      "one.alyx.rest('sessions', 'list', histology=True, number=2, django='start_time__date__lte,2021-07-22')",
    );
  });
  it('escapes quotes, lists repeated keys and passes non-identifier keys via **{}', () => {
    const call = oneCall(
      'subjects',
      new URLSearchParams("nickname=O'Hara&projects=a&projects=b&class=x&foo-bar=1"),
    );
    expect(call).toBe(
      "one.alyx.rest('subjects', 'list', nickname='O\\'Hara', projects=['a', 'b'], **{'class': 'x', 'foo-bar': '1'})",
    );
  });
  it('formats an unfiltered list', () => {
    expect(oneCall('labs', new URLSearchParams(''))).toBe("one.alyx.rest('labs', 'list')");
  });
});

/** Python's own parser: the snippet must be exactly one call whose arguments are the intended strings. */
const PARSE_CALLS = `
import ast, json, sys

def parse(snippet):
    tree = ast.parse(snippet, mode='exec')
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return 'not one expression statement'
    call = tree.body[0].value
    if not isinstance(call, ast.Call) or ast.unparse(call.func) != 'one.alyx.rest':
        return 'not one.alyx.rest(...)'
    kwargs = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            kwargs.update(ast.literal_eval(keyword.value))
        else:
            kwargs[keyword.arg] = ast.literal_eval(keyword.value)
    return {'args': [ast.literal_eval(a) for a in call.args], 'kwargs': kwargs}

print(json.dumps([parse(s) for s in json.load(sys.stdin)]))
`;

function python3(): string | null {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'python3' : null;
}

const HOSTILE_VALUES = [
  'KS005\r__import__("os").system("touch /tmp/pwned")#',
  'a\nb',
  "quote ' and \\ backslash \\' end",
  'tab\there',
  'nul\u0000 bell\u0007 esc\u001b[31m del\u007f',
  'c1 \u0085 nel \u009b csi',
  'line sep \u2028 para sep \u2029',
  'bidi \u202e evil \u202a\u202b\u202c\u202d \u2066\u2067\u2068\u2069',
  'lone \ud800 high and \udfff low',
  'zero width \u200b\ufeff nbsp\u00a0',
  'astral 🧠 and private \ue000',
  'Müller ☃',
  '\\x41 \\u0041 \\N{BULLET} stays literal',
];

const HOSTILE_KEYS = [
  'subject',
  'class',
  'foo-bar',
  'a b',
  "x')+__import__('os').system('id')#",
  'k\r\nimport os',
  '\u202ereversed',
  '__import__',
];

describe('oneCall against hostile links', () => {
  const interpreter = python3();
  if (!interpreter) console.log('python3 not found: the ast round-trip checks are skipped');

  it.each(HOSTILE_VALUES)('keeps the value %j one printable line', (value) => {
    const call = oneCall('sessions', new URLSearchParams([['subject', value]]));
    expect(call).not.toMatch(/[\p{C}\p{Zl}\p{Zp}]/u);
    expect(call.split(/\r\n|\r|\n/)).toHaveLength(1);
  });

  it.each(HOSTILE_KEYS)('keeps the key %j one printable line', (key) => {
    const call = oneCall('sessions', new URLSearchParams([[key, 'v']]));
    expect(call).not.toMatch(/[\p{C}\p{Zl}\p{Zp}]/u);
  });

  it.skipIf(!interpreter)('parses in Python to exactly the intended call', () => {
    const cases: [string, string][][] = [
      ...HOSTILE_VALUES.map((value): [string, string][] => [['subject', value]]),
      ...HOSTILE_KEYS.map((key): [string, string][] => [[key, 'v\r1']]),
      HOSTILE_VALUES.map((value): [string, string] => ['projects', value]),
      [
        ['class', 'x'],
        ['nickname', "O'Hara"],
        ['django', 'start_time__date__lte,2021-07-22'],
      ],
    ];
    const searches = cases.map((pairs) => new URLSearchParams(pairs));
    const snippets = searches.map((search) => oneCall('sessions\u2028', search));
    const run = spawnSync(interpreter ?? 'python3', ['-c', PARSE_CALLS], {
      input: JSON.stringify(snippets),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const parsed = JSON.parse(run.stdout) as unknown[];
    searches.forEach((search, index) => {
      const expected: Record<string, string | string[]> = {};
      // From the params, not the pairs: URLSearchParams already turns lone surrogates into U+FFFD.
      for (const [key, value] of search) {
        const previous = expected[key];
        expected[key] =
          previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
      }
      expect(parsed[index], snippets[index]).toEqual({ args: ['sessions\u2028', 'list'], kwargs: expected });
    });
  });

  it.skipIf(!interpreter)('spells out lone surrogates as Python escapes of the same code unit', () => {
    const literal = pythonString('a\ud800b\udfff');
    expect(literal).toBe("'a\\ud800b\\udfff'");
    const run = spawnSync(
      interpreter ?? 'python3',
      ['-c', 'import ast,sys; print(ascii(ast.literal_eval(sys.stdin.read())))'],
      {
        input: literal,
        encoding: 'utf8',
      },
    );
    expect(run.stdout.trim()).toBe("'a\\ud800b\\udfff'");
  });

  it('leaves out keys that are arguments of rest() itself, with a note on the same line', () => {
    const call = oneCall('sessions', new URLSearchParams('id=x&data=y&subject=KS005&self=z'));
    expect(call).toBe(
      "one.alyx.rest('sessions', 'list', subject='KS005')  # left out, ONE cannot pass: 'id', 'data', 'self'",
    );
  });
});
