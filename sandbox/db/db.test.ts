import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceDeclaration } from '../resources/types.ts';
import type { Database } from './database.ts';
import { pgTimestampToIso } from './database.ts';
import { openTestDatabase } from './test-engine.ts';
import { ensureSchema } from './ddl.ts';
import { ModelIndex } from './models.ts';
import { createRecordSink } from './sink.ts';

const things: ResourceDeclaration = {
  name: 'odd-things',
  modelLabel: 'misc.oddthing',
  verboseName: 'Odd thing',
  app: 'misc',
  primaryKey: 'uuid',
  columns: [
    { name: 'name', type: 'string' },
    { name: 'count', type: 'integer', nullable: true },
    { name: 'ratio', type: 'float', nullable: true },
    { name: 'flag', type: 'boolean', default: true },
    { name: 'day', type: 'date', nullable: true },
    { name: 'at', type: 'datetime', nullable: true },
    { name: 'json', type: 'json', nullable: true },
    {
      name: 'parent',
      type: 'uuid',
      nullable: true,
      foreignKey: { target: 'odd-things', onDelete: 'set-null' },
    },
    { name: 'tags', type: 'uuid', manyToMany: { target: 'odd-things' }, default: [] },
  ],
  listMethods: ['GET'],
  detailMethods: [],
  serializers: { list: { component: 'Odd', fields: [] } },
  filters: [],
};

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  const models = new ModelIndex([things]);
  await ensureSchema(db, models);
  await ensureSchema(db, models);
});
afterAll(async () => {
  await db.close();
});

describe('storage', () => {
  it('creates a table per resource with typed columns', async () => {
    const columns = await db.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'odd_things' ORDER BY ordinal_position",
    );
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]))).toEqual({
      id: 'uuid',
      name: 'text',
      count: 'bigint',
      ratio: 'double precision',
      flag: 'boolean',
      day: 'date',
      at: 'timestamp without time zone',
      json: 'jsonb',
      parent: 'uuid',
      tags: 'ARRAY',
    });
  });

  it('bulk-inserts awkward values exactly (quotes, commas, newlines, empty vs null, JSON strings)', async () => {
    const sink = createRecordSink(db, new ModelIndex([things]));
    const a = '50000000-0000-4000-8000-000000000001';
    await sink.insertMany('odd-things', [
      {
        id: a,
        name: 'say "hi", then\nleave',
        count: 12345678901,
        ratio: 0.25,
        day: '2021-01-02',
        at: '2021-05-10T17:47:13.833',
        json: '{"double": "encoded"}',
      },
      {
        id: '50000000-0000-4000-8000-000000000002',
        name: '',
        parent: a,
        tags: [a],
        json: { nested: [1, 'two', null] },
        flag: false,
      },
    ]);
    const rows = await db.query('SELECT * FROM odd_things ORDER BY id');
    expect(rows).toEqual([
      {
        id: a,
        name: 'say "hi", then\nleave',
        count: 12345678901,
        ratio: 0.25,
        flag: true,
        day: '2021-01-02',
        at: '2021-05-10T17:47:13.833000',
        json: '{"double": "encoded"}',
        parent: null,
        tags: [],
      },
      {
        id: '50000000-0000-4000-8000-000000000002',
        name: '',
        count: null,
        ratio: null,
        flag: false,
        day: null,
        at: null,
        json: { nested: [1, 'two', null] },
        parent: a,
        tags: [a],
      },
    ]);
  });

  it('inserts 20,000 rows in a few seconds', async () => {
    const sink = createRecordSink(db, new ModelIndex([things]));
    const started = Date.now();
    await sink.insertMany(
      'odd-things',
      Array.from({ length: 20_000 }, (_, i) => ({
        id: crypto.randomUUID(),
        name: `row ${i}`,
        count: i,
        json: { i },
      })),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await db.query('SELECT count(*)::int AS n FROM odd_things')).toEqual([{ n: 20_002 }]);
  });

  it('prints timestamps like Django', () => {
    expect(pgTimestampToIso('2021-02-17 08:34:39')).toBe('2021-02-17T08:34:39');
    expect(pgTimestampToIso('2021-05-10 17:47:13.833')).toBe('2021-05-10T17:47:13.833000');
    expect(pgTimestampToIso('2021-05-10 17:47:13.000001')).toBe('2021-05-10T17:47:13.000001');
  });
});
