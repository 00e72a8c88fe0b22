import { describe, expect, it } from 'vitest';
import type { FieldModel } from '../api/schema/model.ts';
import {
  checkBeforeWrite,
  findConflicts,
  resolveConflicts,
  sameFieldValue,
  type FormValues,
} from './edit-conflicts.ts';

function field(name: string, extra: Partial<FieldModel> = {}): FieldModel {
  return {
    name,
    kind: 'string',
    required: false,
    readOnly: false,
    writeOnly: false,
    nullable: true,
    ...extra,
  };
}

const FIELDS: FieldModel[] = [
  field('nickname'),
  field('description', { kind: 'text' }),
  field('responsible_user', { relation: { endpoint: 'users', lookup: 'username', source: 'schema' } }),
  field('projects', {
    kind: 'array',
    itemKind: 'string',
    many: true,
    relation: { endpoint: 'projects', lookup: 'name', source: 'schema' },
  }),
  field('json', { kind: 'json' }),
  field('parent_session', {
    kind: 'url',
    relation: { endpoint: 'sessions', lookup: 'url', source: 'schema' },
  }),
  field('n_trials', { kind: 'integer' }),
  field('start_time', { kind: 'datetime' }),
  field('lab', { kind: 'uuid', relation: { endpoint: 'labs', lookup: 'id', source: 'schema' } }),
  field('url', { kind: 'url', readOnly: true }),
];

const OPENED: FormValues = {
  url: 'http://127.0.0.1:5173/api/sandbox/subjects/KS005',
  nickname: 'KS005',
  description: 'first',
  responsible_user: 'alice',
  projects: ['ibl_a', 'ibl_b'],
  json: { whisker: { left: 1, right: 2 }, notes: ['x'] },
  parent_session: 'http://127.0.0.1:5173/api/sandbox/sessions/3b6e3e4a-0a3f-4c5e-9c8e-1f2a3b4c5d6e',
  n_trials: 400,
  start_time: '2024-03-01T10:42:00',
  lab: 'c9bd7b4c-9f4b-4c45-9f6c-7d1e2f3a4b5c',
};

describe('findConflicts', () => {
  it('reports a field both sides changed to different values, with the three versions', () => {
    const current = { ...OPENED, description: 'theirs' };
    const edited = { ...OPENED, description: 'mine' };
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toEqual([
      { field: 'description', opened: 'first', server: 'theirs', mine: 'mine' },
    ]);
  });

  it('is no conflict when only the server changed a field the user did not touch', () => {
    const current = { ...OPENED, description: 'theirs', n_trials: 401 };
    const edited = { ...OPENED, nickname: 'KS005b' };
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toEqual([]);
  });

  it('is no conflict when both sides made the same change', () => {
    const current = {
      ...OPENED,
      description: 'same',
      json: { notes: ['x'], whisker: { right: 2, left: 3 } },
    };
    const edited = { ...OPENED, description: 'same', json: { whisker: { left: 3, right: 2 }, notes: ['x'] } };
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toEqual([]);
  });

  it('is no conflict when only the user changed a field', () => {
    const edited = { ...OPENED, description: 'mine' };
    expect(findConflicts({ opened: OPENED, current: { ...OPENED }, edited, fields: FIELDS })).toEqual([]);
  });

  it('compares JSON deeply: a nested change on both sides conflicts, key order does not', () => {
    const current = { ...OPENED, json: { whisker: { left: 1, right: 9 }, notes: ['x'] } };
    const edited = { ...OPENED, json: { whisker: { left: 5, right: 2 }, notes: ['x'] } };
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS }).map((c) => c.field)).toEqual([
      'json',
    ]);
    const reordered = { ...OPENED, json: { notes: ['x'], whisker: { right: 2, left: 1 } } };
    expect(findConflicts({ opened: OPENED, current, edited: reordered, fields: FIELDS })).toEqual([]);
  });

  it('compares many-to-many lookups as sets, plain JSON arrays in order', () => {
    expect(sameFieldValue(['ibl_b', 'ibl_a'], ['ibl_a', 'ibl_b'], FIELDS[3])).toBe(true);
    expect(sameFieldValue(['ibl_a'], ['ibl_a', 'ibl_b'], FIELDS[3])).toBe(false);
    expect(sameFieldValue([1, 2], [2, 1], field('json', { kind: 'json' }))).toBe(false);
    const current = { ...OPENED, projects: ['ibl_b', 'ibl_a', 'ibl_c'] };
    const edited = { ...OPENED, projects: ['ibl_b', 'ibl_a'] };
    // Reordering is no change by me.
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toEqual([]);
  });

  it('compares hyperlinks by the record they name, not the host Django saw', () => {
    const id = '3b6e3e4a-0a3f-4c5e-9c8e-1f2a3b4c5d6e';
    const edited = { ...OPENED, parent_session: `https://alyx.example.org/sessions/${id}` };
    const current = { ...OPENED, parent_session: 'http://127.0.0.1:5173/api/sandbox/sessions/other' };
    expect(sameFieldValue(edited.parent_session, OPENED.parent_session, FIELDS[5])).toBe(true);
    expect(sameFieldValue(id.toUpperCase(), OPENED.parent_session, FIELDS[5])).toBe(true);
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toEqual([]);
    expect(sameFieldValue('http://a/api/x/sessions/1', 'https://b/sessions/1', 'parent')).toBe(true);
    expect(sameFieldValue('http://a/api/x/sessions/1', 'https://b/subjects/1', 'parent')).toBe(false);
  });

  it('compares UUIDs regardless of case, numbers typed as text, datetimes with or without :00', () => {
    expect(sameFieldValue(OPENED.lab, String(OPENED.lab).toUpperCase(), FIELDS[8])).toBe(true);
    expect(sameFieldValue('400', 400, FIELDS[6])).toBe(true);
    expect(sameFieldValue('400.0', 400, FIELDS[6])).toBe(true);
    expect(sameFieldValue('', 0, FIELDS[6])).toBe(false);
    expect(sameFieldValue('401', 400, FIELDS[6])).toBe(false);
    expect(sameFieldValue('2024-03-01T10:42', '2024-03-01T10:42:00', FIELDS[7])).toBe(true);
    expect(sameFieldValue('2024-03-01 10:42:00.000000', '2024-03-01T10:42:00', FIELDS[7])).toBe(true);
    expect(sameFieldValue('2024-03-01T10:43', '2024-03-01T10:42:00', FIELDS[7])).toBe(false);
    // Without a model, text stays text.
    expect(sameFieldValue('400', 400, 'n_trials')).toBe(false);
  });

  it('keeps null, empty text and a missing value apart where Alyx does', () => {
    expect(sameFieldValue(null, '', FIELDS[1])).toBe(false);
    expect(sameFieldValue(undefined, null, FIELDS[1])).toBe(true);
    const current = { ...OPENED, description: '' };
    const edited = { ...OPENED, description: null };
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toHaveLength(1);
  });

  it('ignores read-only fields and fields the edit does not hold (a PATCH of some fields)', () => {
    const current = { ...OPENED, url: 'http://x/subjects/KS005-renamed', description: 'theirs' };
    const edited = { url: 'mine', nickname: 'KS005b' };
    expect(findConflicts({ opened: OPENED, current, edited, fields: FIELDS })).toEqual([]);
  });

  it('survives hostile records: deep nesting, odd types, fields given by name only', () => {
    const nest = (leaf: string): unknown => {
      let value: unknown = leaf;
      for (let i = 0; i < 10_000; i += 1) value = { deep: value };
      return value;
    };
    // Too deep to compare: reported as different (the user decides), never a stack overflow.
    const current = { ...OPENED, json: nest('theirs'), description: 7 };
    const edited = { ...OPENED, json: nest('theirs'), description: ['mine'] };
    const found = findConflicts({
      opened: OPENED,
      current,
      edited,
      fields: ['json', 'description', '__proto__'],
    });
    expect(found.map((c) => c.field)).toEqual(['json', 'description']);
  });
});

describe('resolveConflicts', () => {
  const current = { ...OPENED, description: 'theirs', responsible_user: 'admin', n_trials: 401 };
  const edited = { ...OPENED, description: 'mine', responsible_user: 'bob', nickname: 'KS005b' };

  it('takes mine or the server’s per field and the server’s value of fields I did not change', () => {
    const values = resolveConflicts({
      opened: OPENED,
      current,
      edited,
      fields: FIELDS,
      choices: { description: 'mine', responsible_user: 'server' },
    });
    expect(values).toMatchObject({
      description: 'mine',
      responsible_user: 'admin',
      nickname: 'KS005b',
      n_trials: 401,
    });
  });

  it('refuses to decide a conflict nobody chose', () => {
    expect(() =>
      resolveConflicts({ opened: OPENED, current, edited, fields: FIELDS, choices: { description: 'mine' } }),
    ).toThrow(/responsible_user/);
  });
});

describe('checkBeforeWrite', () => {
  it('is ok with the current record when nothing conflicts, else gives the conflicts', async () => {
    const edited = { ...OPENED, description: 'mine' };
    expect(await checkBeforeWrite(async () => ({ ...OPENED, n_trials: 3 }), OPENED, edited, FIELDS)).toEqual({
      ok: true,
      current: { ...OPENED, n_trials: 3 },
    });
    const changed = { ...OPENED, description: 'theirs' };
    expect(await checkBeforeWrite(async () => changed, OPENED, edited, FIELDS)).toEqual({
      ok: false,
      conflicts: [{ field: 'description', opened: 'first', server: 'theirs', mine: 'mine' }],
      current: changed,
    });
  });

  it('refuses a current record that is not an object', async () => {
    await expect(checkBeforeWrite(async () => [OPENED], OPENED, OPENED, FIELDS)).rejects.toThrow(TypeError);
    await expect(checkBeforeWrite(async () => 'x', OPENED, OPENED, FIELDS)).rejects.toThrow(TypeError);
  });
});
