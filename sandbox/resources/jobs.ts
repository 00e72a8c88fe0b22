import {
  autoFilters,
  col,
  djangoFilter,
  field,
  fk,
  idField,
  jsonColumn,
  lookupFilter,
  m2m,
  pk,
  pkMany,
  slug,
} from './builders.ts';
import { TASK_STATUS_CHOICES, choiceValue } from './choices.ts';
import { nowNaive, table } from './sql.ts';
import type { ColumnDeclaration, ResourceDeclaration } from './types.ts';

const smallInts = ['priority', 'io_charge', 'level', 'gpu', 'cpu', 'ram', 'time_out_secs'];

const columns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 64, nullable: true }),
  ...smallInts.map((n) => col(n, 'integer', { nullable: true })),
  col('time_elapsed_secs', 'float', { nullable: true }),
  col('executable', 'string', {
    maxLength: 128,
    nullable: true,
    helpText: 'Usually the Python class name on the workers',
  }),
  col('graph', 'string', {
    maxLength: 64,
    nullable: true,
    helpText: 'The name of the graph containing a set of related and possibly dependent tasks',
  }),
  col('status', 'integer', { choices: TASK_STATUS_CHOICES, default: 20 }),
  col('log', 'text', { nullable: true }),
  fk('session', 'sessions', 'cascade', { nullable: true }),
  col('version', 'string', {
    maxLength: 64,
    nullable: true,
    helpText: 'version of the algorithm generating the file',
  }),
  fk('data_repository', 'data-repository', 'set-null'),
  m2m('parents', 'tasks'),
  col('datetime', 'datetime', { default: () => nowNaive() }),
  jsonColumn('arguments', 'dictionary of input arguments'),
];

export const tasks: ResourceDeclaration = {
  name: 'tasks',
  modelLabel: 'jobs.task',
  verboseName: 'Task',
  app: 'jobs',
  primaryKey: 'uuid',
  columns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Task',
      fields: [
        idField(),
        pkMany('parents'),
        pk('session', { nullable: true }),
        slug('data_repository', 'name'),
        field('status', 'choice', { choiceRepresentation: 'label', openapi: { type: 'string' } }),
        field('name', 'string', { nullable: true }),
        ...smallInts.map((n) => field(n, 'integer', { nullable: true })),
        field('time_elapsed_secs', 'number', { nullable: true }),
        field('executable', 'string', { nullable: true }),
        field('graph', 'string', { nullable: true }),
        field('log', 'string', { nullable: true }),
        field('version', 'string', { nullable: true }),
        field('datetime', 'datetime', { readOnly: true }),
        { name: 'arguments', type: 'json', nullable: true, description: 'dictionary of input arguments' },
      ],
    },
  },
  filters: [
    ...autoFilters(columns, [
      'id',
      'name',
      ...smallInts,
      'time_elapsed_secs',
      'executable',
      'graph',
      'log',
      'session',
      'version',
      'data_repository',
      'parents',
      'datetime',
      'arguments',
    ]),
    lookupFilter('lab', 'string', 'session__lab__name'),
    {
      name: 'status',
      type: 'string',
      description: `Label: ${TASK_STATUS_CHOICES.map((c) => c.label).join(', ')}.`,
      kind: {
        kind: 'custom',
        build: (value) => {
          const stored = choiceValue(TASK_STATUS_CHOICES, value);
          if (stored === undefined) {
            throw new Error(
              `Invalidstatus, choices are: ${TASK_STATUS_CHOICES.map((c) => c.label).join(', ')}`,
            );
          }
          return { sql: 't.status = $?', params: [stored] };
        },
      },
    },
    djangoFilter,
  ],
  ordering: `t.level ASC, t.priority DESC, (SELECT s.start_time FROM ${table('sessions')} s WHERE s.id = t.session) DESC`,
  description: `Lists pipeline tasks (one job on one session) and creates new ones.

**FILTERS**

-   **name**: task name \`/tasks?name=EphysSyncPulses\`
-   **session**: session UUID; **lab**: the session's lab name
-   **status**: label, e.g. \`/tasks?status=Errored\`
-   **graph**: pipeline name \`/tasks?graph=EphysExtractionPipeline\`
-   **django**: generic ORM lookups`,
};
