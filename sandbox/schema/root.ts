import type { ResourceDeclaration } from '../resources/types.ts';

/**
 * The endpoint list of `GET /` as the Alyx docs describe it (older instances served it):
 * `{ "<endpoint>": "<absolute list URL>" }`, one key per resource with a list route.
 */
export function buildRootList(
  resources: readonly ResourceDeclaration[],
  baseUrl: string,
): Record<string, string> {
  const base = baseUrl.replace(/\/+$/, '');
  const out: Record<string, string> = {};
  for (const r of resources) if (r.listMethods.length > 0) out[r.name] = `${base}/${r.name}`;
  return out;
}
