import type { JsonSchema } from './components.ts';

const NAME = { type: 'string', description: 'Long name', maxLength: 255 };
const UUID_RO = { type: 'string', format: 'uuid', readOnly: true };

/**
 * Components of nested, read-only shapes that are not an endpoint's serializer: the embedded
 * datasets and water administrations of a session, a dataset's file records, a genotype entry,
 * and the token exchange.
 */
export const NESTED_COMPONENTS: Record<string, JsonSchema> = {
  AuthToken: {
    type: 'object',
    properties: {
      username: { type: 'string', writeOnly: true },
      password: { type: 'string', writeOnly: true },
      token: { type: 'string', readOnly: true },
    },
    required: ['password', 'token', 'username'],
  },
  DatasetFileRecords: {
    type: 'object',
    properties: {
      id: UUID_RO,
      data_repository: { type: 'string' },
      data_repository_path: { type: 'string', readOnly: true },
      relative_path: { type: 'string', description: 'path name within repository', maxLength: 1000 },
      data_url: { type: 'string', readOnly: true },
      exists: { type: 'boolean', description: 'Whether the file exists in the data repository' },
    },
    required: ['data_repository', 'data_repository_path', 'data_url', 'id', 'relative_path'],
  },
  SessionDatasets: {
    type: 'object',
    properties: {
      id: UUID_RO,
      name: NAME,
      dataset_type: { type: 'string', description: "Short identifying nickname, e.g. 'spikes.times'" },
      data_url: { type: 'string', readOnly: true },
      url: { type: 'string', format: 'uri', readOnly: true },
      file_size: { type: 'integer', format: 'int64', nullable: true, description: 'Size in bytes' },
      hash: { type: 'string', maxLength: 64 },
      version: { type: 'string', maxLength: 64 },
      collection: { type: 'string', maxLength: 255 },
      revision: { type: 'string', format: 'uuid', nullable: true },
      default_revision: { type: 'string' },
      qc: { type: 'string' },
    },
    required: ['data_url', 'dataset_type', 'default_revision', 'id', 'name', 'url'],
  },
  SessionWaterAdmin: {
    type: 'object',
    properties: {
      id: UUID_RO,
      name: NAME,
      water_type: { type: 'string' },
      water_administered: {
        type: 'number',
        format: 'double',
        minimum: 0,
        nullable: true,
        description: 'Water administered, in milliliters',
      },
    },
    required: ['id'],
  },
  ZygosityList: {
    type: 'object',
    properties: {
      allele: { type: 'string', description: 'informal name in lab, e.g. Pvalb-Cre' },
      zygosity: { $ref: '#/components/schemas/ZygosityEnum' },
    },
    required: ['zygosity'],
  },
  ZygosityEnum: {
    enum: [0, 1, 2, 3],
    type: 'integer',
    description: '* `0` - Absent\n* `1` - Heterozygous\n* `2` - Homozygous\n* `3` - Present',
  },
};
