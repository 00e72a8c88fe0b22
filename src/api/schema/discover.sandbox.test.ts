/** Discovery when an instance offers only one source: each must give a usable model on its own. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from '../http/client.ts';
import { AlyxError } from '../http/errors.ts';
import { inProcessFetch, loadSandboxModule, type SandboxInstance } from '../test-support/sandbox.ts';
import { discoverApi } from './discover.ts';

const sandboxModule = await loadSandboxModule();
const BASE = 'http://sandbox.test';

describe('discoverApi per source against the sandbox', () => {
  const sandboxes: SandboxInstance[] = [];
  const start = async (options: Record<string, unknown>): Promise<SandboxInstance> => {
    const sandbox = await sandboxModule.createSandbox({ dataDir: null, ...options });
    sandboxes.push(sandbox);
    return sandbox;
  };
  let openapiOnly: SandboxInstance;
  let coreapiOnly: SandboxInstance;

  beforeAll(async () => {
    openapiOnly = await start({ seed: false, discovery: 'openapi' });
    coreapiOnly = await start({ seed: false, discovery: 'coreapi' });
  });

  afterAll(async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  });

  it('OpenAPI alone (current Alyx: `/` redirects, no coreapi) gives routes, lookups, fields and relations', async () => {
    const client = createAlyxClient({ baseUrl: BASE, fetch: inProcessFetch(openapiOnly) });
    const errors: string[] = [];
    const model = await discoverApi(client, {
      allSources: true,
      onSourceError: (source) => errors.push(source),
    });
    expect(model.sources).toEqual(['openapi']);
    expect(errors).toEqual(expect.arrayContaining(['coreapi', 'root']));
    expect(model.endpoints['subjects']).toMatchObject({ lookupField: 'nickname', browsable: true });
    expect(model.endpoints['brain-regions']?.lookupKind).toBe('integer');
    expect(model.endpoints['sessions']?.detailFields.find((f) => f.name === 'id')?.readOnly).toBe(true);
    expect(model.endpoints['sessions']?.filters.map((f) => f.name)).toEqual(
      expect.arrayContaining(['subject', 'date_range', 'django']),
    );
    expect(model.endpoints['surgeries']?.detailFields.find((f) => f.name === 'lab')?.relation).toMatchObject({
      endpoint: 'labs',
      lookup: 'id',
    });
  });

  it('CoreAPI alone (2021–2025 instances) gives routes, lookups, filters and write fields', async () => {
    const client = createAlyxClient({ baseUrl: BASE, fetch: inProcessFetch(coreapiOnly) });
    const model = await discoverApi(client, { skipOptions: true });
    expect(model.sources).toEqual(['coreapi']);
    expect(model.endpoints['subjects']).toMatchObject({ lookupField: 'nickname' });
    expect(model.endpoints['sessions']?.filters.map((f) => f.name)).toContain('subject');
    expect(model.endpoints['subjects']?.createFields?.map((f) => f.name)).toContain('nickname');
    expect(model.endpoints['sync-file-status']?.browsable ?? false).toBe(false);
  });

  it('the root list alone, anonymous: names only, OPTIONS refused without failing discovery', async () => {
    const rootOnly = await start({ seed: false, discovery: 'root' });
    const client = createAlyxClient({ baseUrl: BASE, fetch: inProcessFetch(rootOnly) });
    const errors: unknown[] = [];
    const model = await discoverApi(client, {
      onSourceError: (source, error) => source === 'options' && errors.push(error),
    });
    expect(model.sources).toEqual(['root']);
    expect(model.endpoints['sessions']?.list?.methods).toEqual(['GET']);
    expect(model.endpoints['sessions']?.listFields).toEqual([]);
    // The first refusal stops the probing: a handful of requests, not one per endpoint.
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(4);
    expect(errors[0]).toMatchObject({ kind: 'unauthorized' });
  });

  it('the root list plus OPTIONS, logged in: fields per endpoint', async () => {
    const rootOnly = await start({ discovery: 'root' });
    const anonymous = createAlyxClient({ baseUrl: BASE, fetch: inProcessFetch(rootOnly) });
    const token = await anonymous.login('admin', 'admin');
    const client = createAlyxClient({
      baseUrl: BASE,
      fetch: inProcessFetch(rootOnly),
      getToken: () => token,
    });
    const model = await discoverApi(client);
    expect(model.sources).toEqual(['options', 'root']);
    const subjects = model.endpoints['subjects'];
    expect(subjects?.createFields?.find((f) => f.name === 'lab')?.required).toBe(true);
    expect(subjects?.listFields.find((f) => f.name === 'id')?.readOnly).toBe(true);
    expect(subjects?.listFields.find((f) => f.name === 'lab')?.relation).toMatchObject({
      endpoint: 'labs',
      lookup: 'name',
    });
  });

  it('throws one clear AlyxError when no source answers', async () => {
    const client = createAlyxClient({ baseUrl: 'http://127.0.0.1:9' });
    const error = await discoverApi(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AlyxError);
    expect(error).toMatchObject({ kind: 'network' });
    expect(String((error as AlyxError).message)).toMatch(/No schema source answered/);
  });
});
