import {
  USERNAME_HELP,
  autoFilters,
  col,
  field,
  fk,
  idField,
  jsonColumn,
  jsonField,
  slug,
  urlField,
} from './builders.ts';
import { nowNaive } from './sql.ts';
import type { ColumnDeclaration, ResourceDeclaration, WriteContext } from './types.ts';

// The small name-keyed catalogues of the data app: dataset types, formats, repositories,
// repository types, revisions and tags.

const NAME_METHODS = {
  lookupField: 'name',
  listMethods: ['GET', 'POST'],
  detailMethods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  primaryKey: 'uuid',
  app: 'data',
  ordering: 't.name ASC',
} as const;

const datasetTypeColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', {
    maxLength: 255,
    unique: true,
    helpText: "Short identifying nickname, e.g. 'spikes.times'",
  }),
  jsonColumn(),
  fk('created_by', 'users', 'set-null', { default: (ctx: WriteContext) => ctx.userId }),
  col('description', 'string', { maxLength: 1023, blank: true, default: '' }),
  col('filename_pattern', 'string', { maxLength: 255, nullable: true }),
];

export const datasetTypes: ResourceDeclaration = {
  ...NAME_METHODS,
  name: 'dataset-types',
  modelLabel: 'data.datasettype',
  verboseName: 'Dataset type',
  columns: datasetTypeColumns,
  serializers: {
    list: {
      component: 'DatasetType',
      fields: [
        idField(),
        field('name', 'string'),
        slug('created_by', 'username', { nullable: true, description: USERNAME_HELP }),
        field('description', 'string'),
        field('filename_pattern', 'string', { nullable: true }),
      ],
    },
  },
  filters: [],
  description:
    'Lists dataset types (e.g. `spikes.times`) with the ALF filename pattern that identifies them, and creates new ones.',
};

const dataFormatColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true, helpText: "short identifying name, e.g. 'npy'" }),
  jsonColumn(),
  col('description', 'string', { maxLength: 255, blank: true, default: '' }),
  col('file_extension', 'string', { maxLength: 255, helpText: 'file extension, starting with a dot.' }),
  col('matlab_loader_function', 'string', { maxLength: 255, blank: true, default: '' }),
  col('python_loader_function', 'string', { maxLength: 255, blank: true, default: '' }),
];

export const dataFormats: ResourceDeclaration = {
  ...NAME_METHODS,
  name: 'data-formats',
  modelLabel: 'data.dataformat',
  verboseName: 'Data format',
  columns: dataFormatColumns,
  serializers: {
    list: {
      component: 'DataFormat',
      fields: [
        idField(),
        jsonField(),
        field('name', 'string', { required: true }),
        field('description', 'string'),
        field('file_extension', 'string', { required: true, openapi: { pattern: '^\\.[^\\.]+$' } }),
        field('matlab_loader_function', 'string'),
        field('python_loader_function', 'string'),
      ],
    },
  },
  filters: [],
  description: 'Lists file formats (extension and loader functions) and creates new ones.',
};

const repositoryColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true }),
  jsonColumn(),
  col('timezone', 'string', { maxLength: 64, blank: true, default: '' }),
  col('globus_path', 'string', { maxLength: 1000, blank: true, default: '' }),
  col('hostname', 'string', { maxLength: 200, blank: true, default: '' }),
  col('data_url', 'string', { maxLength: 200, nullable: true }),
  fk('repository_type', 'data-repository-type', 'set-null'),
  col('globus_endpoint_id', 'uuid', { nullable: true, helpText: 'UUID of the globus endpoint' }),
  col('globus_is_personal', 'boolean', { nullable: true, default: false }),
];

export const dataRepository: ResourceDeclaration = {
  ...NAME_METHODS,
  name: 'data-repository',
  modelLabel: 'data.datarepository',
  verboseName: 'Data repository',
  columns: repositoryColumns,
  serializers: {
    list: {
      component: 'DataRepository',
      fields: [
        field('name', 'string', { required: true }),
        field('timezone', 'string'),
        field('globus_path', 'string'),
        field('hostname', 'string', { openapi: { pattern: '^[a-zA-Z0-9\\.\\-\\_]+$' } }),
        field('data_url', 'uri', { nullable: true }),
        slug('repository_type', 'name', { nullable: true }),
        field('globus_endpoint_id', 'uuid', { nullable: true }),
        field('globus_is_personal', 'boolean', { nullable: true }),
        jsonField(),
      ],
    },
  },
  // `filterset_fields`: no `django` here.
  filters: autoFilters(repositoryColumns, ['name', 'globus_is_personal', 'globus_endpoint_id']),
  description: `Lists data repositories (servers holding file copies) and creates new ones.

**FILTERS**: **name**, **globus_is_personal**, **globus_endpoint_id** (exact).`,
};

export const dataRepositoryType: ResourceDeclaration = {
  ...NAME_METHODS,
  name: 'data-repository-type',
  modelLabel: 'data.datarepositorytype',
  verboseName: 'Data repository type',
  columns: [col('name', 'string', { maxLength: 255, unique: true }), jsonColumn()],
  serializers: {
    list: {
      component: 'DataRepositoryType',
      fields: [urlField('data-repository-type'), jsonField(), field('name', 'string', { required: true })],
    },
  },
  filters: [],
  description: 'Lists kinds of data repository (e.g. `Fileserver`) and creates new ones.',
};

const revisionColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true, helpText: 'Long name' }),
  jsonColumn(),
  col('description', 'string', { maxLength: 1023, blank: true, default: '' }),
  col('created_datetime', 'datetime', {
    nullable: true,
    default: () => nowNaive(),
    helpText: 'created date',
  }),
];

export const revisions: ResourceDeclaration = {
  ...NAME_METHODS,
  name: 'revisions',
  modelLabel: 'data.revision',
  verboseName: 'Revision',
  columns: revisionColumns,
  serializers: {
    list: {
      component: 'Revision',
      fields: [
        idField(),
        jsonField(),
        field('name', 'string', { openapi: { pattern: '^[\\w.-]+$' } }),
        field('description', 'string'),
        field('created_datetime', 'datetime', { nullable: true }),
      ],
    },
  },
  filters: autoFilters(revisionColumns, ['name']),
  description:
    'Lists dataset revisions (e.g. a spike-sorting version) and creates new ones.\n\n**FILTERS**: **name**.',
};

const tagColumns: readonly ColumnDeclaration[] = [
  col('name', 'string', { maxLength: 255, unique: true, helpText: 'Long name' }),
  jsonColumn(),
  col('description', 'string', { maxLength: 1023, blank: true, default: '' }),
  col('protected', 'boolean', { default: false }),
  col('public', 'boolean', { default: false }),
  col('hash', 'string', {
    maxLength: 64,
    nullable: true,
    helpText: 'Hash of the data buffer, SHA-1 is 40 hex chars, while md5is 32 hex chars',
  }),
];

export const tags: ResourceDeclaration = {
  ...NAME_METHODS,
  name: 'tags',
  modelLabel: 'data.tag',
  verboseName: 'Tag',
  columns: tagColumns,
  serializers: {
    list: {
      component: 'Tag',
      fields: [
        idField(),
        jsonField(),
        field('name', 'string'),
        field('description', 'string'),
        field('protected', 'boolean'),
        field('public', 'boolean'),
        field('hash', 'string', { nullable: true }),
      ],
    },
  },
  filters: autoFilters(tagColumns, ['name']),
  description:
    'Lists dataset tags (a protected tag forbids deleting its datasets; a public tag releases them) and creates new ones.\n\n**FILTERS**: **name**.',
};
