import type { FieldModel } from '../../api/schema/model.ts';

/** The one table of inputs: every writable field gets exactly one of these. */
export type InputKind =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'select'
  | 'date'
  | 'datetime'
  | 'json'
  | 'relation'
  | 'multi-relation'
  | 'list';

/** Which input a field gets, from the model alone. */
export function inputKindFor(field: FieldModel): InputKind {
  // Hyperlinked relations (`url` lookups, a session's parent_session) take a typed URL, not a search.
  if (field.relation && field.relation.lookup !== 'url')
    return field.many || field.kind === 'array' ? 'multi-relation' : 'relation';
  switch (field.kind) {
    case 'text':
      return 'textarea';
    case 'integer':
      return 'integer';
    case 'number':
      return 'decimal';
    case 'boolean':
      return 'boolean';
    case 'choice':
      return field.choices && field.choices.length > 0 ? 'select' : 'text';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'json':
    case 'object':
      return 'json';
    case 'array':
      return field.itemKind === 'object' || field.itemKind === 'json' || field.itemKind === 'array'
        ? 'json'
        : 'list';
    default:
      return 'text';
  }
}
