/** drf-spectacular OpenAPI 3 schemas → fields: request bodies, response rows, parameter types. */

import type { ChoiceOption, FieldKind, FieldModel } from './model.ts';
import { asString, enumLabels, makeField, stringKindFor } from './model-utils.ts';
import { isRecord } from '../values.ts';

export type Json = Record<string, unknown>;

/**
 * Follows `$ref`s against one document. A reference resolved from the top (depth 0) is kept: Alyx's
 * document points at the same components hundreds of times, and each field list is built once per
 * component (callers only read what it returns).
 */
export class OpenApiResolver {
  private readonly refs = new Map<string, Json>();
  private readonly fields = new WeakMap<Json, FieldModel[]>();

  constructor(private readonly doc: Json) {}

  /** Follows `$ref`s (and single-member `allOf`, drf-spectacular's way of adding readOnly to a ref). */
  resolve(schema: unknown, depth = 0): Json {
    if (!isRecord(schema) || depth > 20) return {};
    const ref = asString(schema['$ref']);
    if (ref) {
      const { $ref: _ignored, ...rest } = schema;
      const target = this.resolveRef(ref, depth);
      return Object.keys(rest).length === 0 ? target : { ...target, ...rest };
    }
    const allOf = schema['allOf'];
    if (Array.isArray(allOf) && allOf.length === 1) {
      const { allOf: _ignored, ...rest } = schema;
      return { ...this.resolve(allOf[0], depth + 1), ...rest };
    }
    return schema;
  }

  /** The fields of a resolved object schema, built once per schema object. */
  fieldsOf(schema: Json): FieldModel[] {
    let found = this.fields.get(schema);
    if (!found) {
      found = buildFields(this, schema);
      this.fields.set(schema, found);
    }
    return found.slice();
  }

  private resolveRef(ref: string, depth: number): Json {
    // Only a resolution from the top is the same wherever it is asked for (the depth cap cuts deeper ones).
    if (depth > 0) return this.resolve(this.lookup(ref), depth + 1);
    let target = this.refs.get(ref);
    if (!target) {
      target = this.resolve(this.lookup(ref), 1);
      this.refs.set(ref, target);
    }
    return target;
  }

  private lookup(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.doc;
    for (const part of ref.slice(2).split('/')) {
      if (!isRecord(node)) return undefined;
      node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  }
}

interface TypeInfo {
  kind: FieldKind;
  itemKind?: FieldKind;
  format?: string;
  choices?: ChoiceOption[];
  nullable: boolean;
  maxLength?: number;
  /** Known only for enums: a `BlankEnum` member or `''` among the values. */
  allowBlank?: boolean;
}

function kindFromFormat(format: string | undefined): FieldKind | undefined {
  switch (format) {
    case 'uuid':
      return 'uuid';
    case 'date':
      return 'date';
    case 'date-time':
      return 'datetime';
    case 'uri':
      return 'url';
    case 'email':
      return 'email';
    default:
      return undefined;
  }
}

function choicesOf(schema: Json): ChoiceOption[] | undefined {
  const values = schema['enum'];
  if (!Array.isArray(values)) return undefined;
  const labels = enumLabels(asString(schema['description']));
  return values
    .filter((value) => value !== null && value !== '')
    .map((value) => {
      const text = String(value);
      return { value: text, label: labels.get(text) ?? text };
    });
}

function isNullable(schema: Json): boolean {
  return schema['nullable'] === true;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Per-field constraints a form checks before sending (the server's answer stays final). */
function addConstraints(out: FieldModel, property: Json): void {
  if ('default' in property) out.default = property['default'];
  const minimum = numberOf(property['minimum']);
  const maximum = numberOf(property['maximum']);
  if (minimum !== undefined) out.minimum = minimum;
  if (maximum !== undefined) out.maximum = maximum;
  const pattern = asString(property['pattern']);
  if (pattern) out.pattern = pattern;
}

export function typeInfo(resolver: OpenApiResolver, raw: unknown, name: string): TypeInfo {
  const schema = resolver.resolve(raw);
  const nullable = schema['nullable'] === true;
  const variants = schema['oneOf'] ?? schema['anyOf'];
  if (Array.isArray(variants)) {
    // `oneOf: [SexEnum, BlankEnum, NullEnum]`: one choice field whose blank/null members only allow emptiness.
    const resolved = variants.map((variant) => resolver.resolve(variant));
    const choices = resolved.flatMap((variant) => choicesOf(variant) ?? []);
    const allowsNull = resolved.some(
      (variant) => Array.isArray(variant['enum']) && variant['enum'].includes(null),
    );
    const allowBlank = resolved.some(
      (variant) => Array.isArray(variant['enum']) && variant['enum'].includes(''),
    );
    if (choices.length > 0)
      return {
        kind: 'choice',
        choices,
        nullable: nullable || allowsNull || resolved.some(isNullable),
        allowBlank,
      };
    const first = resolved[0];
    return first ? { ...typeInfo(resolver, first, name), nullable } : { kind: 'unknown', nullable };
  }
  const choices = choicesOf(schema);
  if (choices) {
    const values = schema['enum'] as unknown[];
    return {
      kind: 'choice',
      choices,
      nullable: nullable || values.includes(null),
      allowBlank: values.includes(''),
    };
  }
  const type = asString(schema['type']);
  const format = asString(schema['format']);
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : undefined;
  // Built by assignment rather than spreads: this runs for every property and parameter.
  const info: TypeInfo = { kind: 'json', nullable };
  if (format) info.format = format;
  if (maxLength !== undefined) info.maxLength = maxLength;
  switch (type) {
    case 'string':
      info.kind = kindFromFormat(format) ?? stringKindFor(name, maxLength);
      break;
    case 'integer':
    case 'number':
    case 'boolean':
      info.kind = type;
      break;
    case 'array': {
      const items = schema['items'];
      info.kind = 'array';
      info.itemKind =
        isRecord(items) && Object.keys(items).length === 0 ? 'unknown' : typeInfo(resolver, items, name).kind;
      break;
    }
    case 'object':
      info.kind = isRecord(schema['properties']) ? 'object' : 'json';
      break;
    default:
    // Django JSONField: no type at all (the `json` set above).
  }
  return info;
}

/** The fields of an object schema (`$ref`s followed). */
export function fieldsOf(resolver: OpenApiResolver, raw: unknown): FieldModel[] {
  return resolver.fieldsOf(resolver.resolve(raw));
}

function buildFields(resolver: OpenApiResolver, schema: Json): FieldModel[] {
  const properties = schema['properties'];
  if (!isRecord(properties)) return [];
  const required = new Set(
    Array.isArray(schema['required'])
      ? schema['required'].filter((item): item is string => typeof item === 'string')
      : [],
  );
  return Object.entries(properties).map(([name, value]) => {
    const property = resolver.resolve(value);
    const info = typeInfo(resolver, property, name);
    const readOnly = property['readOnly'] === true;
    const description = asString(property['description']) ?? asString(property['title']);
    // Assigned one by one rather than spread: this runs for every property of every component.
    const field = makeField(name, info.kind);
    if (info.itemKind) field.itemKind = info.itemKind;
    if (info.format) field.format = info.format;
    if (info.maxLength !== undefined) field.maxLength = info.maxLength;
    if (info.choices) field.choices = info.choices;
    if (description) field.description = description;
    if (info.allowBlank !== undefined) field.allowBlank = info.allowBlank;
    addConstraints(field, property);
    // Without COMPONENT_SPLIT_REQUEST, `required` also lists read-only response fields.
    field.required = required.has(name) && !readOnly;
    field.readOnly = readOnly;
    field.writeOnly = property['writeOnly'] === true;
    field.nullable = info.nullable;
    return field;
  });
}

export function responseSchema(operation: Json, resolver: OpenApiResolver): Json | undefined {
  const responses = operation['responses'];
  if (!isRecord(responses)) return undefined;
  for (const status of ['200', '201']) {
    const response = resolver.resolve(responses[status]);
    const content = response['content'];
    if (!isRecord(content)) continue;
    const media = content['application/json'] ?? Object.values(content)[0];
    if (isRecord(media) && media['schema'] !== undefined) return resolver.resolve(media['schema']);
  }
  return undefined;
}

export function requestSchema(operation: Json, resolver: OpenApiResolver): Json | undefined {
  const body = resolver.resolve(operation['requestBody']);
  const content = body['content'];
  if (!isRecord(content)) return undefined;
  const media = content['application/json'] ?? Object.values(content)[0];
  return isRecord(media) && media['schema'] !== undefined ? resolver.resolve(media['schema']) : undefined;
}

/** Unwraps `PaginatedXList` and bare arrays to the row schema. */
export function rowSchema(schema: Json | undefined, resolver: OpenApiResolver): Json | undefined {
  if (!schema) return undefined;
  const properties = schema['properties'];
  if (isRecord(properties) && isRecord(properties['results']) && 'count' in properties) {
    return resolver.resolve(resolver.resolve(properties['results'])['items']);
  }
  if (schema['type'] === 'array') return resolver.resolve(schema['items']);
  return schema;
}
