import { applyRelations } from '../../api/schema/relations.ts';
import { describe, expect, it } from 'vitest';
import {
  filterChoices,
  filterInput,
  joinDateRange,
  listFilters,
  mergeFilters,
  shownFilterNames,
  splitDateRange,
  unknownParams,
} from './filter-inputs.ts';
import { endpointOf, filter, testModel } from '../../testing/browse-model.ts';

const model = testModel();
const sessions = endpointOf(model, 'sessions');
const byName = (name: string) => {
  const found = sessions.filters.find((f) => f.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('filterChoices', () => {
  const subjects = endpointOf(model, 'subjects');
  const sex = {
    name: 'sex',
    kind: 'choice' as const,
    choices: ['M', 'F', 'U'].map((v) => ({ value: v, label: v })),
  };
  it('labels code-only filter choices as the field of the same name labels them', () => {
    expect(filterInput(model, sex, subjects).choices).toEqual([
      { value: 'M', label: 'Male' },
      { value: 'F', label: 'Female' },
      { value: 'U', label: 'U' },
    ]);
  });
  it("keeps the filter's own labels, and codes when no field labels them", () => {
    const own = { ...sex, choices: [{ value: 'M', label: 'Masculine' }] };
    expect(filterChoices(subjects, own)).toEqual([{ value: 'M', label: 'Masculine' }]);
    expect(filterChoices(sessions, sex).map((c) => c.label)).toEqual(['M', 'F', 'U']);
  });
});

describe('filterInput', () => {
  it('picks typed inputs from the filter model', () => {
    expect(filterInput(model, byName('date_range')).kind).toBe('date_range');
    expect(filterInput(model, byName('number')).kind).toBe('number');
    expect(filterInput(model, byName('histology')).kind).toBe('boolean');
    expect(filterInput(model, byName('start_time')).kind).toBe('datetime');
    expect(filterInput(model, byName('id')).kind).toBe('uuid');
    expect(filterInput(model, byName('task_protocol')).kind).toBe('text');
    expect(filterInput(model, filter('created_date', 'string')).kind).toBe('date');
    expect(
      filterInput(model, { name: 'qc', kind: 'choice', choices: [{ value: 'PASS', label: 'PASS' }] }).kind,
    ).toBe('choice');
  });
  it('offers a picker of the target endpoint values for slug relations', () => {
    expect(filterInput(model, byName('subject'))).toMatchObject({
      kind: 'relation',
      source: { endpoint: 'subjects', field: 'nickname' },
    });
    // the model carries the relation of a hand-declared slug filter; views keep no table of their own
    const subjects = endpointOf(model, 'subjects');
    const inferred = applyRelations({
      ...model,
      endpoints: {
        ...model.endpoints,
        subjects: { ...subjects, filters: [...subjects.filters, filter('responsible_user', 'string')] },
      },
    });
    const responsible = endpointOf(inferred, 'subjects').filters.find((f) => f.name === 'responsible_user');
    expect(responsible?.relation).toMatchObject({ endpoint: 'users', lookup: 'username' });
    expect(filterInput(model, responsible ?? filter('x', 'string'))).toMatchObject({
      kind: 'relation',
      source: { endpoint: 'users', field: 'username' },
    });
    expect(filterInput(model, filter('responsible_user', 'string')).kind).toBe('text');
    // uuid relations get a plain UUID input
    const datasets = endpointOf(model, 'datasets');
    expect(
      filterInput(model, datasets.filters.find((f) => f.name === 'session') ?? filter('x', 'string')).kind,
    ).toBe('uuid');
  });
});

describe('shownFilterNames', () => {
  it('shows the usual filters, then the other active ones, without paging or django', () => {
    expect(shownFilterNames(sessions, ['number', 'limit', 'django'], model)).toEqual([
      'subject',
      'lab',
      'date_range',
      'task_protocol',
      'number',
    ]);
  });
  it('keeps the boxes in place when Apply puts some of them in the URL', () => {
    const before = shownFilterNames(sessions, [], model);
    const draft = { task_protocol: 'ephys', lab: 'cortexlab' };
    const applied = mergeFilters(new URLSearchParams('limit=25'), before, draft);
    expect(shownFilterNames(sessions, applied.keys(), model)).toEqual(before);
    const withAdded = [...before, 'number'];
    const again = mergeFilters(applied, withAdded, { ...draft, number: '3' });
    expect(shownFilterNames(sessions, again.keys(), model)).toEqual(withAdded);
  });
  it('lists filters without paging parameters', () => {
    expect(listFilters(sessions).map((f) => f.name)).not.toContain('limit');
  });
});

describe('unknownParams', () => {
  it('names parameters Alyx would ignore', () => {
    expect(unknownParams(sessions, new URLSearchParams('subject=a&limit=1&ordering=x&search=y'))).toEqual([
      'ordering',
      'search',
    ]);
  });
});

describe('date ranges', () => {
  it('splits and joins, filling an open end', () => {
    expect(splitDateRange('2020-01-01,2020-02-01')).toEqual(['2020-01-01', '2020-02-01']);
    expect(splitDateRange('')).toEqual(['', '']);
    expect(joinDateRange('2020-01-01', '')).toBe('2020-01-01,2100-12-31');
    expect(joinDateRange('', '')).toBe('');
  });
});

describe('mergeFilters', () => {
  it('replaces shown filters, keeps the rest, and restarts paging', () => {
    const search = new URLSearchParams(
      'subject=KS005&limit=100&offset=200&projects=a&projects=b&django=number__gt,1',
    );
    const next = mergeFilters(search, ['subject', 'lab'], { subject: ' KS006 ', lab: '' });
    expect(next.toString()).toBe('limit=100&projects=a&projects=b&django=number__gt%2C1&subject=KS006');
  });
});
