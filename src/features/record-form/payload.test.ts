import { describe, expect, it } from 'vitest';
import { makeField } from '../../api/schema/model-utils.ts';
import type { FieldModel } from '../../api/schema/model.ts';
import {
  initialCreateValue,
  normalizeNaiveDatetime,
  toFormValue,
  toWireValue,
  validateValue,
  withRecordShape,
} from './form-values.ts';
import { inputKindFor } from './input-kind.ts';
import { localNaiveNow } from '../../lib/naive-datetime.ts';
import { buildPayload } from './payload.ts';

const nickname = makeField('nickname', 'string', { required: true, pattern: '^[\\w.-]+$', maxLength: 8 });
const description = makeField('description', 'string', { allowBlank: true });
const death = makeField('death_date', 'date', { nullable: true });
const weight = makeField('weight', 'number', { minimum: 0, maximum: 100 });
const count = makeField('n_trials', 'integer');
const start = makeField('start_time', 'datetime', { required: true });
const qc = makeField('json', 'json', { nullable: true });
const users = makeField('users', 'array', {
  itemKind: 'string',
  many: true,
  relation: { endpoint: 'users', lookup: 'username', source: 'override' },
});
const subject = makeField('subject', 'string', {
  required: true,
  relation: { endpoint: 'subjects', lookup: 'nickname', source: 'override' },
});
const id = makeField('id', 'uuid', { readOnly: true });
const alive = makeField('alive', 'boolean', { default: true });
const fields: FieldModel[] = [
  id,
  nickname,
  description,
  death,
  weight,
  count,
  start,
  qc,
  users,
  subject,
  alive,
];

const record = {
  id: '5f0e0c9e-1111-4b1e-9d7e-000000000001',
  nickname: 'KS005',
  description: 'old',
  death_date: null,
  weight: 21.5,
  n_trials: 400,
  start_time: '2024-01-02T10:00:00',
  json: { a: [1, 2] },
  users: ['alice', 'kwame'],
  subject: 'KS005',
  alive: false,
};
const original = Object.fromEntries(
  fields.map((f) => [f.name, toFormValue(f, record[f.name as keyof typeof record])]),
);

describe('the input table', () => {
  it('maps each field kind to one input', () => {
    expect(fields.map(inputKindFor)).toEqual([
      'text',
      'text',
      'text',
      'date',
      'decimal',
      'integer',
      'datetime',
      'json',
      'multi-relation',
      'relation',
      'boolean',
    ]);
    expect(inputKindFor(makeField('narrative', 'text'))).toBe('textarea');
    expect(inputKindFor(makeField('sex', 'choice', { choices: [{ value: 'M', label: 'Male' }] }))).toBe(
      'select',
    );
    expect(inputKindFor(makeField('genotype', 'array', { itemKind: 'object' }))).toBe('json');
    expect(
      inputKindFor(
        makeField('parent_session', 'string', {
          relation: { endpoint: 'sessions', lookup: 'url', source: 'name' },
        }),
      ),
    ).toBe('text');
  });
});

describe('naive datetimes', () => {
  it('keeps the text exactly, adding only missing seconds, never through Date', () => {
    expect(normalizeNaiveDatetime('2024-01-02T10:00')).toBe('2024-01-02T10:00:00');
    expect(normalizeNaiveDatetime('2024-01-02 23:59:59')).toBe('2024-01-02T23:59:59');
    expect(normalizeNaiveDatetime('2024-03-31T02:30:00.123456')).toBe('2024-03-31T02:30:00.123456');
    expect(normalizeNaiveDatetime('2024-01-02T10:00:00Z')).toBeNull();
    expect(toWireValue(start, '2024-01-02T10:00')).toEqual({
      ok: true,
      value: '2024-01-02T10:00:00',
      unset: false,
    });
    expect(localNaiveNow(new Date(2024, 0, 2, 9, 5, 7))).toBe('2024-01-02T09:05:07');
  });
});

describe('values and checks', () => {
  it('parses numbers with bounds and JSON with a message', () => {
    expect(toWireValue(weight, '12.5')).toEqual({ ok: true, value: 12.5, unset: false });
    expect(validateValue(weight, '101', 'POST')).toMatch(/less than or equal to 100/);
    expect(validateValue(weight, '-1', 'POST')).toMatch(/greater than or equal to 0/);
    expect(validateValue(count, '1.5', 'POST')).toMatch(/whole number/);
    expect(validateValue(count, '99999999999999999999', 'POST')).toMatch(/out of range/);
    expect(validateValue(qc, '{"a": ', 'POST')).toMatch(/^Not valid JSON/);
    expect(toWireValue(qc, '{"a": [1]}')).toEqual({ ok: true, value: { a: [1] }, unset: false });
  });

  it('checks required, max_length and pattern before sending', () => {
    expect(validateValue(nickname, '', 'POST')).toBe('This field is required.');
    expect(validateValue(nickname, '', 'PATCH')).toBeNull();
    expect(validateValue(nickname, 'KS 005', 'POST')).toMatch(/pattern/);
    expect(validateValue(nickname, 'KS0050000', 'POST')).toMatch(/no more than 8/);
    expect(validateValue(nickname, null, 'POST')).toBe('This field may not be null.');
    expect(validateValue(death, null, 'POST')).toBeNull();
  });

  it('applies defaults on create', () => {
    expect(initialCreateValue(alive)).toBe(true);
    expect(initialCreateValue(users)).toEqual([]);
    expect(initialCreateValue(qc)).toBe('');
  });
});

describe('payloads', () => {
  it('PATCH sends only the changed field', () => {
    const values = { ...original, description: 'new text' };
    const payload = buildPayload({ method: 'PATCH', fields, values, original });
    expect(payload.body).toEqual({ description: 'new text' });
    expect(payload.changes).toEqual([{ field: 'description', before: 'old', after: 'new text' }]);
    expect(payload.errors).toEqual({});
  });

  it('null and the empty string stay distinct', () => {
    const cleared = buildPayload({
      method: 'PATCH',
      fields,
      values: { ...original, description: '' },
      original,
    });
    expect(cleared.body).toEqual({ description: '' });
    const nulled = buildPayload({
      method: 'PATCH',
      fields,
      values: { ...original, death_date: '2024-02-01' },
      original,
    });
    expect(nulled.body).toEqual({ death_date: '2024-02-01' });
    const backToNull = buildPayload({
      method: 'PATCH',
      fields,
      values: original,
      original: { ...original, death_date: '2024-02-01' },
    });
    expect(backToNull.body).toEqual({ death_date: null });
  });

  it('PUT sends the full writable representation and never a read-only field', () => {
    const payload = buildPayload({ method: 'PUT', fields, values: original, original });
    expect(payload.body).toEqual({
      nickname: 'KS005',
      description: 'old',
      death_date: null,
      weight: 21.5,
      n_trials: 400,
      start_time: '2024-01-02T10:00:00',
      json: { a: [1, 2] },
      users: ['alice', 'kwame'],
      subject: 'KS005',
      alive: false,
    });
    expect('id' in payload.body).toBe(false);
  });

  it('POST sends values and defaults, leaves untouched empties out, and M2M lists as lists', () => {
    const initial = Object.fromEntries(fields.map((f) => [f.name, initialCreateValue(f)]));
    const values = {
      ...initial,
      nickname: 'KS099',
      start_time: '2024-01-02T10:00',
      users: ['alice'],
      subject: '0160',
    };
    const payload = buildPayload({
      method: 'POST',
      fields,
      values,
      original: initial,
      touched: new Set(['nickname']),
    });
    expect(payload.errors).toEqual({});
    expect(payload.body).toEqual({
      nickname: 'KS099',
      start_time: '2024-01-02T10:00:00',
      users: ['alice'],
      subject: '0160',
      alive: true,
    });
    const blank = buildPayload({
      method: 'POST',
      fields,
      values: { ...values, description: '' },
      original: initial,
      touched: new Set(['description']),
    });
    expect(blank.body['description']).toBe('');
  });

  it('collects client-side errors instead of sending', () => {
    const payload = buildPayload({
      method: 'PATCH',
      fields,
      values: { ...original, weight: 'heavy', json: '{' },
      original,
    });
    expect(Object.keys(payload.errors).sort()).toEqual(['json', 'weight']);
    expect(payload.body).toEqual({});
  });
});

describe('nullability the record proves', () => {
  it('a null in the record makes the field nullable, so PUT sends null back, not ""', () => {
    const species = makeField('species', 'string');
    const [proved] = withRecordShape([species], { species: null });
    expect(proved?.nullable).toBe(true);
    const original = { species: toFormValue(proved ?? species, null) };
    expect(original.species).toBeNull();
    expect(
      buildPayload({ method: 'PUT', fields: [proved ?? species], values: original, original }).body,
    ).toEqual({
      species: null,
    });
    // Without the record's word the empty string would be sent (and refused as blank).
    expect(toFormValue(species, null)).toBe('');
    expect(withRecordShape([species], { species: 'mouse' })[0]).toBe(species);
  });

  it('a list or an object in the record gives a field of unknown kind its shape (OPTIONS says `field`)', () => {
    const projects = makeField('projects', 'unknown', {
      relation: { endpoint: 'projects', lookup: 'name', source: 'name' },
    });
    const json = makeField('extended_qc', 'unknown');
    const [list, object] = withRecordShape([projects, json], { projects: [], extended_qc: { a: 1 } });
    expect(list).toMatchObject({ kind: 'array', many: true });
    expect(object).toMatchObject({ kind: 'json' });
    const original = { projects: toFormValue(list ?? projects, []) };
    expect(
      buildPayload({ method: 'PUT', fields: [list ?? projects], values: original, original }).body,
    ).toEqual({ projects: [] });
  });
});
