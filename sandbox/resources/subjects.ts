import {
  NICKNAME_HELP,
  autoFilters,
  batched,
  col,
  djangoFilter,
  field,
  fk,
  idField,
  jsonColumn,
  jsonField,
  lookupFilter,
  m2m,
  method,
  nameColumn,
  slug,
  slugMany,
  urlField,
} from './builders.ts';
import { PROTOCOL_NUMBER_CHOICES, SEVERITY_CHOICES, SEX_CHOICES } from './choices.ts';
import { FALSE_SQL, TRUE_SQL, groupBy, idArraySql, idsParam, parseBool, perRow, table } from './sql.ts';
import { summaryField } from './subject-water.ts';
import type {
  ColumnDeclaration,
  FilterDeclaration,
  ResourceDeclaration,
  SerializerField,
  StoredRow,
  WriteContext,
} from './types.ts';

const columns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  col('nickname', 'string', { maxLength: 64, default: '-', helpText: NICKNAME_HELP }),
  // Species, litter, strain, source and line are models of their own in Alyx with no endpoint;
  // the sandbox stores their display name (species nickname, others' name) directly.
  col('species', 'string', { nullable: true, helpText: 'common name, e.g. "mouse"' }),
  col('litter', 'string', { nullable: true, helpText: 'Long name' }),
  col('sex', 'string', { maxLength: 1, choices: SEX_CHOICES, blank: true, default: 'U' }),
  col('strain', 'string', {
    nullable: true,
    helpText: 'Standard descriptive name E.g. "C57BL/6J", http://www.informatics.jax.org/mgihome/nomen/',
  }),
  // Alyx: M2M to Allele through Zygosity. Stored here as `[{allele: <allele nickname>, zygosity: 0-3}]`.
  col('genotype', 'json', { nullable: true, default: [] }),
  col('source', 'string', { nullable: true, helpText: 'Long name' }),
  col('line', 'string', { nullable: true, helpText: 'Long name' }),
  col('birth_date', 'date', { nullable: true }),
  col('death_date', 'date', { nullable: true }),
  col('wean_date', 'date', { nullable: true }),
  col('genotype_date', 'date', { nullable: true }),
  fk('responsible_user', 'users', 'protect', {
    default: (ctx: WriteContext) => ctx.userId,
    relatedName: 'subjects_responsible',
  }),
  fk('lab', 'labs', 'protect'),
  m2m('projects', 'projects'),
  col('cage', 'string', { maxLength: 64, nullable: true, blank: true }),
  col('request', 'uuid', { nullable: true }),
  col('ear_mark', 'string', { maxLength: 32, blank: true, default: '' }),
  col('protocol_number', 'string', { maxLength: 1, choices: PROTOCOL_NUMBER_CHOICES, default: '1' }),
  col('description', 'text', { blank: true, default: '' }),
  col('adverse_effects', 'text', { blank: true, default: '' }),
  col('actual_severity', 'integer', { nullable: true, choices: SEVERITY_CHOICES }),
  col('to_be_genotyped', 'boolean', { default: false }),
  col('to_be_culled', 'boolean', { default: false }),
  col('reduced_date', 'date', { nullable: true }),
];

const sessionProjects = batched((rows, ctx) =>
  perRow(
    rows,
    ctx,
    `SELECT s.subject AS id, array_agg(DISTINCT p.name ORDER BY p.name) AS names
     FROM ${table('sessions')} s CROSS JOIN LATERAL unnest(s.projects) AS pid
     JOIN ${table('projects')} p ON p.id = pid
     WHERE s.subject = ANY(${idArraySql('$1')}) GROUP BY s.subject`,
    (r) => (Array.isArray(r.names) ? r.names : []),
    () => [],
  ),
);

function genotypeOf(row: StoredRow): { allele: unknown; zygosity: unknown }[] {
  const value = typeof row.genotype === 'string' ? safeParse(row.genotype) : row.genotype;
  if (!Array.isArray(value)) return [];
  return value
    .filter((g): g is Record<string, unknown> => typeof g === 'object' && g !== null)
    .map((g) => ({ allele: g.allele ?? null, zygosity: g.zygosity ?? null }));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const common = (genotype: SerializerField): SerializerField[] => [
  field('nickname', 'string', { openapi: { default: '-', pattern: '^[\\w.-]+$' } }),
  urlField('subjects'),
  idField(),
  slug('responsible_user', 'username'),
  field('birth_date', 'date'),
  method('age_weeks', 'integer', summaryField('ageWeeks')),
  field('death_date', 'date'),
  field('species', 'string'),
  field('sex', 'choice', { choiceRepresentation: 'value' }),
  field('litter', 'string'),
  field('strain', 'string'),
  field('source', 'string'),
  field('line', 'string'),
  slugMany('projects', 'name'),
  field('session_projects', 'array', { items: 'string', readOnly: true, ...sessionProjects }),
  slug('lab', 'name', { required: true }),
  genotype,
  field('description', 'string'),
  method('alive', 'boolean', summaryField('alive')),
  method('reference_weight', 'number', summaryField('referenceWeight')),
  method('last_water_restriction', 'datetime', summaryField('lastWaterRestriction')),
  method('expected_water', 'number', summaryField('expectedWater')),
  method('remaining_water', 'number', summaryField('remainingWater')),
  jsonField(),
];

const listGenotype: SerializerField = field('genotype', 'array', {
  items: 'string',
  compute: (row) => genotypeOf(row).map((g) => g.allele),
  openapi: { type: 'array', items: {} },
});

const detailGenotype: SerializerField = field('genotype', 'array', {
  items: 'object',
  readOnly: true,
  compute: (row) => genotypeOf(row),
  openapi: { type: 'array', items: { $ref: '#/components/schemas/ZygosityList' }, readOnly: true },
});

const weighings: SerializerField = field('weighings', 'array', {
  items: 'object',
  readOnly: true,
  ...batched(async (rows, ctx) => {
    const found = await ctx.query<StoredRow>(
      `SELECT * FROM ${table('weighings')} WHERE subject = ANY(${idArraySql('$1')}) ORDER BY date_time, id`,
      [idsParam(rows)],
    );
    return renderGrouped(rows, found, 'weighings', ctx);
  }),
  openapi: { type: 'array', items: { $ref: '#/components/schemas/WeighingDetail' }, readOnly: true },
});

const waterAdministrations: SerializerField = field('water_administrations', 'array', {
  items: 'object',
  readOnly: true,
  ...batched(async (rows, ctx) => {
    const found = await ctx.query<StoredRow>(
      `SELECT * FROM ${table('water-administrations')} WHERE subject = ANY(${idArraySql('$1')}) ORDER BY date_time, id`,
      [idsParam(rows)],
    );
    return renderGrouped(rows, found, 'water-administrations', ctx);
  }),
  openapi: {
    type: 'array',
    items: { $ref: '#/components/schemas/WaterAdministrationDetail' },
    readOnly: true,
  },
});

async function renderGrouped(
  rows: readonly StoredRow[],
  found: StoredRow[],
  resource: string,
  ctx: Parameters<NonNullable<SerializerField['compute']>>[1],
): Promise<unknown[]> {
  const rendered = await ctx.render(resource, found, 'list');
  const items = found.map((r, i) => ({ subject: String(r.subject), value: rendered[i] }));
  const bySubject = groupBy(items, 'subject');
  return rows.map((row) => (bySubject.get(String(row.id)) ?? []).map((x) => x.value));
}

const filters: readonly FilterDeclaration[] = [
  ...autoFilters(columns, [
    'id',
    'name',
    'json',
    'nickname',
    'species',
    'litter',
    'sex',
    'strain',
    'source',
    'line',
    'birth_date',
    'death_date',
    'wean_date',
    'genotype_date',
    'projects',
    'cage',
    'request',
    'ear_mark',
    'protocol_number',
    'description',
    'adverse_effects',
    'actual_severity',
    'to_be_genotyped',
    'to_be_culled',
    'reduced_date',
  ]).map((f) =>
    ['species', 'litter', 'strain', 'source', 'line'].includes(f.name)
      ? { ...f, type: 'string' as const }
      : f,
  ),
  {
    name: 'genotype',
    type: 'array',
    items: 'string',
    description: 'Allele nickname(s) in the genotype (the sandbox stores alleles by nickname).',
    kind: {
      kind: 'custom',
      build: (value) => ({
        sql: `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.genotype) = 'array' THEN t.genotype ELSE '[]'::jsonb END) g WHERE g->>'allele' = ANY(ARRAY(SELECT jsonb_array_elements_text($?::jsonb))))`,
        params: [JSON.stringify(value.split(','))],
      }),
    },
  },
  {
    name: 'genotype_test',
    type: 'array',
    items: 'uuid',
    description: 'Genotype tests are not modelled in the sandbox: any value matches nothing.',
    kind: { kind: 'custom', build: () => FALSE_SQL },
  },
  lookupFilter('alive', 'boolean', 'death_date', 'isnull'),
  lookupFilter('responsible_user', 'string', 'responsible_user__username'),
  lookupFilter('stock', 'boolean', 'responsible_user__is_stock_manager'),
  {
    name: 'water_restricted',
    type: 'boolean',
    kind: {
      kind: 'custom',
      build: (value) => {
        const wanted = parseBool(value);
        if (wanted === undefined) return TRUE_SQL;
        const open = `EXISTS (SELECT 1 FROM ${table('water-restriction')} w WHERE w.subject = t.id AND w.start_time IS NOT NULL AND w.end_time IS NULL)`;
        return {
          sql: wanted ? `(${open} AND t.death_date IS NULL)` : `NOT (${open} AND t.death_date IS NULL)`,
          params: [],
        };
      },
    },
  },
  lookupFilter('lab', 'string', 'lab__name'),
  lookupFilter('project', 'string', 'projects__name'),
  djangoFilter,
];

export const subjects: ResourceDeclaration = {
  name: 'subjects',
  modelLabel: 'subjects.subject',
  verboseName: 'Subject',
  app: 'subjects',
  primaryKey: 'uuid',
  columns,
  lookupField: 'nickname',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: { component: 'SubjectList', fields: common(listGenotype) },
    detail: {
      component: 'SubjectDetail',
      fields: [...common(detailGenotype), weighings, waterAdministrations],
    },
  },
  filters,
  ordering: 't.nickname ASC, t.birth_date DESC',
  uniqueTogether: [['nickname', 'lab', 'responsible_user']],
  description: `Lists subjects (animals) and creates new ones.

**FILTERS**

-   **nickname**: exact nickname \`/subjects?nickname=KS005\`
-   **lab**: lab name \`/subjects?lab=cortexlab\`
-   **responsible_user**: username of the responsible user \`/subjects?responsible_user=olivier\`
-   **alive**: \`True\` for subjects without a death date \`/subjects?alive=True\`
-   **stock**: subjects whose responsible user is a stock manager \`/subjects?stock=True\`
-   **water_restricted**: alive subjects under an open water restriction \`/subjects?water_restricted=True\`
-   **project**: project name \`/subjects?project=ibl_neuropixel_brainwide_01\`
-   **django**: generic ORM lookups \`/subjects?django=birth_date__gte,2020-01-01\`

Nicknames are unique per lab and responsible user only: combine \`nickname\` and \`lab\`.`,
  detailDescription: `Full detail of one subject, by nickname, with its weighings and water administrations.`,
};
