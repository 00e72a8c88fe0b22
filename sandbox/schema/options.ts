import type { ResourceDeclaration, Serializer, SerializerField } from '../resources/types.ts';
import { columnOf, fieldSchema } from './components.ts';
import { createSerializer, detailSerializer } from './openapi.ts';

export interface OptionsFieldInfo {
  type: string;
  required: boolean;
  read_only: boolean;
  label: string;
  help_text?: string;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  choices?: { value: string | number; display_name: string }[];
}

export interface OptionsMetadata {
  name: string;
  description: string;
  renders: string[];
  parses: string[];
  actions?: Partial<Record<'POST' | 'PUT', Record<string, OptionsFieldInfo>>>;
}

/** DRF field class → SimpleMetadata type name. */
function drfType(field: SerializerField): string {
  // Related fields, method fields and nested lists are all plain `field` to DRF.
  if (field.relation || (field.compute && field.type !== 'object')) return 'field';
  switch (field.type) {
    case 'string':
    case 'uuid':
      return 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'float';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'uri':
      return 'url';
    case 'email':
      return 'email';
    case 'json':
      // serializers.JSONField is not in SimpleMetadata's type table: it reports the base class.
      return 'field';
    case 'choice':
      return 'choice';
    case 'array':
      return 'list';
    case 'object':
      return 'nested object';
  }
}

function label(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldInfo(resource: ResourceDeclaration, field: SerializerField): OptionsFieldInfo {
  const column = columnOf(resource, field);
  const readOnly = field.readOnly === true || (Boolean(field.compute) && !column);
  const info: OptionsFieldInfo = {
    type: drfType(field),
    required: !readOnly && field.required === true,
    read_only: readOnly,
    label: label(field.name),
  };
  const help = field.description ?? column?.helpText;
  if (help) info.help_text = help;
  // The same Django facts as the OpenAPI document: max_length, and range validators as min/max_value.
  const schema = fieldSchema(resource, field);
  if (typeof schema.maxLength === 'number') info.max_length = schema.maxLength;
  if (typeof schema.minimum === 'number') info.min_value = schema.minimum;
  if (typeof schema.maximum === 'number') info.max_value = schema.maximum;
  if (field.type === 'choice' && column?.choices) {
    // Label-represented enums (qc, status, provenance) take the label on write, so offer labels.
    info.choices = column.choices.map((c) =>
      field.choiceRepresentation === 'label'
        ? { value: c.label, display_name: c.label }
        : { value: c.value, display_name: c.label },
    );
  }
  return info;
}

function actionFields(
  resource: ResourceDeclaration,
  serializer: Serializer,
): Record<string, OptionsFieldInfo> {
  return Object.fromEntries(serializer.fields.map((f) => [f.name, fieldInfo(resource, f)]));
}

/** DRF SimpleMetadata (the body of `OPTIONS /<name>` or `OPTIONS /<name>/<lookup>`). */
export function buildOptionsMetadata(
  resource: ResourceDeclaration,
  view: 'list' | 'detail',
): OptionsMetadata {
  const meta: OptionsMetadata = {
    name: `${resource.verboseName} ${view === 'list' ? 'List' : 'Detail'}`,
    description: (view === 'detail' ? resource.detailDescription : undefined) ?? resource.description ?? '',
    renders: ['application/json', 'text/html'],
    parses: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'],
  };
  if (view === 'list' && resource.listMethods.includes('POST')) {
    meta.actions = { POST: actionFields(resource, createSerializer(resource)) };
  }
  if (view === 'detail' && resource.detailMethods.includes('PUT')) {
    meta.actions = { PUT: actionFields(resource, detailSerializer(resource)) };
  }
  if (view === 'detail' && resource.quirks?.detailIsList && resource.detailMethods.includes('POST')) {
    meta.actions = { POST: actionFields(resource, createSerializer(resource)) };
  }
  return meta;
}
