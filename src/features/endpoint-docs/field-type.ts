import type { FieldModel, FilterModel } from '../../api/schema/model.ts';

/** `string (uuid)`, `array of integer`, `string ≤ 255`. */
export function describeType(
  field: Pick<FieldModel, 'kind' | 'itemKind' | 'format' | 'maxLength'> | FilterModel,
): string {
  let text: string = field.kind;
  if (field.kind === 'array' && field.itemKind) text = `array of ${field.itemKind}`;
  if ('format' in field && field.format && field.format !== field.kind) text += ` (${field.format})`;
  if ('maxLength' in field && field.maxLength !== undefined) text += ` ≤ ${field.maxLength}`;
  return text;
}
