import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildDjango,
  choicesFromError,
  COMMA_LIMIT,
  pathsFromChoices,
  type FieldChoices,
  filledRows,
  parseDjango,
  rowProblem,
  splitKey,
  type DjangoRow,
} from './django-query.ts';

interface SandboxPair {
  field: string;
  negate: boolean;
  value: unknown;
}
interface SandboxParser {
  parseDjangoPairs(text: string): SandboxPair[];
  convertValue(raw: string): unknown;
}

// The sandbox's own parser, loaded at run time like the sandbox itself (app code never bundles it).
const parserUrl = pathToFileURL(
  path.resolve(import.meta.dirname, '../../sandbox/http/django-parser.ts'),
).href;
const sandboxParser = (await import(/* @vite-ignore */ parserUrl)) as SandboxParser;

const row = (field: string, lookup: string, value: string, negate = false): DjangoRow => ({
  field,
  lookup,
  value,
  negate,
});

const HOSTILE = [
  'subject__nickname__icontains,KS,start_time__gte,2020-01-01',
  '~session__subject__nickname,KS005',
  "subject__nickname__in,['DY_003','DY_006']",
  "extended_qc__has_any_keys,('videoLeft','videoRight')",
  'start_time__date__lte,2021-07-22',
  'json__extended_qc__alignment_resolved,True',
  'a,[x,b,y',
  'a,)x(,b,y',
  '~,~,~~x__in,[[[',
  ',,,',
  'name__regex,^a(b|c)$,number,None',
  'x__date,2020-01-01,y__year__gte,2020',
  'é__icontains,日本,😀,"quoted"',
  'a__exact,\u0000\n\t,b,%2C',
  '__in,[],__,__',
];

describe('parseDjango / buildDjango', () => {
  it('reads pairs into rows: path, lookup, value and ~ negation', () => {
    expect(parseDjango('subject__nickname__icontains,KS,~start_time__date__gte,2020-01-01')).toEqual([
      row('subject__nickname', 'icontains', 'KS'),
      row('start_time', 'date__gte', '2020-01-01', true),
    ]);
    expect(parseDjango('subject__nickname,KS005')).toEqual([row('subject__nickname', '', 'KS005')]);
    expect(parseDjango("subject__nickname__in,['a','b']")).toEqual([
      row('subject__nickname', 'in', "['a','b']"),
    ]);
    expect(parseDjango('')).toEqual([]);
  });

  it('keeps JSON key paths whole, the lookup being the known tail', () => {
    expect(splitKey('extended_qc__alignment__resolved')).toEqual({
      field: 'extended_qc__alignment__resolved',
      lookup: '',
      negate: false,
    });
    expect(splitKey('json__qc_pct__gte')).toEqual({ field: 'json__qc_pct', lookup: 'gte', negate: false });
    expect(splitKey('extended_qc__has_key')).toEqual({
      field: 'extended_qc',
      lookup: 'has_key',
      negate: false,
    });
    // A single segment is a field, even one named like a lookup.
    expect(splitKey('date')).toEqual({ field: 'date', lookup: '', negate: false });
  });

  it('writes rows back as Alyx text', () => {
    expect(
      buildDjango([
        row('subject__nickname', 'icontains', 'KS'),
        row('projects__name', 'icontains', 'x', true),
      ]),
    ).toBe('subject__nickname__icontains,KS,~projects__name__icontains,x');
    expect(buildDjango([])).toBe('');
  });

  it.each(HOSTILE)('round-trips %j exactly', (text) => {
    expect(buildDjango(parseDjango(text))).toBe(text);
  });

  it.each(HOSTILE)('pairs %j exactly as the sandbox parser does', (text) => {
    let expected: SandboxPair[] | null = null;
    try {
      expected = sandboxParser.parseDjangoPairs(text);
    } catch {
      // Odd item counts and duplicates are Alyx errors; the rows must still hold every item.
    }
    const rows = parseDjango(text);
    if (expected === null) {
      expect(buildDjango(rows)).toBe(text);
      return;
    }
    expect(
      rows.map((r) => ({
        field: `${r.field}${r.lookup ? `__${r.lookup}` : ''}`,
        negate: r.negate,
        value: safeConvert(r.value),
      })),
    ).toEqual(expected.map((p) => ({ ...p, value: p.value })));
  });
});

function safeConvert(raw: string): unknown {
  try {
    return sandboxParser.convertValue(raw);
  } catch (error) {
    return error;
  }
}

describe('rowProblem', () => {
  it('states the comma limit when a value would be cut in two', () => {
    const rows = [row('subject__nickname', 'icontains', 'a,b')];
    expect(rowProblem(rows[0] as DjangoRow, rows)).toEqual({ part: 'value', message: COMMA_LIMIT });
    // A comma inside a list is fine: Alyx reads the list as one value.
    const list = [row('subject__nickname', 'in', "['a,b', 'c']")];
    expect(rowProblem(list[0] as DjangoRow, list)).toBeNull();
  });

  it('refuses an unclosed bracket, an empty field and a repeated key', () => {
    const open = [row('name', 'icontains', '[x')];
    expect(rowProblem(open[0] as DjangoRow, open)?.part).toBe('value');
    const empty = [row(' ', '', 'x')];
    expect(rowProblem(empty[0] as DjangoRow, empty)?.part).toBe('field');
    const twice = [row('name', '', 'a'), row('name', '', 'b')];
    expect(rowProblem(twice[1] as DjangoRow, twice)?.message).toContain('Duplicate filter field: name');
    // Negated, it is another key (Alyx keeps keys with their ~).
    const both = [row('name', '', 'a'), row('name', '', 'b', true)];
    expect(rowProblem(both[1] as DjangoRow, both)).toBeNull();
  });

  it('every row without a problem survives the sandbox parser as written', () => {
    const rows = [
      row('subject__nickname', 'in', "['a,b','c']"),
      row('start_time', 'date__gte', '2020-01-01', true),
      row('json__x', '', '(1, 2)'),
      row('narrative', 'icontains', 'é 😀'),
    ];
    for (const r of rows) expect(rowProblem(r, rows)).toBeNull();
    expect(sandboxParser.parseDjangoPairs(buildDjango(rows)).map((p) => p.field)).toEqual([
      'subject__nickname__in',
      'start_time__date__gte',
      'json__x',
      'narrative__icontains',
    ]);
  });

  it('drops only rows left blank', () => {
    expect(
      filledRows([row('', '', ''), row('', 'icontains', ''), row('a', '', ''), row('', '', 'x')]),
    ).toEqual([row('a', '', ''), row('', '', 'x')]);
  });
});

describe('choicesFromError', () => {
  it("reads Django's FieldError and offers the paths it lists", () => {
    const found = choicesFromError(
      "Cannot resolve keyword 'nicknme' into field. Choices are: birth_date, lab, nickname",
    );
    expect(found).toEqual({ keyword: 'nicknme', choices: ['birth_date', 'lab', 'nickname'] });
    expect(pathsFromChoices('subject__nicknme', found as FieldChoices)).toEqual([
      'subject__birth_date',
      'subject__lab',
      'subject__nickname',
    ]);
    expect(pathsFromChoices('other', found as FieldChoices)).toEqual([]);
  });

  it('ignores other errors and hostile names', () => {
    expect(choicesFromError('Duplicate filter field: a')).toBeNull();
    expect(choicesFromError(null)).toBeNull();
    expect(
      choicesFromError("Cannot resolve keyword 'x' into field. Choices are: ok, <img src=x>, a b")?.choices,
    ).toEqual(['ok']);
  });
});
