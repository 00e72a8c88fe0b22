import {
  NICKNAME_HELP,
  USERNAME_HELP,
  autoFilters,
  col,
  dateRangeFilter,
  djangoFilter,
  field,
  fk,
  idField,
  jsonColumn,
  jsonField,
  lookupFilter,
  m2m,
  nameColumn,
  pk,
  pkMany,
  slug,
  urlField,
} from './builders.ts';
import { OUTCOME_TYPE_CHOICES } from './choices.ts';
import { nowNaive } from './sql.ts';
import { baseActionColumns } from './base-action.ts';
import type { ColumnDeclaration, FilterDeclaration, ResourceDeclaration, WriteContext } from './types.ts';

// Weighings, water administrations, water restrictions, water types, surgeries and procedure
// types (Alyx's `actions` app, minus sessions).

const currentUser = (ctx: WriteContext) => ctx.userId;

/**
 * BaseActionFilter's shared filters. Alyx also attaches `users`, `lab`, `location` and
 * `date_range` to weighings and water administrations whose models lack those fields (a 500
 * there); the sandbox maps them to the nearest sensible field instead (`userPath`, subject's lab).
 */
function actionFilters(
  dateField: string,
  userPath: string,
  labPath: string,
  locationPath?: string,
): FilterDeclaration[] {
  return [
    lookupFilter('subject', 'string', 'subject__nickname'),
    lookupFilter('nickname', 'string', 'subject__nickname'),
    {
      name: 'users',
      type: 'string',
      description: 'Comma-separated usernames; all must be involved.',
      kind: { kind: 'lookup', field: userPath, lookup: 'exact', all: true, commaList: true },
    },
    lookupFilter('lab', 'string', labPath, 'iexact'),
    locationPath
      ? lookupFilter('location', 'string', locationPath, 'icontains')
      : {
          name: 'location',
          type: 'string',
          kind: { kind: 'custom', build: () => ({ sql: 'FALSE', params: [] }) },
        },
    dateRangeFilter(dateField),
    djangoFilter,
  ];
}

const weighingColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('subject', 'subjects', 'cascade', { relatedName: 'weighings' }),
  col('date_time', 'datetime', { nullable: true, default: () => nowNaive() }),
  col('weight', 'float', { helpText: 'Weight in grams' }),
  fk('user', 'users', 'set-null', { default: currentUser }),
];

export const weighings: ResourceDeclaration = {
  name: 'weighings',
  modelLabel: 'actions.weighing',
  verboseName: 'Weighing',
  app: 'actions',
  primaryKey: 'uuid',
  columns: weighingColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'DELETE'],
  serializers: {
    list: {
      component: 'WeighingDetail',
      fields: [
        slug('subject', 'nickname', { required: true, description: NICKNAME_HELP }),
        field('date_time', 'datetime', { nullable: true }),
        field('weight', 'number', { required: true, openapi: { minimum: 0 } }),
        slug('user', 'username', { description: USERNAME_HELP }),
        urlField('weighings'),
      ],
    },
  },
  filters: [
    ...autoFilters(weighingColumns, ['id', 'name', 'json', 'date_time', 'weight', 'user']),
    ...actionFilters('date_time', 'user__username', 'subject__lab__name'),
  ],
  description:
    'Lists weighings of subjects (grams) and records new ones. Rows carry no `id`: use the last segment of `url`.',
  detailDescription: 'One weighing; it can be viewed and deleted.',
};

const waterAdminColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('subject', 'subjects', 'cascade', { relatedName: 'water_administrations' }),
  col('date_time', 'datetime', { nullable: true, default: () => nowNaive() }),
  col('water_administered', 'float', { nullable: true, helpText: 'Water administered, in milliliters' }),
  fk('water_type', 'water-type', 'set-null'),
  fk('user', 'users', 'set-null', { default: currentUser }),
  fk('session', 'sessions', 'set-null', { relatedName: 'wateradmin_session_related' }),
  col('adlib', 'boolean', { default: false }),
];

export const waterAdministrations: ResourceDeclaration = {
  name: 'water-administrations',
  modelLabel: 'actions.wateradministration',
  verboseName: 'Water administration',
  app: 'actions',
  primaryKey: 'uuid',
  columns: waterAdminColumns,
  lookupField: 'id',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  serializers: {
    list: {
      component: 'WaterAdministrationDetail',
      fields: [
        slug('subject', 'nickname', { required: true, description: NICKNAME_HELP }),
        field('date_time', 'datetime', { nullable: true }),
        field('water_administered', 'number', { nullable: true, openapi: { minimum: 0 } }),
        slug('water_type', 'name'),
        slug('user', 'username', { description: USERNAME_HELP }),
        urlField('water-administrations'),
        pk('session'),
        field('adlib', 'boolean'),
      ],
    },
  },
  filters: [
    ...autoFilters(waterAdminColumns, [
      'id',
      'name',
      'json',
      'date_time',
      'water_administered',
      'water_type',
      'user',
      'session',
      'adlib',
    ]),
    ...actionFilters('date_time', 'user__username', 'subject__lab__name'),
  ],
  description:
    'Lists water given to subjects (mL) and records new administrations. Rows carry no `id`: use `url`.',
  detailDescription: 'One water administration: view, update or delete it.',
};

const restrictionColumns: readonly ColumnDeclaration[] = [
  nameColumn(),
  jsonColumn(),
  fk('subject', 'subjects', 'cascade', { relatedName: 'actions_waterrestrictions' }),
  m2m('users', 'users'),
  fk('location', 'locations', 'set-null'),
  m2m('procedures', 'procedures'),
  fk('lab', 'labs', 'set-null'),
  col('narrative', 'text', { blank: true, default: '' }),
  col('start_time', 'datetime', { nullable: true }),
  col('end_time', 'datetime', { nullable: true }),
  col('reference_weight', 'float', { default: 0, helpText: 'Weight in grams' }),
  fk('water_type', 'water-type', 'set-null'),
];

export const waterRestriction: ResourceDeclaration = {
  name: 'water-restriction',
  modelLabel: 'actions.waterrestriction',
  verboseName: 'Water restriction',
  app: 'actions',
  primaryKey: 'uuid',
  columns: restrictionColumns,
  listMethods: ['GET'],
  detailMethods: [],
  serializers: {
    list: {
      component: 'WaterRestrictionList',
      fields: [
        slug('subject', 'nickname', { readOnly: true, description: NICKNAME_HELP }),
        field('start_time', 'datetime', { nullable: true }),
        field('end_time', 'datetime', { nullable: true }),
        slug('water_type', 'name', { readOnly: true }),
        field('reference_weight', 'number', { openapi: { minimum: 0 } }),
      ],
    },
  },
  filters: [
    ...autoFilters(restrictionColumns, [
      'id',
      'name',
      'json',
      'narrative',
      'start_time',
      'end_time',
      'procedures',
      'reference_weight',
      'water_type',
    ]),
    ...actionFilters('start_time', 'users__username', 'lab__name', 'location__name'),
  ],
  ordering: 't.end_time DESC, t.start_time DESC',
  description:
    'Lists water restrictions (list only; rows have neither `id` nor `url`). An open restriction has no `end_time`.',
};

export const waterType: ResourceDeclaration = {
  name: 'water-type',
  modelLabel: 'actions.watertype',
  verboseName: 'Water type',
  app: 'actions',
  primaryKey: 'uuid',
  columns: [col('name', 'string', { maxLength: 128, unique: true }), jsonColumn()],
  lookupField: 'name',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'POST'],
  serializers: {
    list: {
      component: 'WaterTypeDetail',
      fields: [urlField('water-type'), jsonField(), field('name', 'string', { required: true })],
    },
  },
  filters: [],
  quirks: { detailIsList: true },
  description:
    'Lists water types (e.g. `Water 10% Sucrose`) and creates new ones. Alyx routes `/water-type/{name}` to this same list view.',
};

const surgeryColumns: readonly ColumnDeclaration[] = [
  ...baseActionColumns({
    relatedName: 'actions_surgerys',
    locationHelp: 'The physical location at which the surgery was performed',
  }),
  col('outcome_type', 'string', { maxLength: 1, choices: OUTCOME_TYPE_CHOICES, blank: true, default: '' }),
  col('implant_weight', 'float', { default: 0, helpText: 'Implant weight in grams' }),
];

export const surgeries: ResourceDeclaration = {
  name: 'surgeries',
  modelLabel: 'actions.surgery',
  verboseName: 'Surgery',
  app: 'actions',
  primaryKey: 'uuid',
  columns: surgeryColumns,
  lookupField: 'id',
  listMethods: ['GET'],
  detailMethods: ['GET', 'PUT', 'PATCH'],
  serializers: {
    list: {
      component: 'Surgery',
      fields: [
        idField(),
        slug('subject', 'nickname', { required: true, description: NICKNAME_HELP }),
        field('name', 'string'),
        jsonField(),
        field('narrative', 'string'),
        field('start_time', 'datetime', { nullable: true }),
        field('end_time', 'datetime', { nullable: true }),
        field('outcome_type', 'choice', { choiceRepresentation: 'value' }),
        field('implant_weight', 'number', { required: true, openapi: { minimum: 0 } }),
        pk('lab', { nullable: true }),
        pk('location', { nullable: true }),
        pkMany('users'),
        pkMany('procedures'),
      ],
    },
  },
  filters: [
    ...autoFilters(surgeryColumns, [
      'id',
      'name',
      'json',
      'narrative',
      'start_time',
      'end_time',
      'outcome_type',
      'implant_weight',
      'procedures',
    ]),
    lookupFilter('procedure', 'string', 'procedures__name', 'icontains'),
    ...actionFilters('start_time', 'users__username', 'lab__name', 'location__name'),
  ],
  ordering: 't.start_time DESC',
  description: `Lists surgeries. Relations are UUIDs here (\`lab\`, \`location\`, \`users\`, \`procedures\`), unlike sessions.

**FILTERS**: **subject** (nickname), **procedure** (name, icontains), **users**, **lab**, **location**, **date_range**, **django**.`,
  detailDescription: 'Allows viewing of full detail and update of a surgery.',
};

export const procedures: ResourceDeclaration = {
  name: 'procedures',
  modelLabel: 'actions.proceduretype',
  verboseName: 'Procedure type',
  app: 'actions',
  primaryKey: 'uuid',
  columns: [
    col('name', 'string', { maxLength: 255, unique: true, helpText: 'Long name' }),
    jsonColumn(),
    col('description', 'text', {
      blank: true,
      default: '',
      helpText: 'Detailed description of the procedure',
    }),
  ],
  listMethods: ['GET', 'POST'],
  detailMethods: [],
  serializers: {
    list: {
      component: 'ProcedureType',
      fields: [
        idField(),
        field('name', 'string', { required: true }),
        jsonField(),
        field('description', 'string'),
      ],
    },
  },
  filters: [],
  description:
    'Lists procedure types (what can be done to a subject during an action) and creates new ones. No detail route.',
};
