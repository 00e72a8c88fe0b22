import type { FieldModel } from '../../api/schema/model.ts';
import { ValueView } from '../../components/values/ValueView.tsx';
import { useDetailContext } from './detail-context.ts';

/** One field of a record, by the shared value renderer. */
export function FieldValue({ name, value, field }: { name: string; value: unknown; field?: FieldModel }) {
  const { instance, resolveLink } = useDetailContext();
  return <ValueView name={name} value={value} field={field} links={{ instance, resolve: resolveLink }} />;
}
