import type {
  ColumnDeclaration,
  ResourceDeclaration,
  SerializerField,
  WriteContext,
} from '../resources/types.ts';

/** Small declarations exercising every engine feature, independent of the real registry. */
const QC = [
  { value: 50, label: 'CRITICAL' },
  { value: 40, label: 'FAIL' },
  { value: 30, label: 'WARNING' },
  { value: 0, label: 'NOT_SET' },
  { value: 10, label: 'PASS' },
];

const json: ColumnDeclaration = { name: 'json', type: 'json', nullable: true };
const jsonField: SerializerField = { name: 'json', type: 'json', nullable: true };

export const testUsers: ResourceDeclaration = {
  name: 'users',
  modelLabel: 'misc.labmember',
  verboseName: 'Lab member',
  app: 'misc',
  primaryKey: 'uuid',
  lookupField: 'username',
  columns: [
    { name: 'username', type: 'string', unique: true, maxLength: 150 },
    { name: 'password', type: 'string', default: '', secret: true },
    { name: 'email', type: 'string', blank: true, default: '' },
    { name: 'is_superuser', type: 'boolean', default: false, secret: true },
    { name: 'is_public_user', type: 'boolean', default: false },
    { name: 'is_active', type: 'boolean', default: true },
  ],
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'User',
      fields: [
        { name: 'id', type: 'uuid', readOnly: true },
        { name: 'username', type: 'string', required: true },
        { name: 'email', type: 'email' },
      ],
    },
  },
  filters: [{ name: 'username', type: 'string', kind: { kind: 'lookup', field: 'username' } }],
  ordering: 't.username',
};

export const testLabs: ResourceDeclaration = {
  name: 'labs',
  modelLabel: 'misc.lab',
  verboseName: 'Lab',
  app: 'misc',
  primaryKey: 'uuid',
  lookupField: 'name',
  columns: [
    { name: 'name', type: 'string', unique: true, maxLength: 255 },
    { name: 'timezone', type: 'string', blank: true, default: '' },
    json,
  ],
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Lab',
      fields: [
        { name: 'name', type: 'string', required: true },
        { name: 'timezone', type: 'string' },
        jsonField,
      ],
    },
  },
  filters: [{ name: 'name', type: 'string', kind: { kind: 'lookup', field: 'name', lookup: 'icontains' } }],
};

export const testProjects: ResourceDeclaration = {
  name: 'projects',
  modelLabel: 'subjects.project',
  verboseName: 'Project',
  app: 'subjects',
  primaryKey: 'uuid',
  lookupField: 'name',
  columns: [
    { name: 'name', type: 'string', unique: true },
    { name: 'users', type: 'uuid', manyToMany: { target: 'users' }, default: [] },
  ],
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Project',
      fields: [
        { name: 'name', type: 'string', required: true },
        { name: 'users', type: 'array', items: 'string', relation: { kind: 'slug', slugField: 'username' } },
      ],
    },
  },
  filters: [],
};

export const testSubjects: ResourceDeclaration = {
  name: 'subjects',
  modelLabel: 'subjects.subject',
  verboseName: 'Subject',
  app: 'subjects',
  primaryKey: 'uuid',
  lookupField: 'nickname',
  columns: [
    { name: 'nickname', type: 'string', maxLength: 64 },
    { name: 'lab', type: 'uuid', foreignKey: { target: 'labs', onDelete: 'protect' } },
    {
      name: 'responsible_user',
      type: 'uuid',
      foreignKey: { target: 'users', onDelete: 'protect' },
      default: (ctx: WriteContext) => ctx.userId,
    },
    { name: 'projects', type: 'uuid', manyToMany: { target: 'projects' }, default: [] },
    { name: 'birth_date', type: 'date', nullable: true },
    { name: 'weight', type: 'float', nullable: true },
    { name: 'litter_size', type: 'integer', nullable: true },
    { name: 'alive_flag', type: 'boolean', default: true },
    {
      name: 'sex',
      type: 'string',
      maxLength: 1,
      blank: true,
      default: 'U',
      choices: [
        { value: 'M', label: 'Male' },
        { value: 'F', label: 'Female' },
        { value: 'U', label: 'Unknown' },
      ],
    },
    json,
  ],
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  uniqueTogether: [['lab', 'nickname']],
  serializers: {
    list: {
      component: 'SubjectList',
      fields: [
        { name: 'nickname', type: 'string', required: true },
        { name: 'url', type: 'uri', readOnly: true },
        { name: 'id', type: 'uuid', readOnly: true },
        { name: 'lab', type: 'string', relation: { kind: 'slug', slugField: 'name' }, required: true },
        { name: 'responsible_user', type: 'string', relation: { kind: 'slug', slugField: 'username' } },
        { name: 'projects', type: 'array', items: 'string', relation: { kind: 'slug', slugField: 'name' } },
        { name: 'birth_date', type: 'date', nullable: true },
        { name: 'weight', type: 'number', nullable: true },
        { name: 'litter_size', type: 'integer', nullable: true },
        { name: 'alive_flag', type: 'boolean' },
        { name: 'sex', type: 'choice', choiceRepresentation: 'value' },
        { name: 'lab_timezone', type: 'string', source: 'lab.timezone', readOnly: true },
        jsonField,
      ],
    },
  },
  filters: [
    { name: 'nickname', type: 'string', kind: { kind: 'lookup', field: 'nickname' } },
    { name: 'lab', type: 'string', kind: { kind: 'lookup', field: 'lab__name', lookup: 'iexact' } },
    { name: 'id', type: 'uuid', kind: { kind: 'lookup', field: 'id' } },
    { name: 'litter_size', type: 'integer', kind: { kind: 'lookup', field: 'litter_size' } },
    { name: 'alive_flag', type: 'boolean', kind: { kind: 'lookup', field: 'alive_flag' } },
    {
      name: 'projects',
      type: 'array',
      items: 'uuid',
      kind: { kind: 'lookup', field: 'projects', lookup: 'in' },
    },
    { name: 'django', type: 'string', kind: { kind: 'django' } },
  ],
  ordering: 't.nickname',
};

export const testSessions: ResourceDeclaration = {
  name: 'sessions',
  modelLabel: 'actions.session',
  verboseName: 'Session',
  app: 'actions',
  primaryKey: 'uuid',
  lookupField: 'id',
  columns: [
    { name: 'subject', type: 'uuid', foreignKey: { target: 'subjects', onDelete: 'cascade' } },
    { name: 'start_time', type: 'datetime', nullable: true },
    { name: 'number', type: 'integer', nullable: true },
    { name: 'qc', type: 'integer', default: 0, choices: QC },
    { name: 'extended_qc', type: 'json', nullable: true },
    { name: 'users', type: 'uuid', manyToMany: { target: 'users' }, default: [] },
    {
      name: 'parent_session',
      type: 'uuid',
      nullable: true,
      foreignKey: { target: 'sessions', onDelete: 'set-null' },
    },
    { name: 'task_protocol', type: 'string', blank: true, default: '' },
    json,
  ],
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'SessionList',
      fields: [
        { name: 'id', type: 'uuid', readOnly: true },
        {
          name: 'subject',
          type: 'string',
          relation: { kind: 'slug', slugField: 'nickname' },
          required: true,
        },
        { name: 'start_time', type: 'datetime' },
        { name: 'number', type: 'integer' },
        {
          name: 'lab',
          type: 'string',
          source: 'subject.lab',
          relation: { kind: 'slug', slugField: 'name' },
          readOnly: true,
        },
        { name: 'url', type: 'uri', readOnly: true },
      ],
    },
    detail: {
      component: 'SessionDetail',
      fields: [
        { name: 'id', type: 'uuid', readOnly: true },
        {
          name: 'subject',
          type: 'string',
          relation: { kind: 'slug', slugField: 'nickname' },
          required: true,
        },
        { name: 'users', type: 'array', items: 'string', relation: { kind: 'slug', slugField: 'username' } },
        { name: 'start_time', type: 'datetime' },
        { name: 'number', type: 'integer' },
        { name: 'qc', type: 'choice', choiceRepresentation: 'label' },
        { name: 'extended_qc', type: 'json', nullable: true },
        { name: 'parent_session', type: 'uri', relation: { kind: 'hyperlink' }, nullable: true },
        { name: 'task_protocol', type: 'string' },
        { name: 'url', type: 'uri', readOnly: true },
        jsonField,
        {
          name: 'explode',
          type: 'string',
          readOnly: true,
          compute: (row) => {
            if (row.task_protocol === 'explode-on-render') throw new Error('render failed on purpose');
            return null;
          },
        },
      ],
    },
  },
  filters: [
    {
      name: 'subject',
      type: 'string',
      kind: { kind: 'lookup', field: 'subject__nickname', lookup: 'iexact' },
    },
    {
      name: 'users',
      type: 'string',
      kind: { kind: 'lookup', field: 'users__username', commaList: true, all: true },
    },
    { name: 'date_range', type: 'string', kind: { kind: 'date_range', field: 'start_time' } },
    { name: 'qc', type: 'string', kind: { kind: 'lookup', field: 'qc' } },
    { name: 'extended_qc', type: 'string', kind: { kind: 'json', field: 'extended_qc' } },
    { name: 'json', type: 'string', kind: { kind: 'json', field: 'json' } },
    { name: 'id', type: 'uuid', kind: { kind: 'lookup', field: 'id' } },
    {
      name: 'number_gte',
      type: 'integer',
      kind: {
        kind: 'custom',
        build: (value, helpers) => {
          const inner = helpers.lookup('number__gte', Number(value));
          return { sql: `(${inner.sql}) AND t.number IS NOT NULL`, params: inner.params };
        },
      },
    },
    { name: 'django', type: 'string', kind: { kind: 'django' } },
  ],
  ordering: 't.start_time DESC',
};

export const testBrainRegions: ResourceDeclaration = {
  name: 'brain-regions',
  modelLabel: 'experiments.brainregion',
  verboseName: 'brain region',
  app: 'experiments',
  primaryKey: 'integer',
  lookupField: 'id',
  columns: [
    { name: 'acronym', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'description', type: 'text', nullable: true },
    {
      name: 'parent',
      type: 'integer',
      nullable: true,
      foreignKey: { target: 'brain-regions', onDelete: 'set-null' },
    },
  ],
  listMethods: ['GET'],
  detailMethods: ['GET', 'PUT', 'PATCH'],
  serializers: {
    list: {
      component: 'BrainRegion',
      fields: [
        { name: 'id', type: 'integer', readOnly: true },
        { name: 'acronym', type: 'string', readOnly: true },
        { name: 'name', type: 'string', readOnly: true },
        { name: 'description', type: 'string', nullable: true },
        { name: 'parent', type: 'integer', relation: { kind: 'pk' }, readOnly: true },
      ],
    },
  },
  filters: [
    { name: 'acronym', type: 'string', kind: { kind: 'lookup', field: 'acronym', lookup: 'iexact' } },
  ],
  ordering: 't.id',
};

export const testResources: readonly ResourceDeclaration[] = [
  testUsers,
  testLabs,
  testProjects,
  testSubjects,
  testSessions,
  testBrainRegions,
];
