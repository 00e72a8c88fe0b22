import { describe, expect, it } from 'vitest';
import { resourceByName, resources } from './registry.ts';
import type { ResourceDeclaration, SerializerField } from './types.ts';

const serializersOf = (r: ResourceDeclaration) =>
  [r.serializers.list, r.serializers.detail, r.serializers.create].filter((s) => s !== undefined);

const columnNames = (r: ResourceDeclaration) => new Set(['id', ...r.columns.map((c) => c.name)]);

describe('resource registry', () => {
  it('has the 26 endpoints, unique names, found by name', () => {
    const names = resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'subjects',
        'sessions',
        'datasets',
        'files',
        'dataset-types',
        'data-formats',
        'data-repository',
        'data-repository-type',
        'revisions',
        'tags',
        'users',
        'labs',
        'projects',
        'locations',
        'notes',
        'insertions',
        'trajectories',
        'channels',
        'brain-regions',
        'surgeries',
        'procedures',
        'weighings',
        'water-administrations',
        'water-restriction',
        'water-type',
        'tasks',
      ]),
    );
    for (const r of resources) expect(resourceByName(r.name)).toBe(r);
    expect(resourceByName('nope')).toBeUndefined();
  });

  it.each(resources.map((r) => [r.name, r] as const))(
    '%s: lookups and methods are consistent',
    (_name, r) => {
      expect(r.listMethods.length).toBeGreaterThan(0);
      if (r.detailMethods.length > 0) {
        expect(r.lookupField).toBeDefined();
        expect(columnNames(r).has(r.lookupField ?? '')).toBe(true);
      } else {
        expect(r.lookupField).toBeUndefined();
      }
      expect(r.primaryKey === 'integer').toBe(r.name === 'brain-regions');
    },
  );

  it.each(resources.map((r) => [r.name, r] as const))(
    '%s: columns, relations and serializers agree',
    (_name, r) => {
      const cols = columnNames(r);
      expect(cols.size).toBe(r.columns.length + 1);
      for (const c of r.columns) {
        const target = c.foreignKey?.target ?? c.manyToMany?.target;
        if (target) expect(resourceByName(target), `${r.name}.${c.name} → ${target}`).toBeDefined();
        if (c.choices) expect(c.choices.length).toBeGreaterThan(0);
      }
      for (const group of r.uniqueTogether ?? []) for (const c of group) expect(cols.has(c)).toBe(true);
      for (const s of serializersOf(r)) {
        expect(new Set(s.fields.map((f) => f.name)).size, s.component).toBe(s.fields.length);
        for (const f of s.fields) checkField(r, f);
      }
    },
  );

  it.each(resources.map((r) => [r.name, r] as const))(
    '%s: filters are unique and point at columns',
    (_name, r) => {
      const names = r.filters.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const f of r.filters) {
        if (f.kind.kind === 'lookup' || f.kind.kind === 'json' || f.kind.kind === 'date_range') {
          const head = f.kind.field.split('__')[0] ?? '';
          expect(columnNames(r).has(head), `${r.name}?${f.name} → ${f.kind.field}`).toBe(true);
        }
      }
    },
  );
});

function checkField(r: ResourceDeclaration, f: SerializerField): void {
  const source = f.source ?? f.name;
  const column = r.columns.find((c) => c.name === source);
  const where = `${r.name}.${f.name}`;
  // Every field reads a column, is computed, or is a write-only input handled on create.
  expect(Boolean(column) || source === 'id' || Boolean(f.compute) || f.writeOnly === true, where).toBe(true);
  if (f.compute && f.computeMany) expect(typeof f.computeMany, where).toBe('function');
  if (f.relation && column) {
    const target = column.foreignKey?.target ?? column.manyToMany?.target;
    expect(target, `${where} has a relation but its column is not a key`).toBeDefined();
    const relation = f.relation;
    if (relation.kind === 'slug') {
      const targetDecl = resourceByName(target ?? '');
      expect(
        targetDecl?.columns.some((c) => c.name === relation.slugField),
        where,
      ).toBe(true);
    }
    if (column.manyToMany) expect(f.type, where).toBe('array');
  }
  if (f.type === 'choice') expect(column?.choices, where).toBeDefined();
}
