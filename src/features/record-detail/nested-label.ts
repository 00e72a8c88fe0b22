/** What people call a nested array of a record: its endpoint ("water administrations"), not Django's related name. */
import type { ApiModel } from '../../api/schema/model.ts';
import { endpointForName } from '../../api/schema/relations.ts';

export function nestedLabel(model: ApiModel, key: string): string {
  const endpoint = endpointForName(model, key);
  if (endpoint) return endpoint.name.replace(/[-_]+/g, ' ');
  // `<app>_<model>_<field>_related` without a matching endpoint: keep the model part.
  const related = /^[a-z]+_([a-z]+)_[a-z]+_related$/.exec(key);
  const base = related?.[1] ?? key.replace(/_related$/, '');
  return base.replace(/[-_]+/g, ' ');
}
