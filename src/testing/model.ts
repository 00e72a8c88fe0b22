import type { ApiModel, EndpointModel, FieldModel, HttpMethod } from '../api/schema/model.ts';

const CRUD: HttpMethod[] = ['GET', 'PUT', 'PATCH', 'DELETE'];

function field(name: string, extra: Partial<FieldModel> = {}): FieldModel {
  return {
    name,
    kind: 'string',
    required: false,
    readOnly: false,
    writeOnly: false,
    nullable: false,
    ...extra,
  };
}

function testEndpoint(name: string, group: string, extra: Partial<EndpointModel> = {}): EndpointModel {
  const lookupField = extra.lookupField ?? 'id';
  return {
    name,
    group,
    list: { path: `/${name}`, methods: ['GET', 'POST'] },
    detail: { path: `/${name}/{${lookupField}}`, methods: CRUD },
    lookupField,
    filters: [],
    listFields: [field('id', { kind: 'uuid', readOnly: true })],
    detailFields: [field('id', { kind: 'uuid', readOnly: true })],
    browsable: true,
    sources: ['openapi'],
    ...extra,
  };
}

/** A small model across the navigation groups, with one action endpoint. */
export function testApiModel(): ApiModel {
  const endpoints: EndpointModel[] = [
    testEndpoint('subjects', 'subjects', { lookupField: 'nickname' }),
    testEndpoint('surgeries', 'subjects', {
      detail: { path: '/surgeries/{id}', methods: ['GET', 'PUT', 'PATCH'] },
    }),
    testEndpoint('weighings', 'actions'),
    testEndpoint('water-restriction', 'actions', {
      detail: undefined,
      list: { path: '/water-restriction', methods: ['GET'] },
    }),
    testEndpoint('sessions', 'actions', {
      description:
        '**FILTERS**\n\n- **subject**: nickname `/sessions?subject=KS005`\n\n<script>window.hacked = true</script><img src=x onerror="window.hacked=true">',
      filters: [
        {
          name: 'subject',
          kind: 'string',
          relation: { endpoint: 'subjects', lookup: 'nickname', source: 'override' },
        },
        { name: 'date_range', kind: 'string', description: 'two dates, comma-separated' },
        {
          name: 'qc',
          kind: 'choice',
          choices: [
            { value: 'PASS', label: 'Pass' },
            { value: 'FAIL', label: 'Fail' },
          ],
        },
      ],
      detailFields: [
        field('id', { kind: 'uuid', readOnly: true }),
        field('subject', {
          required: true,
          relation: { endpoint: 'subjects', lookup: 'nickname', source: 'override' },
        }),
        field('start_time', { kind: 'datetime', required: true }),
        field('end_time', { kind: 'datetime', nullable: true }),
      ],
    }),
    testEndpoint('datasets', 'data'),
    testEndpoint('dataset-types', 'data', { lookupField: 'name' }),
    testEndpoint('register-file', 'data', {
      list: { path: '/register-file', methods: ['POST'] },
      detail: undefined,
      browsable: false,
    }),
    testEndpoint('insertions', 'experiments'),
    testEndpoint('brain-regions', 'experiments', { lookupKind: 'integer' }),
    testEndpoint('labs', 'misc', { lookupField: 'name' }),
    testEndpoint('users', 'misc', { lookupField: 'username' }),
    testEndpoint('tasks', 'jobs'),
  ];
  return {
    endpoints: Object.fromEntries(endpoints.map((endpoint) => [endpoint.name, endpoint])),
    sources: ['openapi'],
    builtAt: Date.now() - 5 * 60_000,
  };
}
