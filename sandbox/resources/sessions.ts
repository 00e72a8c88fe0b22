import {
  NICKNAME_HELP,
  autoFilters,
  batched,
  col,
  dateRangeFilter,
  djangoFilter,
  field,
  fk,
  idField,
  jsonColumn,
  jsonField,
  jsonFilter,
  link,
  lookupFilter,
  m2m,
  slug,
  slugMany,
  urlField,
} from './builders.ts';
import { baseActionColumns } from './base-action.ts';
import { QC_CHOICES } from './choices.ts';
import { datasetSummaries } from './dataset-nested.ts';
import { atlasFilters, datasetFilters, qcValue } from './related-filters.ts';
import { groupBy, idArraySql, idsParam, num, table } from './sql.ts';
import type {
  ColumnDeclaration,
  FilterDeclaration,
  RenderContext,
  ResourceDeclaration,
  SerializerField,
  StoredRow,
} from './types.ts';

const columns: readonly ColumnDeclaration[] = [
  ...baseActionColumns({
    relatedName: 'actions_sessions',
    locationHelp: 'The physical location at which the session was performed',
  }),
  fk('parent_session', 'sessions', 'set-null', { helpText: 'Hierarchical parent to this session' }),
  m2m('projects', 'projects'),
  col('type', 'string', {
    maxLength: 255,
    nullable: true,
    helpText: 'User-defined session type (e.g. Base, Experiment)',
  }),
  col('number', 'integer', { nullable: true, helpText: 'Optional session number for this level' }),
  col('task_protocol', 'string', { maxLength: 1023, blank: true, default: '' }),
  col('n_correct_trials', 'integer', { nullable: true }),
  col('n_trials', 'integer', { nullable: true }),
  col('qc', 'integer', { choices: QC_CHOICES, default: 0 }),
  jsonColumn('extended_qc', 'Structured data about session QC, formatted in a user-defined way'),
  col('auto_datetime', 'datetime', { nullable: true }),
];

const listFields: SerializerField[] = [
  idField(),
  slug('subject', 'nickname', { readOnly: true, description: NICKNAME_HELP }),
  field('start_time', 'datetime'),
  field('number', 'integer'),
  slug('lab', 'name', { readOnly: true }),
  slugMany('projects', 'name', { required: true }),
  urlField('sessions'),
  field('task_protocol', 'string'),
];

/** Rows of `resource` whose `column` points at one of the page's sessions, rendered and grouped. */
function related(resource: string, column: string, order: string, view: 'list' | 'detail' = 'list') {
  return batched(async (rows, ctx) => {
    const found = await ctx.query<StoredRow>(
      `SELECT * FROM ${table(resource)} WHERE ${column} = ANY(${idArraySql('$1')}) ORDER BY ${order}`,
      [idsParam(rows)],
    );
    const rendered = await ctx.render(resource, found, view);
    const groups = groupBy(
      found.map((r, i) => ({ key: String(r[column]), value: rendered[i] })),
      'key',
    );
    return rows.map((row) => (groups.get(String(row.id)) ?? []).map((g) => g.value));
  });
}

async function waterAdmins(rows: readonly StoredRow[], ctx: RenderContext): Promise<unknown[]> {
  const found = await ctx.query(
    `SELECT a.session, a.id, a.name, wt.name AS water_type, a.water_administered
     FROM ${table('water-administrations')} a LEFT JOIN ${table('water-type')} wt ON wt.id = a.water_type
     WHERE a.session = ANY(${idArraySql('$1')}) ORDER BY a.date_time, a.id`,
    [idsParam(rows)],
  );
  const groups = groupBy(found, 'session');
  return rows.map((row) =>
    (groups.get(String(row.id)) ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      water_type: a.water_type ?? null,
      water_administered: num(a.water_administered),
    })),
  );
}

const detailFields: SerializerField[] = [
  slug('subject', 'nickname', { required: true, description: NICKNAME_HELP }),
  slugMany('users', 'username'),
  slug('location', 'name', { nullable: true }),
  slugMany('procedures', 'name'),
  slug('lab', 'name'),
  slugMany('projects', 'name'),
  field('type', 'string'),
  field('task_protocol', 'string'),
  field('number', 'integer'),
  field('start_time', 'datetime'),
  field('end_time', 'datetime'),
  field('narrative', 'string'),
  link('parent_session', { nullable: true }),
  field('n_correct_trials', 'integer'),
  field('n_trials', 'integer'),
  urlField('sessions'),
  jsonField('extended_qc', 'Structured data about session QC, formatted in a user-defined way'),
  field('qc', 'choice', { choiceRepresentation: 'label', openapi: { type: 'string' } }),
  field('wateradmin_session_related', 'array', {
    items: 'object',
    readOnly: true,
    ...batched(waterAdmins),
    openapi: { type: 'array', items: { $ref: '#/components/schemas/SessionWaterAdmin' }, readOnly: true },
  }),
  field('data_dataset_session_related', 'array', {
    items: 'object',
    readOnly: true,
    ...batched((rows, ctx) => datasetSummaries(rows, ctx, 'session')),
    openapi: { type: 'array', items: { $ref: '#/components/schemas/SessionDatasets' }, readOnly: true },
  }),
  field('auto_datetime', 'datetime', { readOnly: true, openapi: { title: 'Last updated' } }),
  idField(),
  jsonField(),
  field('probe_insertion', 'array', {
    items: 'object',
    readOnly: true,
    ...related('insertions', 'session', 'name, id'),
    openapi: { type: 'array', items: { $ref: '#/components/schemas/ProbeInsertionList' }, readOnly: true },
  }),
  // Fields of view are not modelled in the sandbox: always empty.
  field('field_of_view', 'array', {
    items: 'object',
    readOnly: true,
    compute: () => [],
    openapi: { type: 'array', items: { type: 'object' }, readOnly: true },
  }),
  field('notes', 'array', {
    items: 'object',
    readOnly: true,
    ...related('notes', 'object_id', 'date_time, id'),
    openapi: { type: 'array', items: { $ref: '#/components/schemas/Note' }, readOnly: true },
  }),
];

function performance(op: '>=' | '<='): FilterDeclaration['kind'] {
  return {
    kind: 'custom',
    build: (value) => ({
      sql: `(t.n_trials > 0 AND 100.0 * t.n_correct_trials / t.n_trials ${op} $?)`,
      params: [Number(value)],
    }),
  };
}

const filters: readonly FilterDeclaration[] = [
  ...autoFilters(columns, [
    'id',
    'name',
    'narrative',
    'start_time',
    'end_time',
    'parent_session',
    'number',
    'n_trials',
    'n_correct_trials',
    'auto_datetime',
  ]),
  lookupFilter('subject', 'string', 'subject__nickname', 'iexact'),
  lookupFilter('nickname', 'string', 'subject__nickname', 'iexact'),
  {
    name: 'users',
    type: 'string',
    description: 'Comma-separated usernames; the session must include all of them.',
    kind: { kind: 'lookup', field: 'users__username', lookup: 'exact', all: true, commaList: true },
  },
  dateRangeFilter('start_time'),
  lookupFilter('lab', 'string', 'lab__name', 'iexact'),
  lookupFilter('location', 'string', 'location__name', 'icontains'),
  jsonFilter('json'),
  ...datasetFilters('d.session = t.id'),
  { name: 'performance_gte', type: 'number', kind: performance('>=') },
  { name: 'performance_lte', type: 'number', kind: performance('<=') },
  lookupFilter('type', 'string', 'type', 'iexact'),
  lookupFilter('task_protocol', 'string', 'task_protocol', 'icontains'),
  {
    name: 'qc',
    type: 'string',
    description: 'QC label (case-insensitive): CRITICAL, FAIL, WARNING, NOT_SET, PASS.',
    kind: { kind: 'custom', build: (value) => ({ sql: 't.qc = $?', params: [qcValue(value)] }) },
  },
  jsonFilter('extended_qc'),
  lookupFilter('procedures', 'string', 'procedures__name', 'icontains'),
  lookupFilter('projects', 'string', 'projects__name', 'icontains'),
  lookupFilter('project', 'string', 'projects__name', 'icontains'),
  ...atlasFilters(
    `tr.probe_insertion IN (SELECT pi.id FROM ${table('insertions')} pi WHERE pi.session = t.id)`,
  ),
  {
    name: 'histology',
    type: 'boolean',
    description: "`True`: sessions of subjects with a 'Histology track' trajectory.",
    kind: {
      kind: 'custom',
      build: (value) => {
        const has = `EXISTS (SELECT 1 FROM ${table('trajectories')} tr JOIN ${table('insertions')} pi ON pi.id = tr.probe_insertion
          JOIN ${table('sessions')} s2 ON s2.id = pi.session WHERE s2.subject = t.subject AND tr.provenance = 50)`;
        return { sql: /^(true|1)$/i.test(value.trim()) ? has : `NOT ${has}`, params: [] };
      },
    },
  },
  djangoFilter,
];

export const sessions: ResourceDeclaration = {
  name: 'sessions',
  modelLabel: 'actions.session',
  verboseName: 'Session',
  app: 'actions',
  primaryKey: 'uuid',
  columns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: { component: 'SessionList', fields: listFields },
    detail: { component: 'SessionDetail', fields: detailFields },
    create: { component: 'SessionDetail', fields: detailFields },
  },
  filters,
  ordering: 't.start_time DESC',
  description: `Lists experimental sessions (slim rows) and creates new ones (full detail).

**FILTERS**

-   **subject**: subject nickname \`/sessions?subject=Algernon\`
-   **date_range**: inclusive dates \`/sessions?date_range=2020-01-12,2020-01-16\`
-   **lab**: lab name \`/sessions?lab=cortexlab\`
-   **users**: usernames, all required \`/sessions?users=olivier,nate\`
-   **task_protocol** (icontains), **location** (icontains), **type** (iexact), **projects** (icontains)
-   **dataset_types**: all of these dataset types \`/sessions?dataset_types=trials.table,camera.times\`
-   **datasets**: all of these dataset names, with QC at most **dataset_qc_lte** (default FAIL)
-   **performance_gte**, **performance_lte**: percentage of correct trials
-   **qc**: session QC label \`/sessions?qc=PASS\`
-   **json**, **extended_qc**: JSON key pairs \`/sessions?extended_qc=behavior,1\`
-   **atlas_name**, **atlas_acronym**, **atlas_id**: a channel in this brain region or below
-   **histology**: subject has a histology track
-   **tag**: dataset tag name (icontains)
-   **django**: generic ORM lookups \`/sessions?django=start_time__date__lt,2017-06-05\``,
  detailDescription: 'Detail of one session',
};
