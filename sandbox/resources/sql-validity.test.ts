import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceByName, resources } from './registry.ts';
import { table } from './sql.ts';
import type {
  ColumnType,
  FilterDeclaration,
  RenderContext,
  ResourceDeclaration,
  StoredRow,
} from './types.ts';

// Runs every computed field, custom filter and default ordering against a real PostgreSQL
// (PGlite) whose tables follow the engine's naming contract, on a small connected data set.

const PG: Record<ColumnType, string> = {
  uuid: 'uuid',
  string: 'text',
  text: 'text',
  integer: 'bigint',
  float: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamp',
  json: 'jsonb',
};

function ddl(r: ResourceDeclaration): string {
  const cols = r.columns.map((c) => `"${c.name}" ${PG[c.type]}${c.manyToMany ? '[]' : ''}`);
  return `CREATE TABLE ${table(r.name)} (id ${r.primaryKey === 'integer' ? 'bigint' : 'uuid'} PRIMARY KEY, ${cols.join(', ')})`;
}

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ROWS: Record<string, Record<string, unknown>[]> = {
  labs: [{ id: U(1), name: 'cortexlab', repositories: `{${U(40)}}` }],
  users: [{ id: U(2), username: 'olivier', is_stock_manager: true, lab: `{${U(1)}}`, allowed_users: '{}' }],
  projects: [{ id: U(3), name: 'ibl', users: `{${U(2)}}` }],
  subjects: [
    {
      id: U(4),
      nickname: 'KS005',
      lab: U(1),
      responsible_user: U(2),
      birth_date: '2020-01-01',
      projects: `{${U(3)}}`,
      genotype: '[{"allele": "Ai95", "zygosity": 2}]',
    },
  ],
  'water-type': [{ id: U(5), name: 'Water' }],
  'water-restriction': [
    { id: U(6), subject: U(4), start_time: '2020-03-01T10:00:00', reference_weight: 0, water_type: U(5) },
  ],
  weighings: [{ id: U(7), subject: U(4), date_time: '2020-02-28T10:00:00', weight: 25.5, user: U(2) }],
  sessions: [
    {
      id: U(8),
      subject: U(4),
      lab: U(1),
      start_time: '2020-03-02T10:00:00',
      number: 1,
      projects: `{${U(3)}}`,
      users: `{${U(2)}}`,
      qc: 10,
      n_trials: 100,
      n_correct_trials: 80,
    },
  ],
  'water-administrations': [
    {
      id: U(9),
      subject: U(4),
      session: U(8),
      date_time: '2020-03-02T12:00:00',
      water_administered: 0.5,
      water_type: U(5),
      user: U(2),
    },
  ],
  'data-repository': [
    {
      id: U(40),
      name: 'flatiron',
      data_url: 'https://data.example/',
      globus_path: '/cortexlab/',
      globus_is_personal: false,
    },
  ],
  'dataset-types': [{ id: U(11), name: 'spikes.times' }],
  tags: [{ id: U(12), name: 'release', public: true, protected: true }],
  datasets: [
    {
      id: U(13),
      name: 'spikes.times.npy',
      session: U(8),
      dataset_type: U(11),
      collection: 'alf/probe00',
      qc: 10,
      tags: `{${U(12)}}`,
      default_dataset: true,
    },
  ],
  files: [
    {
      id: U(14),
      dataset: U(13),
      data_repository: U(40),
      relative_path: 'KS005/2020-03-02/001/alf/probe00/spikes.times.npy',
      exists: true,
    },
  ],
  insertions: [{ id: U(15), session: U(8), name: 'probe00', datasets: `{${U(13)}}` }],
  trajectories: [{ id: U(16), probe_insertion: U(15), provenance: 50 }],
  'brain-regions': [
    { id: 997, acronym: 'root', name: 'root', description: 'the brain', level: 0 },
    { id: 315, acronym: 'Isocortex', name: 'Isocortex', parent: 997, level: 1 },
    {
      id: 687,
      acronym: 'RSPv5',
      name: 'Retrosplenial area, ventral part, layer 5',
      parent: 315,
      description: 'layer',
      level: 2,
    },
  ],
  channels: [{ id: U(17), trajectory_estimate: U(16), brain_region: 687 }],
  notes: [
    { id: U(18), user: U(2), object_id: U(8), content_type: 'actions.session', text: 'hi', image: 'a.png' },
  ],
};

const SAMPLE: Record<FilterDeclaration['type'], string> = {
  string: 'x',
  integer: '1',
  number: '50',
  boolean: 'true',
  date: '2020-03-02',
  datetime: '2020-03-02T10:00:00',
  uuid: U(8),
  array: 'x',
};
const SPECIAL: Record<string, string> = {
  qc: 'PASS',
  status: 'Waiting',
  provenance: 'Planned',
  dataset_qc_lte: 'FAIL',
};

let db: PGlite;
const ctx: RenderContext = {
  baseUrl: 'http://sandbox.test',
  query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
  detailUrl: (resource, row) => `http://sandbox.test/${resource}/${String(row.id)}`,
  render: async (_resource, rows) => rows.map((r) => ({ id: r.id })),
};

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\$\?/g, () => `$${++n}`);
}

beforeAll(async () => {
  db = new PGlite();
  for (const r of resources) await db.exec(ddl(r));
  for (const [name, rows] of Object.entries(ROWS)) {
    for (const row of rows) {
      const keys = Object.keys(row);
      await db.query(
        `INSERT INTO ${table(name)} (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
        keys.map((k) => row[k]),
      );
    }
  }
}, 60_000);

afterAll(async () => {
  await db.close();
});

describe('declared SQL runs on PostgreSQL', () => {
  it('computes every computed field, batched and one by one', async () => {
    for (const r of resources) {
      const rows = await ctx.query<StoredRow>(`SELECT * FROM ${table(r.name)}`);
      for (const s of [r.serializers.list, r.serializers.detail].filter((x) => x !== undefined)) {
        for (const f of s.fields) {
          if (!f.compute) continue;
          const many = f.computeMany
            ? await f.computeMany(rows, ctx)
            : await Promise.all(rows.map((row) => f.compute?.(row, ctx)));
          expect(many, `${r.name}.${f.name}`).toHaveLength(rows.length);
          for (const row of rows) await f.compute(row, ctx);
        }
      }
    }
  });

  it('builds every custom filter into valid SQL with matching placeholders', async () => {
    for (const r of resources) {
      for (const f of r.filters) {
        if (f.kind.kind !== 'custom') continue;
        const value = SPECIAL[f.name] ?? SAMPLE[f.type];
        const fragment = f.kind.build(value, {
          lookup: () => ({ sql: 'TRUE', params: [] }),
          searchParams: new URLSearchParams({ datasets: 'spikes.times.npy' }),
        });
        expect(fragment.sql.match(/\$\?/g)?.length ?? 0, `${r.name}?${f.name}`).toBe(fragment.params.length);
        await ctx.query(
          `SELECT count(*) FROM ${table(r.name)} t WHERE ${numbered(fragment.sql)}`,
          fragment.params,
        );
      }
      if (r.ordering) await ctx.query(`SELECT t.id FROM ${table(r.name)} t ORDER BY ${r.ordering}`);
    }
  });

  it('gives the expected values on the connected data set', async () => {
    const subject = (await ctx.query<StoredRow>(`SELECT * FROM subjects`))[0];
    const session = (await ctx.query<StoredRow>(`SELECT * FROM sessions`))[0];
    const dataset = (await ctx.query<StoredRow>(`SELECT * FROM datasets`))[0];
    const region = (await ctx.query<StoredRow>(`SELECT * FROM brain_regions WHERE id = 315`))[0];
    if (!subject || !session || !dataset || !region) throw new Error('seed rows missing');
    const value = async (resource: string, view: 'list' | 'detail', name: string, row: StoredRow) => {
      const decl = resourceByName(resource);
      const serializer =
        view === 'detail' ? (decl?.serializers.detail ?? decl?.serializers.list) : decl?.serializers.list;
      return serializer?.fields.find((f) => f.name === name)?.compute?.(row, ctx);
    };
    expect(await value('subjects', 'list', 'alive', subject)).toBe(true);
    expect(await value('subjects', 'list', 'session_projects', subject)).toEqual(['ibl']);
    expect(await value('subjects', 'list', 'reference_weight', subject)).toBe(25.5);
    expect(await value('subjects', 'list', 'last_water_restriction', subject)).toBe('2020-03-01T10:00:00');
    expect(await value('subjects', 'list', 'genotype', subject)).toEqual(['Ai95']);
    expect(await value('sessions', 'detail', 'data_dataset_session_related', session)).toEqual([
      expect.objectContaining({
        name: 'spikes.times.npy',
        dataset_type: 'spikes.times',
        data_url: `https://data.example/KS005/2020-03-02/001/alf/probe00/spikes.times.${U(13)}.npy`,
        default_revision: 'True',
        qc: 'PASS',
      }),
    ]);
    expect(await value('datasets', 'list', 'protected', dataset)).toBe(true);
    expect(await value('datasets', 'list', 'experiment_number', dataset)).toBe(1);
    expect(await value('brain-regions', 'list', 'related_descriptions', region)).toEqual([
      { id: 997, name: 'root', description: 'the brain', level: 0 },
      { id: 687, name: 'Retrosplenial area, ventral part, layer 5', description: 'layer', level: 2 },
    ]);
  });
});
