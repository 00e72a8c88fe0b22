/**
 * The write mutations against a seeded sandbox over real HTTP, through `clientFor(instance)`:
 * what reaches the server, what the cache holds afterwards, and how refusals arrive.
 */

import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithPassword } from '../auth/login.ts';
import { AlyxError } from '../http/errors.ts';
import type { InstanceConfig } from '../instances.ts';
import type { ApiModel, EndpointModel } from '../schema/model.ts';
import { startServedSandbox, type ServedSandbox } from '../test-support/sandbox.ts';
import { alyxKeys } from './keys.ts';
import { createRecordMutation, updateRecordMutation, type WriteVariables } from './record-mutations.ts';
import { detailQuery, listQuery, reverseCountQuery, type AlyxRecord } from './record-queries.ts';
import { apiModelQuery } from './schema-query.ts';

describe('record mutations against the sandbox', () => {
  let served: ServedSandbox;
  let admin: InstanceConfig;
  let publicInstance: InstanceConfig;
  let model: ApiModel;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const endpoint = (name: string): EndpointModel => {
    const found = model.endpoints[name];
    if (!found) throw new Error(`no ${name} in the model`);
    return found;
  };
  const run = <T>(options: ReturnType<typeof createRecordMutation>, variables: WriteVariables) =>
    new MutationObserver(queryClient, options).mutate(variables) as Promise<T>;

  beforeAll(async () => {
    served = await startServedSandbox();
    admin = served.instanceNamed('m-admin');
    publicInstance = served.instanceNamed('m-public');
    await loginWithPassword(admin, 'admin', 'admin');
    await loginWithPassword(publicInstance, 'public', 'public');
    model = await queryClient.fetchQuery(apiModelQuery(admin));
  }, 120_000);

  afterAll(async () => {
    queryClient.clear();
    await served?.close();
  });

  const someSubject = async (): Promise<AlyxRecord> => {
    const page = await queryClient.fetchQuery(listQuery(admin, 'subjects', { limit: 1, alive: true }));
    const first = page.results[0];
    if (!first) throw new Error('the sandbox has no subjects');
    return first;
  };

  it('creates a session: the answer is cached under its id and the counts go stale', async () => {
    const subject = String((await someSubject())['nickname']);
    const count = reverseCountQuery(admin, 'sessions', { subject });
    const before = await queryClient.fetchQuery(count);
    const sessions = listQuery(admin, 'sessions', { subject });
    await queryClient.fetchQuery(sessions);
    const result = await run<{ record: AlyxRecord; lookup: string; moved: boolean }>(
      createRecordMutation(queryClient, admin, endpoint('sessions')),
      { body: { subject, start_time: '2024-01-02T10:00:00', number: 7, task_protocol: 'forms-test' } },
    );
    expect(result.moved).toBe(false);
    expect(result.lookup).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.record['start_time']).toBe('2024-01-02T10:00:00');
    expect(queryClient.getQueryData(alyxKeys.detail(admin.name, 'sessions', result.lookup))).toBe(
      result.record,
    );
    expect(queryClient.getQueryState(count.queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(sessions.queryKey)?.isInvalidated).toBe(true);
    const after = await queryClient.fetchQuery(count);
    expect(after.count).toBe(before.count + 1);
  });

  it('PATCH renaming a subject moves its cache entry to the new nickname', async () => {
    const original = await someSubject();
    const nickname = String(original['nickname']);
    await queryClient.fetchQuery(detailQuery(admin, 'subjects', nickname));
    const renamed = `${nickname}-renamed`;
    const result = await run<{ record: AlyxRecord; lookup: string; moved: boolean }>(
      updateRecordMutation(queryClient, admin, endpoint('subjects'), nickname, 'PATCH'),
      { body: { nickname: renamed } },
    );
    expect(result).toMatchObject({ lookup: renamed, moved: true });
    expect(queryClient.getQueryData(alyxKeys.detail(admin.name, 'subjects', nickname))).toBeUndefined();
    const stored = await queryClient.fetchQuery({ ...detailQuery(admin, 'subjects', renamed), staleTime: 0 });
    expect(stored['nickname']).toBe(renamed);
    expect(stored['lab']).toBe(original['lab']);
  });

  it('PUT replaces with the full representation', async () => {
    const subject = await someSubject();
    const nickname = String(subject['nickname']);
    const detail = await queryClient.fetchQuery(detailQuery(admin, 'subjects', nickname));
    const body = {
      nickname,
      lab: detail['lab'],
      description: 'replaced by the forms test',
      responsible_user: detail['responsible_user'],
    };
    const result = await run<{ record: AlyxRecord; moved: boolean }>(
      updateRecordMutation(queryClient, admin, endpoint('subjects'), nickname, 'PUT'),
      { body },
    );
    expect(result.moved).toBe(false);
    expect(result.record['description']).toBe('replaced by the forms test');
  });

  it('a 400 arrives as field errors; the public account gets a 403 and nothing is written', async () => {
    const subject = String((await someSubject())['nickname']);
    const bad = run(createRecordMutation(queryClient, admin, endpoint('sessions')), {
      body: { subject, start_time: 'not a date' },
    });
    await expect(bad).rejects.toBeInstanceOf(AlyxError);
    const error = (await bad.catch((e: unknown) => e)) as AlyxError;
    expect(error.kind).toBe('validation');
    expect(Object.keys(error.fieldErrors)).toContain('start_time');

    const count = await queryClient.fetchQuery({
      ...reverseCountQuery(admin, 'sessions', { subject }),
      staleTime: 0,
    });
    const refused = (await run(createRecordMutation(queryClient, publicInstance, endpoint('sessions')), {
      body: { subject, start_time: '2024-01-02T10:00:00' },
    }).catch((e: unknown) => e)) as AlyxError;
    expect(refused.kind).toBe('forbidden');
    expect(refused.status).toBe(403);
    await queryClient.invalidateQueries();
    const again = await queryClient.fetchQuery({
      ...reverseCountQuery(admin, 'sessions', { subject }),
      staleTime: 0,
    });
    expect(again).toEqual(count);
  });

  it('a cancelled request rejects with an abort and writes nothing to the cache', async () => {
    const subject = String((await someSubject())['nickname']);
    const controller = new AbortController();
    controller.abort();
    const outcome = await run(createRecordMutation(queryClient, admin, endpoint('sessions')), {
      body: { subject, start_time: '2024-01-02T11:00:00' },
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect((outcome as Error).name).toBe('AbortError');
  });
});
