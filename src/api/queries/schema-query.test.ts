// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceConfig } from '../instances.ts';
import type { ApiModel } from '../schema/model.ts';
import { emptyEndpoint, makeField } from '../schema/model-utils.ts';
import { readCachedModel, writeCachedModel } from '../schema/schema-cache.ts';
import { apiModelQuery, isModelComplete } from './schema-query.ts';

// Nothing listens on port 9: any request would fail with a network error.
const offline: InstanceConfig = {
  name: 'offline',
  url: 'http://127.0.0.1:9',
  proxy: false,
  baseUrl: 'http://127.0.0.1:9',
};

function rootModel(withFields: boolean): ApiModel {
  const sessions = emptyEndpoint('sessions', 'root');
  if (withFields) sessions.listFields = [makeField('id', 'uuid')];
  return {
    endpoints: { sessions },
    sources: withFields ? ['options', 'root'] : ['root'],
    builtAt: Date.now(),
  };
}

afterEach(() => localStorage.clear());

describe('apiModelQuery', () => {
  it('is keyed per instance and serves a persisted model without any request', async () => {
    const cached = { ...rootModel(true), sources: ['openapi' as const] };
    writeCachedModel('offline', cached);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = apiModelQuery(offline);
    expect(options.queryKey).toEqual(['alyx', 'offline', { scope: 'schema' }]);
    await expect(queryClient.fetchQuery(options)).resolves.toEqual(cached);
  });

  it('rebuilds when nothing is cached, and reports the failure as an AlyxError', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(queryClient.fetchQuery(apiModelQuery(offline))).rejects.toMatchObject({
      name: 'AlyxError',
      kind: 'network',
    });
    expect(readCachedModel('offline')).toBeUndefined();
  });

  it('treats a names-only model (root list, OPTIONS refused) as incomplete', () => {
    expect(isModelComplete(rootModel(false))).toBe(false);
    expect(isModelComplete(rootModel(true))).toBe(true);
    expect(isModelComplete(undefined)).toBe(false);
  });
});
