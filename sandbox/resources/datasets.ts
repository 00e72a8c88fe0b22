import {
  NICKNAME_HELP,
  USERNAME_HELP,
  autoFilters,
  batched,
  col,
  djangoFilter,
  field,
  fk,
  jsonColumn,
  jsonField,
  link,
  lookupFilter,
  m2m,
  method,
  nameColumn,
  slug,
  slugMany,
  urlField,
} from './builders.ts';
import { QC_CHOICES } from './choices.ts';
import { datasetHooks } from './dataset-hooks.ts';
import { fileRecordSummaries } from './dataset-nested.ts';
import { qcValue } from './related-filters.ts';
import { TRUE_SQL, idArraySql, nowNaive, num, parseBool, perRow, table } from './sql.ts';
import type {
  ColumnDeclaration,
  FilterDeclaration,
  RenderContext,
  ResourceDeclaration,
  SqlFragment,
  StoredRow,
  WriteContext,
} from './types.ts';

const columns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('session', 'sessions', 'cascade', { nullable: true, relatedName: 'data_dataset_session_related' }),
  col('file_size', 'integer', { nullable: true, helpText: 'Size in bytes' }),
  col('md5', 'uuid', { nullable: true }),
  col('hash', 'string', { maxLength: 64, nullable: true, helpText: 'Hash of the data buffer' }),
  col('version', 'string', {
    maxLength: 64,
    nullable: true,
    helpText: 'version of the algorithm generating the file',
  }),
  col('collection', 'string', {
    maxLength: 255,
    nullable: true,
    helpText: 'file subcollection or subfolder',
  }),
  fk('dataset_type', 'dataset-types', 'protect'),
  fk('data_format', 'data-formats', 'protect'),
  fk('created_by', 'users', 'set-null', { default: (ctx: WriteContext) => ctx.userId }),
  col('created_datetime', 'datetime', {
    nullable: true,
    default: () => nowNaive(),
    helpText: 'The creation datetime.',
  }),
  col('generating_software', 'string', { maxLength: 255, nullable: true }),
  col('provenance_directory', 'uuid', { nullable: true }),
  col('content_type', 'integer', { nullable: true }),
  col('object_id', 'uuid', { nullable: true }),
  fk('revision', 'revisions', 'set-null'),
  col('default_dataset', 'boolean', { default: true }),
  m2m('tags', 'tags'),
  col('qc', 'integer', { choices: QC_CHOICES, default: 0 }),
  col('auto_datetime', 'datetime', { nullable: true }),
];

const tagFlags =
  (flag: 'protected' | 'public') =>
  (rows: readonly StoredRow[], ctx: RenderContext): Promise<unknown[]> =>
    perRow(
      rows,
      ctx,
      `SELECT d.id, bool_or(COALESCE(tg.${flag}, FALSE)) AS flag FROM ${table('datasets')} d
       JOIN ${table('tags')} tg ON tg.id = ANY(d.tags) WHERE d.id = ANY(${idArraySql('$1')}) GROUP BY d.id`,
      (r) => r.flag === true,
      () => false,
    );

const fields = [
  urlField('datasets'),
  field('name', 'string', { required: true }),
  slug('created_by', 'username', { description: USERNAME_HELP }),
  field('created_datetime', 'datetime'),
  slug('dataset_type', 'name', { required: true }),
  slug('data_format', 'name'),
  field('collection', 'string', { nullable: true }),
  link('session', { nullable: true, openapi: { type: 'string', format: 'uri', nullable: undefined } }),
  field('file_size', 'integer', { nullable: true }),
  field('hash', 'string', { nullable: true }),
  field('version', 'string', { nullable: true }),
  method('experiment_number', 'integer', (rows, ctx) =>
    perRow(
      rows,
      ctx,
      `SELECT d.id, s.number FROM ${table('datasets')} d JOIN ${table('sessions')} s ON s.id = d.session
       WHERE d.id = ANY(${idArraySql('$1')})`,
      (r) => num(r.number),
      () => null,
    ),
  ),
  field('file_records', 'array', {
    items: 'object',
    readOnly: true,
    ...batched(fileRecordSummaries),
    openapi: { type: 'array', items: { $ref: '#/components/schemas/DatasetFileRecords' }, readOnly: true },
  }),
  // Write-only on create: with no `session`, the session is found from subject + date + number (datasetHooks).
  slug('subject', 'nickname', {
    writeOnly: true,
    relation: { kind: 'slug', slugField: 'nickname', target: 'subjects' },
    description: NICKNAME_HELP,
  }),
  field('date', 'date', { writeOnly: true, openapi: { writeOnly: undefined } }),
  field('number', 'integer', { writeOnly: true, openapi: { writeOnly: undefined } }),
  field('auto_datetime', 'datetime', { readOnly: true, nullable: true, openapi: { title: 'Last updated' } }),
  slug('revision', 'name'),
  field('default_dataset', 'boolean', { nullable: true }),
  method('protected', 'boolean', tagFlags('protected')),
  method('public', 'boolean', tagFlags('public')),
  slugMany('tags', 'name'),
  field('qc', 'choice', { choiceRepresentation: 'label', openapi: { type: 'string' } }),
  jsonField(),
];

function onSession(condition: string, value: unknown): SqlFragment {
  return {
    sql: `EXISTS (SELECT 1 FROM ${table('sessions')} s WHERE s.id = t.session AND ${condition})`,
    params: [value],
  };
}

function custom(
  name: string,
  type: FilterDeclaration['type'],
  build: (v: string) => SqlFragment,
  description?: string,
): FilterDeclaration {
  return { name, type, kind: { kind: 'custom', build }, ...(description ? { description } : {}) };
}

const ON_REAL_REPO = `EXISTS (SELECT 1 FROM ${table('files')} f JOIN ${table('data-repository')} r ON r.id = f.data_repository
  WHERE f.dataset = t.id AND f.exists AND NOT COALESCE(r.globus_is_personal, FALSE))`;

function tagFlagFilter(flag: 'protected' | 'public'): FilterDeclaration {
  return custom(flag, 'boolean', (value) => {
    const wanted = parseBool(value);
    if (wanted === undefined) return TRUE_SQL;
    const has = `EXISTS (SELECT 1 FROM ${table('tags')} tg WHERE tg.id = ANY(t.tags) AND tg.${flag})`;
    return { sql: wanted ? has : `NOT ${has}`, params: [] };
  });
}

const filters: readonly FilterDeclaration[] = [
  ...autoFilters(columns, [
    'id',
    'name',
    'session',
    'created_datetime',
    'generating_software',
    'provenance_directory',
    'content_type',
    'object_id',
    'file_size',
    'md5',
    'hash',
    'version',
    'collection',
    'data_format',
    'tags',
    'auto_datetime',
    'default_dataset',
  ]),
  lookupFilter('subject', 'string', 'session__subject__nickname'),
  lookupFilter('lab', 'string', 'session__lab__name'),
  custom('created_date', 'date', (v) => ({ sql: 't.created_datetime::date = $?::date', params: [v] })),
  custom('date', 'date', (v) => onSession('s.start_time::date = $?::date', v)),
  lookupFilter('created_by', 'string', 'created_by__username'),
  lookupFilter('dataset_type', 'string', 'dataset_type__name'),
  custom('experiment_number', 'integer', (v) => onSession('s.number = $?', Number(v))),
  custom('created_date_gte', 'date', (v) => ({ sql: 't.created_datetime::date >= $?::date', params: [v] })),
  custom('created_date_lte', 'date', (v) => ({ sql: 't.created_datetime::date <= $?::date', params: [v] })),
  custom(
    'exists',
    'boolean',
    (value) => {
      const wanted = parseBool(value);
      if (wanted === undefined) return TRUE_SQL;
      return { sql: wanted ? ON_REAL_REPO : `NOT ${ON_REAL_REPO}`, params: [] };
    },
    'Has an existing file record on a non-personal repository.',
  ),
  custom(
    'probe_insertion',
    'uuid',
    (v) => ({
      sql: `EXISTS (SELECT 1 FROM ${table('insertions')} pi WHERE pi.id = $?::uuid AND pi.session = t.session
        AND t.collection ILIKE '%' || pi.name || '%')`,
      params: [v],
    }),
    'Datasets of the insertion: same session, collection containing the probe name.',
  ),
  tagFlagFilter('public'),
  tagFlagFilter('protected'),
  lookupFilter('tag', 'string', 'tags__name'),
  lookupFilter('revision', 'string', 'revision__name'),
  custom('qc', 'string', (v) => ({ sql: 't.qc = $?', params: [qcValue(v)] })),
  djangoFilter,
];

export const datasets: ResourceDeclaration = {
  name: 'datasets',
  modelLabel: 'data.dataset',
  verboseName: 'Dataset',
  app: 'data',
  primaryKey: 'uuid',
  columns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: { list: { component: 'Dataset', fields } },
  filters,
  hooks: datasetHooks,
  description: `Lists datasets (files of a session) and registers new ones. Rows carry no \`id\`: use the last segment of \`url\`.

**FILTERS**

-   **subject**: subject nickname \`/datasets?subject=Algernon\`
-   **lab**: lab name \`/datasets?lab=cortexlab\`
-   **session**: session UUID \`/datasets?session=aad23144-0e52-4eac-80c5-c4ee2decb198\`
-   **date**: session date \`/datasets?date=2020-02-16\`; **experiment_number**: session number
-   **created_date**, **created_date_gte**, **created_date_lte**: registration date
-   **created_by**: username; **dataset_type**: type name; **revision**: revision name
-   **exists**: has an existing file on a non-personal repository
-   **probe_insertion**: insertion UUID; **tag**: tag name; **public**, **protected**: via tags
-   **qc**: QC label \`/datasets?qc=PASS\`
-   **django**: generic ORM lookups`,
  detailDescription: 'Full detail of one dataset. Deleting a dataset with a protected tag is refused (403).',
};

const fileColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('dataset', 'datasets', 'cascade', { relatedName: 'file_records' }),
  fk('data_repository', 'data-repository', 'protect'),
  col('relative_path', 'string', { maxLength: 1000, helpText: 'path name within repository' }),
  col('exists', 'boolean', { default: false, helpText: 'Whether the file exists in the data repository' }),
];

export const files: ResourceDeclaration = {
  name: 'files',
  modelLabel: 'data.filerecord',
  verboseName: 'File record',
  app: 'data',
  primaryKey: 'uuid',
  columns: fileColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'FileRecord',
      fields: [
        urlField('files'),
        link('dataset', { required: true }),
        slug('data_repository', 'name', { required: true }),
        field('name', 'string'),
        jsonField(),
        field('relative_path', 'string', {
          required: true,
          openapi: { pattern: '^[a-zA-Z0-9\\_][^\\\\\\:]+$' },
        }),
        field('exists', 'boolean'),
      ],
    },
  },
  filters: [
    ...autoFilters(fileColumns, ['id', 'name', 'dataset', 'relative_path', 'exists']),
    lookupFilter('lab', 'string', 'dataset__session__lab__name'),
    lookupFilter('data_repository', 'string', 'data_repository__name'),
    lookupFilter('globus_is_personal', 'boolean', 'data_repository__globus_is_personal'),
    djangoFilter,
  ],
  description: `Lists file records (copies of a dataset on a data repository) and creates new ones.

**FILTERS**

-   **dataset**: dataset UUID \`/files?dataset=aad23144-0e52-4eac-80c5-c4ee2decb198\`
-   **exists**: \`/files?exists=False\`
-   **lab**: lab name; **data_repository**: repository name
-   **globus_is_personal**: type of the repository's Globus endpoint`,
};
