import {
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
  pk,
  pkMany,
} from './builders.ts';
import { TRAJECTORY_PROVENANCE_CHOICES, choiceValue } from './choices.ts';
import { datasetSummaries } from './dataset-nested.ts';
import { atlasFilters, datasetFilters } from './related-filters.ts';
import { INSERTION_SESSIONS, TRAJECTORY_SESSIONS, sessionInfos } from './session-info.ts';
import { idArraySql, nowNaive, perRow, table } from './sql.ts';
import type { ColumnDeclaration, FilterDeclaration, ResourceDeclaration, SerializerField } from './types.ts';

const MODEL_HELP = "manufacturer's part number e.g. A4x8-5mm-100-20";
const SESSION_LIST_REF = { allOf: [{ $ref: '#/components/schemas/SessionList' }], readOnly: true };

function onSessionDate(sessionPath: string): FilterDeclaration {
  return {
    name: 'date',
    type: 'date',
    description: 'Session date `YYYY-MM-DD`.',
    kind: {
      kind: 'custom',
      build: (value) => ({
        sql: `EXISTS (SELECT 1 FROM ${table('sessions')} s WHERE s.id = ${sessionPath} AND s.start_time::date = $?::date)`,
        params: [value],
      }),
    },
  };
}

const insertionColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('session', 'sessions', 'cascade', { nullable: true, relatedName: 'probe_insertion' }),
  // Alyx: FK to ProbeModel (no endpoint); the sandbox stores the probe model name, e.g. `3B2`.
  col('model', 'string', { nullable: true, helpText: MODEL_HELP }),
  col('serial', 'string', { maxLength: 255, blank: true, default: '', helpText: 'Probe serial number' }),
  col('auto_datetime', 'datetime', { nullable: true }),
  col('chronic_insertion', 'uuid', { nullable: true }),
  m2m('datasets', 'datasets'),
];

const sessionInfo: SerializerField = field('session_info', 'object', {
  readOnly: true,
  ...batched((rows, ctx) => sessionInfos(rows, ctx, INSERTION_SESSIONS)),
  openapi: SESSION_LIST_REF,
});

const insertionHead: SerializerField[] = [
  idField(),
  pk('session'),
  field('model', 'string', { nullable: false }),
  sessionInfo,
];
const insertionTail: SerializerField[] = [
  field('name', 'string', { required: true }),
  jsonField(),
  field('serial', 'string'),
  field('auto_datetime', 'datetime', { readOnly: true, nullable: true, openapi: { title: 'Last updated' } }),
  field('chronic_insertion', 'uuid', { nullable: true }),
];

export const insertions: ResourceDeclaration = {
  name: 'insertions',
  modelLabel: 'experiments.probeinsertion',
  verboseName: 'Probe insertion',
  app: 'experiments',
  primaryKey: 'uuid',
  columns: insertionColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'ProbeInsertionList',
      fields: [...insertionHead, ...insertionTail, pkMany('datasets')],
    },
    detail: {
      component: 'ProbeInsertionDetail',
      fields: [
        ...insertionHead,
        method('datasets', 'array', (rows, ctx) => datasetSummaries(rows, ctx, 'insertion'), {
          items: 'object',
        }),
        ...insertionTail,
      ],
    },
  },
  filters: [
    ...autoFilters(insertionColumns, ['id', 'serial', 'auto_datetime', 'chronic_insertion']),
    lookupFilter('subject', 'string', 'session__subject__nickname'),
    onSessionDate('t.session'),
    lookupFilter('experiment_number', 'string', 'session__number'),
    lookupFilter('name', 'string', 'name'),
    lookupFilter('session', 'uuid', 'session'),
    lookupFilter('model', 'string', 'model'),
    ...datasetFilters('d.id = ANY(t.datasets)'),
    lookupFilter('lab', 'string', 'session__lab__name', 'iexact'),
    lookupFilter('project', 'string', 'session__projects__name', 'icontains'),
    lookupFilter('task_protocol', 'string', 'session__task_protocol', 'icontains'),
    ...atlasFilters('tr.probe_insertion = t.id'),
    djangoFilter,
  ],
  ordering: `(SELECT s.start_time FROM ${table('sessions')} s WHERE s.id = t.session) DESC, t.name ASC`,
  description: `Lists probe insertions (one probe in one session) and creates new ones.

**FILTERS**

-   **name**: probe name \`/insertions?name=probe00\`
-   **subject**: subject nickname; **lab**: lab name; **session**: session UUID
-   **date**: session date; **experiment_number**: session number
-   **model**: probe model \`/insertions?model=3B2\`
-   **project**, **task_protocol** (icontains); **tag**: dataset tag (icontains)
-   **dataset_types**, **datasets**, **dataset_qc_lte**: as on sessions
-   **atlas_name**, **atlas_acronym**, **atlas_id**: a channel in this region or below
-   **django**: generic ORM lookups`,
  detailDescription: 'One probe insertion, with its datasets (those with an existing file) embedded.',
};

const trajectoryColumns: readonly ColumnDeclaration[] = [
  jsonColumn(),
  fk('probe_insertion', 'insertions', 'cascade', { nullable: true, relatedName: 'trajectory_estimate' }),
  ...['x', 'y', 'z', 'depth', 'theta', 'phi', 'roll'].map((n) => col(n, 'float', { nullable: true })),
  col('provenance', 'integer', { choices: TRAJECTORY_PROVENANCE_CHOICES, default: 10 }),
  // Alyx: FK to CoordinateSystem (no endpoint); stored by name.
  col('coordinate_system', 'string', { nullable: true, helpText: 'Long name' }),
  col('datetime', 'datetime', { default: () => nowNaive() }),
  col('chronic_insertion', 'uuid', { nullable: true }),
];

export const trajectories: ResourceDeclaration = {
  name: 'trajectories',
  modelLabel: 'experiments.trajectoryestimate',
  verboseName: 'Trajectory estimate',
  app: 'experiments',
  primaryKey: 'uuid',
  columns: trajectoryColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'TrajectoryEstimate',
      fields: [
        idField(),
        pk('probe_insertion', { nullable: true }),
        ...['x', 'y', 'z', 'depth', 'theta', 'phi', 'roll'].map((n) =>
          field(n, 'number', { nullable: true, required: ['x', 'y', 'depth', 'theta', 'phi'].includes(n) }),
        ),
        field('provenance', 'choice', {
          choiceRepresentation: 'label',
          required: true,
          openapi: { type: 'string' },
        }),
        field('session', 'object', {
          readOnly: true,
          ...batched((rows, ctx) => sessionInfos(rows, ctx, TRAJECTORY_SESSIONS)),
          openapi: SESSION_LIST_REF,
        }),
        field('probe_name', 'string', {
          readOnly: true,
          ...batched((rows, ctx) =>
            perRow(
              rows,
              ctx,
              `SELECT tr.id, pi.name FROM ${table('trajectories')} tr JOIN ${table('insertions')} pi ON pi.id = tr.probe_insertion
               WHERE tr.id = ANY(${idArraySql('$1')})`,
              (r) => r.name ?? null,
              () => null,
            ),
          ),
        }),
        field('coordinate_system', 'string', { nullable: false }),
        field('datetime', 'datetime', { readOnly: true, openapi: { title: 'Last update' } }),
        jsonField(),
        field('chronic_insertion', 'uuid', { nullable: true }),
      ],
    },
  },
  filters: [
    ...autoFilters(trajectoryColumns, [
      'id',
      'probe_insertion',
      'chronic_insertion',
      'x',
      'y',
      'z',
      'depth',
      'theta',
      'phi',
      'roll',
      'coordinate_system',
      'datetime',
    ]),
    {
      name: 'provenance',
      type: 'string',
      description:
        "Label: 'Ephys aligned histology track', 'Histology track', 'Micro-manipulator' or 'Planned'.",
      kind: {
        kind: 'custom',
        build: (value) => {
          const stored = choiceValue(TRAJECTORY_PROVENANCE_CHOICES, value);
          if (stored === undefined) {
            throw new Error(
              `Invalidprovenance, choices are: ${TRAJECTORY_PROVENANCE_CHOICES.map((c) => c.label).join(', ')}`,
            );
          }
          return { sql: 't.provenance = $?', params: [stored] };
        },
      },
    },
    lookupFilter('subject', 'string', 'probe_insertion__session__subject__nickname'),
    lookupFilter('project', 'string', 'probe_insertion__session__projects__name', 'icontains'),
    onSessionDate(`(SELECT pi.session FROM ${table('insertions')} pi WHERE pi.id = t.probe_insertion)`),
    lookupFilter('experiment_number', 'string', 'probe_insertion__session__number'),
    lookupFilter('session', 'uuid', 'probe_insertion__session'),
    lookupFilter('probe', 'string', 'probe_insertion__name'),
    djangoFilter,
  ],
  description: `Lists trajectory estimates of probe insertions (planned, micro-manipulator, histology, aligned) and creates new ones.

**FILTERS**

-   **provenance**: label, e.g. \`/trajectories?provenance=Planned\`
-   **subject**, **project**, **date**, **experiment_number**, **session**
-   **probe**: probe insertion name \`/trajectories?probe=probe01\`
-   **django**: generic ORM lookups`,
};

const channelColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('trajectory_estimate', 'trajectories', 'cascade', { relatedName: 'channels' }),
  fk('brain_region', 'brain-regions', 'set-null'),
  col('axial', 'float', {
    nullable: true,
    helpText: 'Distance in micrometers along the probe from the tip. 0 means the tip.',
  }),
  col('lateral', 'float', { nullable: true, helpText: 'Distance in micrometers across the probe' }),
  col('x', 'float', { nullable: true }),
  col('y', 'float', { nullable: true }),
  col('z', 'float', { nullable: true }),
];

export const channels: ResourceDeclaration = {
  name: 'channels',
  modelLabel: 'experiments.channel',
  verboseName: 'Channel',
  app: 'experiments',
  primaryKey: 'uuid',
  columns: channelColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Channel',
      fields: [
        idField(),
        pk('trajectory_estimate'),
        field('brain_region', 'integer', { relation: { kind: 'pk' } }),
        field('name', 'string'),
        jsonField(),
        ...['axial', 'lateral', 'x', 'y', 'z'].map((n) => field(n, 'number', { nullable: true })),
      ],
    },
  },
  quirks: { bulkCreate: true },
  filters: [
    ...autoFilters(channelColumns, [
      'id',
      'name',
      'trajectory_estimate',
      'brain_region',
      'axial',
      'lateral',
      'x',
      'y',
      'z',
    ]),
    lookupFilter('session', 'uuid', 'trajectory_estimate__probe_insertion__session'),
    lookupFilter('probe_insertion', 'uuid', 'trajectory_estimate__probe_insertion'),
    lookupFilter('subject', 'string', 'trajectory_estimate__probe_insertion__session__subject__nickname'),
    lookupFilter('lab', 'string', 'trajectory_estimate__probe_insertion__session__lab__name'),
    djangoFilter,
  ],
  description: `Lists recording channels (position along the probe, brain region) and creates them; POST also accepts an array.

**FILTERS**: **subject**, **session**, **lab**, **probe_insertion**, channel fields, **django**.`,
};
