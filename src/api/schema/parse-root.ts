/** The JSON endpoint list at `GET /` (older Alyx, the sandbox): names and list routes only. */

import type { ApiModel, EndpointModel } from './model.ts';
import { isRecord, safeDecode } from '../values.ts';
import { emptyEndpoint } from './model-utils.ts';

function endpointNameFrom(key: string, value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) {
    try {
      const url = new URL(value, 'http://relative.invalid');
      const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
      const last = segments[segments.length - 1];
      if (last !== undefined) return safeDecode(last);
    } catch {
      // fall through to the key
    }
  }
  const name = key.replace(/-url$/, '');
  return name.length > 0 && !name.startsWith('_') ? name : null;
}

function isRootDocument(doc: unknown): doc is Record<string, unknown> {
  return (
    isRecord(doc) &&
    Object.keys(doc).length > 0 &&
    Object.values(doc).every((value) => typeof value === 'string') &&
    !('openapi' in doc)
  );
}

export function parseRoot(doc: unknown, builtAt = Date.now()): ApiModel {
  if (!isRootDocument(doc)) throw new Error('Not an endpoint list (expected an object of endpoint URLs).');
  const endpoints: Record<string, EndpointModel> = {};
  for (const [key, value] of Object.entries(doc)) {
    const name = endpointNameFrom(key, value);
    if (!name || endpoints[name]) continue;
    const endpoint = emptyEndpoint(name, 'root');
    endpoint.list = { path: `/${name}`, methods: ['GET'] };
    endpoints[name] = endpoint;
  }
  return { endpoints, sources: ['root'], builtAt };
}
