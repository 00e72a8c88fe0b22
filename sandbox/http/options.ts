import type { SerializerField } from '../resources/types.ts';
import type { Model } from '../db/models.ts';
import { serializerFor } from './render.ts';
import { schemaExport } from './runtime.ts';

type Builder = (resource: Model['resource'], view: 'list' | 'detail') => unknown;

const DRF_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  uuid: 'string',
  uri: 'url',
  email: 'email',
  json: 'json',
  choice: 'choice',
  array: 'list',
  object: 'nested object',
};

function fieldInfo(model: Model, field: SerializerField): Record<string, unknown> {
  const column = model.columns.get(field.source ?? field.name);
  const readOnly = field.readOnly === true || field.compute !== undefined || field.computeMany !== undefined;
  let type = DRF_TYPES[field.type] ?? 'field';
  if (field.relation) type = 'field';
  if (column?.choices) type = 'choice';
  const info: Record<string, unknown> = {
    type,
    required: field.required === true,
    read_only: readOnly,
    label: (field.name.charAt(0).toUpperCase() + field.name.slice(1)).replace(/_/g, ' '),
  };
  const help = field.description ?? column?.helpText;
  if (help) info.help_text = help;
  if (column?.maxLength !== undefined && !readOnly) info.max_length = column.maxLength;
  if (column?.choices && !readOnly) {
    info.choices = column.choices.map((c) =>
      field.choiceRepresentation === 'label' ? { value: c.label, display_name: c.label } : { value: c.value, display_name: c.label },
    );
  }
  return info;
}

/** DRF SimpleMetadata for OPTIONS; the schema module's builder when present, else this minimal one. */
export async function optionsMetadata(model: Model, view: 'list' | 'detail'): Promise<unknown> {
  const build = await schemaExport<Builder>('buildOptionsMetadata');
  if (build) return build(model.resource, view);
  const resource = model.resource;
  const method = view === 'list' ? (resource.listMethods.includes('POST') ? 'POST' : null) : resource.detailMethods.includes('PUT') ? 'PUT' : null;
  const serializer = serializerFor(model, view === 'list' ? 'create' : 'detail');
  const metadata: Record<string, unknown> = {
    name: `${resource.verboseName} ${view === 'list' ? 'List' : 'Detail'}`,
    description: resource.description ?? '',
    renders: ['application/json', 'text/html'],
    parses: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'],
  };
  if (method) metadata.actions = { [method]: Object.fromEntries(serializer.fields.map((f) => [f.name, fieldInfo(model, f)])) };
  return metadata;
}
