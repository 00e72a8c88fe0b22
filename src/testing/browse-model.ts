/** A small hand-built API model for tests, shaped like the sandbox's sessions/subjects/datasets. */
import type {
  ApiModel,
  EndpointModel,
  FieldKind,
  FieldModel,
  FilterModel,
  RelationTarget,
} from '../api/schema/model.ts';

export function field(name: string, kind: FieldKind, extra: Partial<FieldModel> = {}): FieldModel {
  return { name, kind, required: false, readOnly: false, writeOnly: false, nullable: true, ...extra };
}

export function filter(name: string, kind: FieldKind, relation?: RelationTarget): FilterModel {
  return relation ? { name, kind, relation } : { name, kind };
}

const rel = (endpoint: string, lookup: string): RelationTarget => ({ endpoint, lookup, source: 'override' });

function endpoint(
  name: string,
  lookupField: string,
  fields: FieldModel[],
  filters: FilterModel[],
): EndpointModel {
  return {
    name,
    group: 'other',
    list: { path: `/${name}`, methods: ['GET', 'POST'] },
    detail: { path: `/${name}/{${lookupField}}`, methods: ['GET', 'PATCH', 'PUT', 'DELETE'] },
    lookupField,
    lookupKind: lookupField === 'id' ? 'uuid' : 'string',
    filters: [
      filter('limit', 'integer'),
      filter('offset', 'integer'),
      ...filters,
      filter('django', 'string'),
    ],
    listFields: fields,
    detailFields: fields,
    browsable: true,
    sources: ['openapi'],
  };
}

export function testModel(): ApiModel {
  const endpoints: EndpointModel[] = [
    endpoint(
      'sessions',
      'id',
      [
        field('id', 'uuid', { readOnly: true }),
        field('subject', 'string', { relation: rel('subjects', 'nickname') }),
        field('start_time', 'datetime'),
        field('number', 'integer'),
        field('lab', 'string', { relation: rel('labs', 'name') }),
        field('projects', 'array', { itemKind: 'string', relation: rel('projects', 'name') }),
        field('url', 'url', { readOnly: true }),
        field('task_protocol', 'string'),
        field('qc', 'choice', {
          choices: [
            { value: 'PASS', label: 'PASS' },
            { value: 'FAIL', label: 'FAIL' },
          ],
        }),
        field('parent_session', 'url', { relation: rel('sessions', 'url') }),
        field('json', 'json'),
      ],
      [
        filter('subject', 'string', rel('subjects', 'nickname')),
        filter('lab', 'string', rel('labs', 'name')),
        filter('date_range', 'string'),
        filter('number', 'integer'),
        filter('histology', 'boolean'),
        filter('start_time', 'datetime'),
        filter('qc', 'choice'),
        filter('task_protocol', 'string'),
        filter('id', 'uuid'),
      ],
    ),
    endpoint(
      'subjects',
      'nickname',
      [
        field('nickname', 'string'),
        field('url', 'url', { readOnly: true }),
        field('id', 'uuid', { readOnly: true }),
        field('responsible_user', 'string', { relation: rel('users', 'username') }),
        field('birth_date', 'date'),
        field('alive', 'boolean', { readOnly: true }),
        field('sex', 'choice', {
          choices: [
            { value: 'M', label: 'Male' },
            { value: 'F', label: 'Female' },
          ],
        }),
        field('lab', 'string', { relation: rel('labs', 'name') }),
        field('description', 'text'),
      ],
      [
        filter('nickname', 'string'),
        filter('lab', 'string', rel('labs', 'name')),
        filter('alive', 'boolean'),
      ],
    ),
    endpoint(
      'datasets',
      'id',
      [
        field('url', 'url', { readOnly: true }),
        field('name', 'string'),
        field('created_by', 'string', { relation: rel('users', 'username') }),
        field('dataset_type', 'string', { relation: rel('dataset-types', 'name') }),
        field('collection', 'string'),
        field('session', 'url', { relation: rel('sessions', 'url') }),
        field('file_size', 'integer'),
        field('qc', 'choice'),
        field('file_records', 'array', { itemKind: 'object', readOnly: true }),
      ],
      [
        filter('session', 'uuid', rel('sessions', 'id')),
        filter('subject', 'string', rel('subjects', 'nickname')),
        filter('exists', 'boolean'),
      ],
    ),
    endpoint('labs', 'name', [field('name', 'string'), field('institution', 'string')], []),
    endpoint(
      'users',
      'username',
      [field('id', 'uuid'), field('username', 'string'), field('email', 'email')],
      [],
    ),
    endpoint('projects', 'name', [field('name', 'string'), field('description', 'text')], []),
    endpoint('dataset-types', 'name', [field('id', 'uuid'), field('name', 'string')], []),
    endpoint(
      'weighings',
      'id',
      [
        field('subject', 'string', { relation: rel('subjects', 'nickname') }),
        field('weight', 'number'),
        field('url', 'url'),
      ],
      [filter('subject', 'string', rel('subjects', 'nickname'))],
    ),
  ];
  return {
    endpoints: Object.fromEntries(endpoints.map((e) => [e.name, e])),
    sources: ['openapi'],
    builtAt: 0,
  };
}

export function endpointOf(model: ApiModel, name: string): EndpointModel {
  const found = model.endpoints[name];
  if (!found) throw new Error(`test model has no ${name}`);
  return found;
}
