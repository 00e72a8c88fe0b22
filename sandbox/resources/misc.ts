import {
  USERNAME_HELP,
  autoFilters,
  batched,
  col,
  djangoFilter,
  field,
  fk,
  idField,
  jsonColumn,
  jsonField,
  m2m,
  nameColumn,
  slug,
  slugMany,
} from './builders.ts';
import { LIGHT_CYCLE_CHOICES } from './choices.ts';
import { idArraySql, nowNaive, perRow, table } from './sql.ts';
import type { ColumnDeclaration, FilterDeclaration, ResourceDeclaration, WriteContext } from './types.ts';

const TIMEZONE_HELP =
  'Timezone of the server (see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)';
const WEIGHT_PCT_HELP =
  'The minimum mouse weight is a linear combination of the reference weight and the zscore weight.';

const userColumns: readonly ColumnDeclaration[] = [
  // Django password hash (`pbkdf2_sha256$…`); never serialized, never filterable (ADR 0011).
  col('password', 'string', { maxLength: 128, default: '', secret: true }),
  col('last_login', 'datetime', { nullable: true, secret: true }),
  col('is_superuser', 'boolean', { default: false, secret: true }),
  col('username', 'string', { maxLength: 150, unique: true, helpText: USERNAME_HELP }),
  col('first_name', 'string', { maxLength: 150, blank: true, default: '' }),
  col('last_name', 'string', { maxLength: 150, blank: true, default: '' }),
  col('email', 'string', { maxLength: 254, blank: true, default: '' }),
  col('is_staff', 'boolean', { default: false, secret: true }),
  col('is_active', 'boolean', { default: true }),
  col('date_joined', 'datetime', { default: () => nowNaive() }),
  // Django auth groups and permissions (integer ids) — no endpoint; kept as JSON arrays.
  col('groups', 'json', { default: [], secret: true }),
  col('user_permissions', 'json', { default: [], secret: true }),
  col('is_public_user', 'boolean', { default: false }),
  col('is_stock_manager', 'boolean', { default: false }),
  m2m('allowed_users', 'users'),
  // Alyx derives "current labs" from LabMembership rows; the sandbox stores them directly.
  m2m('lab', 'labs'),
];

/** Declared like Alyx's `groups`/`user_permissions` filters, but refused: privilege columns (ADR 0011). */
function refusedArrayFilter(name: string): FilterDeclaration {
  return {
    name,
    type: 'array',
    openapiSchema: { type: 'array', items: { type: 'integer' } },
    kind: { kind: 'custom', build: (value, helpers) => helpers.lookup(`${name}__contains`, value) },
  };
}

export const users: ResourceDeclaration = {
  name: 'users',
  modelLabel: 'misc.labmember',
  verboseName: 'Lab member',
  app: 'misc',
  primaryKey: 'uuid',
  columns: userColumns,
  lookupField: 'username',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'User',
      fields: [
        idField(),
        field('username', 'string', { required: true, openapi: { pattern: '^[\\w.@+-]+$' } }),
        field('email', 'email', { openapi: { title: 'Email address' } }),
        field('subjects_responsible', 'array', {
          items: 'string',
          required: true,
          ...batched((rows, ctx) =>
            perRow(
              rows,
              ctx,
              `SELECT responsible_user AS id, array_agg(nickname ORDER BY nickname) AS names
               FROM ${table('subjects')} WHERE responsible_user = ANY(${idArraySql('$1')}) GROUP BY responsible_user`,
              (r) => (Array.isArray(r.names) ? r.names : []),
              () => [],
            ),
          ),
        }),
        slugMany('lab', 'name', { readOnly: true, openapi: { type: 'string', readOnly: true } }),
        slugMany('allowed_users', 'username', { required: true }),
        field('is_stock_manager', 'boolean'),
      ],
    },
  },
  filters: [
    ...autoFilters(userColumns, [
      'id',
      'password',
      'last_login',
      'is_superuser',
      'username',
      'first_name',
      'last_name',
      'email',
      'is_staff',
      'is_active',
      'date_joined',
      'is_public_user',
      'is_stock_manager',
      'allowed_users',
    ]),
    refusedArrayFilter('groups'),
    refusedArrayFilter('user_permissions'),
    djangoFilter,
  ],
  ordering: 't.username ASC',
  description: `Lists lab members (users) and creates new ones.

**FILTERS**: every user field, exact (\`/users?username=olivier\`, \`/users?is_stock_manager=true\`), and **django**.`,
};

const labColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true }),
  jsonColumn(),
  col('institution', 'string', { maxLength: 255, blank: true, default: '' }),
  col('address', 'string', { maxLength: 255, blank: true, default: '' }),
  col('timezone', 'string', { maxLength: 64, blank: true, default: '', helpText: TIMEZONE_HELP }),
  col('reference_weight_pct', 'float', { default: 0, helpText: WEIGHT_PCT_HELP }),
  col('zscore_weight_pct', 'float', { default: 0, helpText: WEIGHT_PCT_HELP }),
  // Husbandry settings: models without endpoints, kept as plain pks/values.
  col('cage_type', 'uuid', { nullable: true }),
  col('enrichment', 'uuid', { nullable: true }),
  col('food', 'uuid', { nullable: true }),
  col('cage_cleaning_frequency_days', 'integer', { nullable: true }),
  col('light_cycle', 'integer', { nullable: true, choices: LIGHT_CYCLE_CHOICES }),
  m2m('repositories', 'data-repository'),
];

export const labs: ResourceDeclaration = {
  name: 'labs',
  modelLabel: 'misc.lab',
  verboseName: 'Lab',
  app: 'misc',
  primaryKey: 'uuid',
  columns: labColumns,
  lookupField: 'name',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Lab',
      fields: [
        field('name', 'string', { required: true, openapi: { pattern: '^\\w+$' } }),
        field('institution', 'string'),
        field('address', 'string'),
        field('timezone', 'string'),
        slugMany('repositories', 'name'),
        field('reference_weight_pct', 'number'),
        field('zscore_weight_pct', 'number'),
        jsonField(),
      ],
    },
  },
  filters: [
    ...autoFilters(labColumns, [
      'id',
      'name',
      'institution',
      'address',
      'timezone',
      'reference_weight_pct',
      'zscore_weight_pct',
      'cage_type',
      'enrichment',
      'food',
      'cage_cleaning_frequency_days',
      'light_cycle',
      'repositories',
    ]),
    djangoFilter,
  ],
  description:
    'Lists labs and creates new ones.\n\n**FILTERS**: every lab field, exact (`/labs?name=cortexlab`), and **django**.',
};

const projectColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true }),
  jsonColumn(),
  col('description', 'string', {
    maxLength: 1023,
    blank: true,
    default: '',
    helpText: 'Description of the project',
  }),
  m2m('users', 'users'),
];

export const projects: ResourceDeclaration = {
  name: 'projects',
  modelLabel: 'subjects.project',
  verboseName: 'Project',
  app: 'subjects',
  primaryKey: 'uuid',
  columns: projectColumns,
  lookupField: 'name',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Project',
      fields: [
        field('name', 'string', { required: true }),
        field('description', 'string'),
        slugMany('users', 'username', {
          openapi: { type: 'array', items: { type: 'string', description: USERNAME_HELP } },
        }),
      ],
    },
  },
  filters: [],
  description: 'Lists projects and creates new ones. No filters.',
};

const locationColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true, helpText: 'Long name' }),
  jsonColumn(),
  fk('lab', 'labs', 'set-null'),
];

export const locations: ResourceDeclaration = {
  name: 'locations',
  modelLabel: 'misc.lablocation',
  verboseName: 'Lab location',
  app: 'misc',
  primaryKey: 'uuid',
  columns: locationColumns,
  lookupField: 'name',
  listMethods: ['GET'],
  detailMethods: ['GET', 'PUT', 'PATCH'],
  serializers: {
    list: {
      component: 'LabLocation',
      fields: [field('name', 'string', { required: true }), slug('lab', 'name'), jsonField()],
    },
  },
  filters: [],
  description: 'Lists lab locations (rooms where actions happen).',
  detailDescription: 'Full detail of one lab location, by name.',
};

const noteColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('user', 'users', 'cascade', { default: (ctx: WriteContext) => ctx.userId }),
  col('date_time', 'datetime', { default: () => nowNaive() }),
  col('content_type', 'string', {
    helpText: 'Django model label of the annotated object, e.g. `actions.session`',
  }),
  col('object_id', 'uuid', {
    helpText: 'UUID, an object of content_type with this ID must already exist to attach a note.',
  }),
  col('text', 'text', {
    blank: true,
    default: '',
    helpText: 'String, content of the note or description of the image.',
  }),
  col('image', 'string', { nullable: true, maxLength: 255 }),
];

export const notes: ResourceDeclaration = {
  name: 'notes',
  modelLabel: 'misc.note',
  verboseName: 'Note',
  app: 'misc',
  primaryKey: 'uuid',
  columns: noteColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'Note',
      fields: [
        idField(),
        slug('user', 'username', { required: true, description: USERNAME_HELP }),
        field('date_time', 'datetime'),
        field('content_type', 'string', { required: true, openapi: { title: 'Python model class name' } }),
        field('object_id', 'uuid', { required: true }),
        field('text', 'string'),
        field('image', 'uri', {
          compute: (row, ctx) =>
            typeof row.image === 'string' && row.image ? `${ctx.baseUrl}/uploaded/${row.image}` : null,
          openapi: { type: 'string', format: 'uri' },
        }),
        jsonField(),
      ],
    },
  },
  filters: [djangoFilter],
  description: `Notes attached to any object (\`content_type\` + \`object_id\`), e.g. a session.

**FILTERS**: **django** only, e.g. \`/notes?django=object_id,<uuid>\`.`,
};
