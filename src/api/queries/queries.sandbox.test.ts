/**
 * Query factories, auth and go-to against a seeded sandbox over real HTTP, through the same
 * `clientFor(instance)` the app uses.
 */

import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithPassword, loginWithToken, logout } from '../auth/login.ts';
import { getToken } from '../auth/token-store.ts';
import { AlyxError } from '../http/errors.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { discoverApi } from '../schema/discover.ts';
import type { ApiModel } from '../schema/model.ts';
import { startServedSandbox, type ServedSandbox } from '../test-support/sandbox.ts';
import { goToResolve, resolveLookupQuery } from './go-to.ts';
import { alyxKeys } from './keys.ts';
import { detailQuery, listQuery, reverseCountQuery } from './record-queries.ts';
import { rowKey } from './row-key.ts';
import { apiModelQuery } from './schema-query.ts';

describe('queries, auth and go-to against the sandbox', () => {
  let served: ServedSandbox;
  let instance: InstanceConfig;
  let model: ApiModel;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

  beforeAll(async () => {
    served = await startServedSandbox();
    instance = served.instanceNamed('h4-sandbox');
    await loginWithPassword(instance, 'admin', 'admin');
    model = await queryClient.fetchQuery(apiModelQuery(instance));
  });

  afterAll(async () => {
    queryClient.clear();
    await served?.close();
  });

  it('discovers the sandbox API from all its sources', () => {
    // OpenAPI answered, so neither the CoreAPI document nor the root list was requested.
    expect(model.sources).toEqual(['openapi']);
    expect(model.endpoints['subjects']).toMatchObject({ lookupField: 'nickname', browsable: true });
    expect(
      model.endpoints['sessions']?.detailFields.find((f) => f.name === 'subject')?.relation,
    ).toMatchObject({ endpoint: 'subjects', lookup: 'nickname' });
    expect(
      model.endpoints['datasets']?.detailFields.find((f) => f.name === 'session')?.relation,
    ).toMatchObject({ endpoint: 'sessions', lookup: 'url' });
    expect(queryClient.getQueryData(alyxKeys.schema(instance.name))).toBe(model);
  });

  it('parses each of the sandbox documents and merges them', async () => {
    const all = await discoverApi(clientFor(instance), { allSources: true });
    expect(all.sources).toEqual(['openapi', 'coreapi', 'root']);
    expect(all.endpoints['sessions']?.sources).toEqual(['openapi', 'coreapi', 'root']);
    expect(Object.keys(all.endpoints).sort()).toEqual(Object.keys(model.endpoints).sort());
  });

  it('lists, reads a record, and counts through the factories', async () => {
    const list = listQuery(instance, 'sessions', { limit: 5 });
    expect(list.queryKey).toEqual(['alyx', instance.name, 'sessions', 'list', { limit: '5' }]);
    const page = await queryClient.fetchQuery(list);
    expect(page.results).toHaveLength(5);
    expect(queryClient.getQueryData(alyxKeys.list(instance.name, 'sessions', '?limit=5'))).toBe(page);
    const first = page.results[0] ?? {};
    const id = rowKey('sessions', first) ?? '';
    const detail = await queryClient.fetchQuery(detailQuery(instance, 'sessions', id));
    expect(detail['id']).toBe(id);
    const subject = String(first['subject']);
    const options = reverseCountQuery(instance, 'sessions', { subject, offset: 20 });
    expect(options.queryKey).toEqual(['alyx', instance.name, 'sessions', 'list', { limit: '1', subject }]);
    const data = await queryClient.fetchQuery(options);
    expect(options.select?.(data)).toBeGreaterThan(0);
  });

  it('resolves go-to input: UUIDs of sessions, datasets and subjects, nicknames, URLs and paths', async () => {
    const session =
      (await queryClient.fetchQuery(listQuery(instance, 'sessions', { limit: 1 }))).results[0] ?? {};
    const sessionId = String(session['id']);
    expect(await goToResolve(instance, sessionId.toUpperCase(), model)).toMatchObject({
      endpoint: 'sessions',
      lookup: sessionId,
      via: 'uuid',
    });

    const dataset =
      (await queryClient.fetchQuery(listQuery(instance, 'datasets', { limit: 1 }))).results[0] ?? {};
    const datasetId = rowKey('datasets', dataset) ?? '';
    expect(await goToResolve(instance, datasetId, model)).toMatchObject({
      endpoint: 'datasets',
      lookup: datasetId,
    });

    const subject =
      (await queryClient.fetchQuery(listQuery(instance, 'subjects', { limit: 1 }))).results[0] ?? {};
    expect(await goToResolve(instance, String(subject['id']), model)).toMatchObject({
      endpoint: 'subjects',
      lookup: subject['nickname'],
      via: 'uuid',
    });
    expect(await goToResolve(instance, String(subject['nickname']), model)).toMatchObject({
      endpoint: 'subjects',
      lookup: subject['nickname'],
      via: 'nickname',
    });

    // The 8-character id prefixes that tables show.
    expect(await goToResolve(instance, sessionId.slice(0, 8).toUpperCase(), model)).toMatchObject({
      endpoint: 'sessions',
      lookup: sessionId,
      via: 'id-prefix',
    });
    expect(await goToResolve(instance, String(subject['id']).slice(0, 8), model)).toMatchObject({
      endpoint: 'subjects',
      lookup: subject['nickname'],
      via: 'id-prefix',
    });
    expect(await goToResolve(instance, 'ffffffff', model)).toBeNull();

    expect(await goToResolve(instance, `${served.baseUrl}/sessions?subject=KS005`, model)).toMatchObject({
      instance: instance.name,
      endpoint: 'sessions',
      query: 'subject=KS005',
      via: 'alyx-url',
    });
    expect(
      await goToResolve(instance, `https://openalyx.example.org/sessions/${sessionId}`, model),
    ).toMatchObject({ endpoint: 'sessions', lookup: sessionId });
    expect(await goToResolve(instance, `/h4-sandbox/subjects/KS005/~/edit`, model)).toMatchObject({
      endpoint: 'subjects',
      lookup: 'KS005',
      via: 'explorer-url',
    });
    expect(await goToResolve(instance, '/labs?name=x', model)).toMatchObject({
      endpoint: 'labs',
      query: 'name=x',
      via: 'path',
    });
    expect(await goToResolve(instance, 'datasets', model)).toMatchObject({
      endpoint: 'datasets',
      via: 'endpoint',
    });
    expect(await goToResolve(instance, '00000000-0000-4000-8000-000000000000', model)).toBeNull();
    expect(await goToResolve(instance, 'no-such-nickname-anywhere', model)).toBeNull();
    const cached = await queryClient.fetchQuery(resolveLookupQuery(instance, sessionId, model));
    expect(cached).toMatchObject({ endpoint: 'sessions' });
  });

  it('verifies a pasted token before storing it, and logout forgets it with the cache', async () => {
    const token = getToken(instance.name) ?? '';
    await expect(loginWithToken(instance, 'f'.repeat(40))).rejects.toBeInstanceOf(AlyxError);
    expect(getToken(instance.name)).toBe(token);
    await loginWithToken(instance, `Token ${token}`);
    expect(getToken(instance.name)).toBe(token);

    logout(queryClient, instance);
    expect(getToken(instance.name)).toBeNull();
    expect(queryClient.getQueryData(alyxKeys.schema(instance.name))).toBeUndefined();
    await expect(queryClient.fetchQuery(listQuery(instance, 'sessions', { limit: 1 }))).rejects.toMatchObject(
      { kind: 'unauthorized' },
    );
    await loginWithPassword(instance, 'alice', 'alice');
    expect(getToken(instance.name)).toMatch(/^[0-9a-f]{40}$/);
  });
});
