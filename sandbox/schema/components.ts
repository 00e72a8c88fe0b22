import type {
  ColumnDeclaration,
  ResourceDeclaration,
  Serializer,
  SerializerField,
  WireType,
} from '../resources/types.ts';

export type JsonSchema = Record<string, unknown>;

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The model column behind a serializer field, when it reads one directly. */
export function columnOf(
  resource: ResourceDeclaration,
  field: SerializerField,
): ColumnDeclaration | undefined {
  const source = field.source ?? field.name;
  if (source.includes('.')) return undefined;
  return resource.columns.find((c) => c.name === source);
}

/** `sex` → `SexEnum`, `outcome_type` → `OutcomeTypeEnum` (drf-spectacular's naming). */
export function enumComponentName(fieldName: string): string {
  return `${fieldName
    .split('_')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')}Enum`;
}

function scalar(type: WireType): JsonSchema {
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'number':
      return { type: 'number', format: 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'uri':
      return { type: 'string', format: 'uri' };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'json':
      return {};
    case 'choice':
      return { type: 'string' };
    case 'array':
      return { type: 'array', items: {} };
    case 'object':
      return { type: 'object' };
  }
}

const INT32 = { minimum: -2147483648, maximum: 2147483647 } as const;
const INT16 = { minimum: -32768, maximum: 32767 } as const;

/**
 * Django integer fields whose size drf-spectacular turns into `minimum`/`maximum` (IntegerField,
 * SmallIntegerField, integer primary keys behind a related field). Column declarations do not
 * carry Django's field class; serializer fields Alyx declares by hand (a dataset's `file_size`,
 * `number`) have no bounds and are not listed.
 */
const INTEGER_BOUNDS: Record<string, Record<string, { minimum: number; maximum: number }>> = {
  sessions: { number: INT32, n_correct_trials: INT32, n_trials: INT32 },
  tasks: Object.fromEntries(
    ['priority', 'io_charge', 'level', 'gpu', 'cpu', 'ram', 'time_out_secs'].map((n) => [n, INT16]),
  ),
  channels: { brain_region: INT32 },
};

/** OpenAPI schema of one serializer field, drf-spectacular style. */
export function fieldSchema(resource: ResourceDeclaration, field: SerializerField): JsonSchema {
  const column = columnOf(resource, field);
  let schema: JsonSchema;
  if (field.type === 'array') {
    schema = { type: 'array', items: field.items ? scalar(field.items) : {} };
  } else if (field.type === 'choice' && field.choiceRepresentation === 'value' && column?.choices) {
    const ref = REF(enumComponentName(field.name));
    schema = column.blank ? { oneOf: [ref, REF('BlankEnum')] } : ref;
  } else {
    schema = scalar(field.type);
  }
  if (field.readOnly) schema.readOnly = true;
  if (field.writeOnly) schema.writeOnly = true;
  // DRF related fields are nullable only when the serializer says so, whatever the FK allows.
  const nullable = field.nullable ?? (!field.compute && !field.relation && column?.nullable);
  if (nullable) schema.nullable = true;
  // EmailField and URLField are CharFields too: their max_length shows the same way.
  const isPlainString =
    (field.type === 'string' || field.type === 'email' || field.type === 'uri') &&
    !field.relation &&
    !field.compute;
  if (isPlainString && column?.maxLength && !field.readOnly) schema.maxLength = column.maxLength;
  const bounds =
    field.type === 'integer' && !field.readOnly ? INTEGER_BOUNDS[resource.name]?.[field.name] : undefined;
  if (bounds) Object.assign(schema, bounds);
  const description = field.description ?? (field.relation ? undefined : column?.helpText);
  if (description) schema.description = description;
  for (const [key, value] of Object.entries(field.openapi ?? {})) {
    if (value === undefined) delete schema[key];
    else schema[key] = value;
  }
  return schema;
}

/** Fields required in the component: read-only ones (always present) and required inputs. */
function isRequired(field: SerializerField): boolean {
  return field.required === true || field.readOnly === true;
}

export function serializerComponent(
  resource: ResourceDeclaration,
  serializer: Serializer,
  patched = false,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of serializer.fields) properties[field.name] = fieldSchema(resource, field);
  const required = patched
    ? []
    : serializer.fields
        .filter(isRequired)
        .map((f) => f.name)
        .sort();
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/** Enum components referenced by `choiceRepresentation: 'value'` fields (plus `BlankEnum`). */
export function enumComponents(resources: readonly ResourceDeclaration[]): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const resource of resources) {
    const serializers = [resource.serializers.list, resource.serializers.detail, resource.serializers.create];
    for (const serializer of serializers) {
      for (const field of serializer?.fields ?? []) {
        const column = columnOf(resource, field);
        if (field.type !== 'choice' || field.choiceRepresentation !== 'value' || !column?.choices) continue;
        const isInt = column.type === 'integer';
        out[enumComponentName(field.name)] = {
          enum: column.choices.map((c) => c.value),
          type: isInt ? 'integer' : 'string',
          description: column.choices.map((c) => `* \`${c.value}\` - ${c.label}`).join('\n'),
        };
        if (column.blank) out.BlankEnum = { enum: [''] };
      }
    }
  }
  return out;
}

export function paginated(component: string): JsonSchema {
  return {
    type: 'object',
    required: ['count', 'results'],
    properties: {
      count: { type: 'integer', example: 123 },
      next: {
        type: 'string',
        nullable: true,
        format: 'uri',
        example: 'http://api.example.org/accounts/?offset=400&limit=100',
      },
      previous: {
        type: 'string',
        nullable: true,
        format: 'uri',
        example: 'http://api.example.org/accounts/?offset=200&limit=100',
      },
      results: { type: 'array', items: REF(component) },
    },
  };
}
