/** The lookup of a list row (REST-CONVENTIONS §8 "Identity"): the lookup field, else id, else the url tail. */
import type { EndpointModel } from '../../api/schema/model.ts';
import { lastSegment } from '../../api/http/alyx-urls.ts';
import type { Row } from './columns.ts';

function scalar(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

export function rowLookup(endpoint: EndpointModel | undefined, row: Row): string | null {
  const lookupField = endpoint?.lookupField ?? 'id';
  const direct = scalar(row[lookupField]);
  if (direct) return direct;
  if (lookupField === 'id') {
    const url = scalar(row['url']);
    if (url) return lastSegment(url);
  }
  return null;
}
