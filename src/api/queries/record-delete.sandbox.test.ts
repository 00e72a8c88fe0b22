/** The delete mutation against a seeded sandbox over real HTTP, through the app's `clientFor`. */

import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithPassword } from '../auth/login.ts';
import { AlyxError } from '../http/errors.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { startServedSandbox, type ServedSandbox } from '../test-support/sandbox.ts';
import { endpointCountQuery } from './count-queries.ts';
import { alyxKeys } from './keys.ts';
import { deleteRecordMutation, refusalOf } from './record-mutations.ts';
import { detailQuery, listQuery, type AlyxRecord } from './record-queries.ts';

async function runDelete(
  queryClient: QueryClient,
  instance: InstanceConfig,
  endpoint: string,
  lookup: string,
): Promise<unknown> {
  const observer = new MutationObserver(
    queryClient,
    deleteRecordMutation(queryClient, instance, endpoint, lookup),
  );
  try {
    await observer.mutate();
    return null;
  } catch (error) {
    return error;
  }
}

describe('deleteRecordMutation against the sandbox', () => {
  let served: ServedSandbox;
  let admin: InstanceConfig;
  let readOnly: InstanceConfig;
  let lab: string;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

  beforeAll(async () => {
    served = await startServedSandbox();
    admin = served.instanceNamed('del-admin');
    readOnly = served.instanceNamed('del-public');
    await loginWithPassword(admin, 'admin', 'admin');
    await loginWithPassword(readOnly, 'public', 'public');
    const labs = await clientFor(admin).listPage<{ name: string }>('labs', { limit: 1 });
    lab = labs.results[0]?.name ?? '';
  });

  afterAll(async () => {
    queryClient.clear();
    await served?.close();
  });

  async function createSubject(): Promise<string> {
    const nickname = `del-${Date.now()}-${Math.round(Math.random() * 1e6)}`;
    await clientFor(admin).post('/subjects', { nickname, lab, sex: 'U' });
    return nickname;
  }

  it('deletes the record, drops its detail entry and refreshes the lists and counts', async () => {
    const nickname = await createSubject();
    await queryClient.fetchQuery(detailQuery(admin, 'subjects', nickname));
    const list = listQuery(admin, 'subjects', { nickname });
    const before = await queryClient.fetchQuery(list);
    expect(before.count).toBe(1);
    const countBefore = await queryClient.fetchQuery(endpointCountQuery(admin, 'subjects'));
    // An unrelated endpoint's list: only marked stale (cascades), not refetched.
    await queryClient.fetchQuery(listQuery(admin, 'sessions', { subject: nickname }));

    expect(await runDelete(queryClient, admin, 'subjects', nickname)).toBeNull();

    expect(queryClient.getQueryData(alyxKeys.detail(admin.name, 'subjects', nickname))).toBeUndefined();
    expect(queryClient.getQueryState(list.queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(endpointCountQuery(admin, 'subjects').queryKey)?.isInvalidated).toBe(
      true,
    );
    expect(
      queryClient.getQueryState(listQuery(admin, 'sessions', { subject: nickname }).queryKey)?.isInvalidated,
    ).toBe(true);

    const after = await queryClient.fetchQuery({ ...list, staleTime: 0 });
    expect(after.count).toBe(0);
    const countAfter = await queryClient.fetchQuery({
      ...endpointCountQuery(admin, 'subjects'),
      staleTime: 0,
    });
    expect(countAfter.count).toBe(countBefore.count - 1);
    await expect(clientFor(admin).get(`/subjects/${nickname}`)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a public account is refused with a 403 and nothing is deleted', async () => {
    const nickname = await createSubject();
    await queryClient.fetchQuery(detailQuery(admin, 'subjects', nickname));
    const error = await runDelete(queryClient, readOnly, 'subjects', nickname);
    expect(error).toBeInstanceOf(AlyxError);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(refusalOf(error)).toBe('read-only');
    await expect(clientFor(admin).get<AlyxRecord>(`/subjects/${nickname}`)).resolves.toMatchObject({
      nickname,
    });
    // A refused delete leaves the cache alone.
    expect(queryClient.getQueryData(alyxKeys.detail(admin.name, 'subjects', nickname))).toBeDefined();
  });

  it('a protected dataset is refused as that record, not as the account', async () => {
    const page = await clientFor(admin).listPage<{ url: string }>('datasets', { protected: true, limit: 1 });
    const url = page.results[0]?.url;
    expect(url, 'the seed has a protected dataset').toBeTruthy();
    const id = String(url).split('/').pop() ?? '';
    const error = await runDelete(queryClient, admin, 'datasets', id);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(refusalOf(error)).toBe('protected');
    await expect(clientFor(admin).get(`/datasets/${id}`)).resolves.toBeTruthy();
  });

  it('explains a missing record (404) and a route without DELETE (405)', async () => {
    expect(await runDelete(queryClient, admin, 'subjects', 'no-such-subject-xyz')).toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    const locations = await clientFor(admin).listPage<{ name: string }>('locations', { limit: 1 });
    const location = locations.results[0]?.name ?? '';
    expect(await runDelete(queryClient, admin, 'locations', location)).toMatchObject({
      kind: 'method',
      status: 405,
    });
  });
});
