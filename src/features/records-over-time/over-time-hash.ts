import type { EndpointModel, FieldModel } from '../../api/schema/model.ts';
import { TIME_UNITS, type TimeUnit } from '../../api/time-buckets.ts';

/**
 * The panel's state lives in the URL's hash (`#over-time&field=start_time&unit=week`): a link
 * opens it, and the query string stays exactly the Alyx query.
 */
export interface OverTimeState {
  field: string | null;
  unit: TimeUnit | 'auto';
}

const KEY = 'over-time';

export function readOverTimeHash(hash: string): OverTimeState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has(KEY)) return null;
  const unit = params.get('unit');
  return {
    field: params.get('field'),
    unit: TIME_UNITS.includes(unit as TimeUnit) ? (unit as TimeUnit) : 'auto',
  };
}

export function overTimeHash(state: OverTimeState | null): string {
  if (!state) return '';
  const params = new URLSearchParams();
  params.set(KEY, '');
  if (state.field) params.set('field', state.field);
  if (state.unit !== 'auto') params.set('unit', state.unit);
  return `#${params.toString().replace(`${KEY}=`, KEY)}`;
}

const PREFERRED = ['start_time', 'date_time', 'created_datetime', 'birth_date', 'date'];

/** Date and datetime fields of the list's rows (what a `django=` range can filter), the usual time axis first. */
export function dateFields(endpoint: EndpointModel | undefined): FieldModel[] {
  if (!endpoint) return [];
  const seen = new Set<string>();
  const fields = endpoint.listFields.filter((field) => {
    if ((field.kind !== 'date' && field.kind !== 'datetime') || seen.has(field.name)) return false;
    seen.add(field.name);
    return true;
  });
  const rank = (field: FieldModel) => {
    const index = PREFERRED.indexOf(field.name);
    return index < 0 ? PREFERRED.length : index;
  };
  return fields.sort((a, b) => rank(a) - rank(b));
}
