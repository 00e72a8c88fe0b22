import type { FieldModel } from '../../api/schema/model.ts';
import { ValueView } from '../../components/values/ValueView.tsx';
import { resolveValueLink } from '../../lib/value-links.ts';
import { useListContext } from './list-context.ts';

/** A compact, single-line rendering of one list cell (the shared value renderer). */
export function CellValue({ name, value, field }: { name: string; value: unknown; field?: FieldModel }) {
  const { instance, links } = useListContext();
  const resolve = (fieldName: string, item: unknown, relation?: FieldModel['relation']) =>
    resolveValueLink(links, fieldName, item, relation);
  return <ValueView name={name} value={value} field={field} links={{ instance, resolve }} compact />;
}
