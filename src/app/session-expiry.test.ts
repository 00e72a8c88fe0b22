// @vitest-environment jsdom
import { QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { getToken, setToken } from '../api/auth/token-store.ts';
import { AlyxError } from '../api/http/errors.ts';
import { alyxKeys } from '../api/queries/keys.ts';
import { loadDraft, saveDraft, startDraftCleanup, type DraftKey } from '../lib/form-drafts.ts';
import { PASS_LEAVE_GUARD } from '../lib/use-leave-guard.ts';
import { redirectOnUnauthorized } from './session-expiry.ts';

const stopCleanup = startDraftCleanup();
afterAll(stopCleanup);
afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

const KEY: DraftKey = { instance: 'sandbox', endpoint: 'subjects', lookup: 'KS005', method: 'PATCH' };

describe('redirectOnUnauthorized', () => {
  it('forgets the refused token and sends the user to login, keeping the drafts being typed', async () => {
    setToken('sandbox', 'stale');
    saveDraft(KEY, { description: 'typed before the token expired' }, { description: '' });
    const navigations: string[] = [];
    const states: unknown[] = [];
    const router = {
      state: { location: { pathname: '/sandbox/subjects/KS005/~/edit', search: '' } },
      navigate: (to: string, options?: { state?: unknown }) => {
        navigations.push(to);
        states.push(options?.state);
      },
    };
    const error = new AlyxError({ kind: 'unauthorized', status: 401, path: '/subjects/KS005' });
    // As the app's QueryClient reports a failed query (createExplorer's onQueryError).
    const client = new QueryClient({
      queryCache: new QueryCache({
        onError: (failure, query) => redirectOnUnauthorized(router, failure, query),
      }),
    });
    await expect(
      client.fetchQuery(
        queryOptions({
          queryKey: alyxKeys.endpoint('sandbox', 'subjects'),
          queryFn: () => Promise.reject(error),
          retry: false,
        }),
      ),
    ).rejects.toBe(error);
    expect(getToken('sandbox')).toBeNull();
    expect(navigations).toHaveLength(1);
    expect(navigations[0]).toMatch(/^\/sandbox\/~\/login\?/);
    // A dirty form's leave guard lets this one through (the draft is kept, see below).
    expect(states[0]).toBe(PASS_LEAVE_GUARD);
    expect(loadDraft(KEY)?.values).toEqual({ description: 'typed before the token expired' });
  });
});
