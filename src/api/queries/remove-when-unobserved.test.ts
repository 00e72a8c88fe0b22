import { QueryClient, QueryObserver, queryOptions } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { removeWhenUnobserved } from './remove-when-unobserved.ts';

const KEY = ['alyx', 'sandbox', 'subjects', 'detail', 'KS005'];
const record = queryOptions({ queryKey: KEY, queryFn: () => ({ nickname: 'KS005' }) });

async function clientWithRecord(): Promise<QueryClient> {
  const queryClient = new QueryClient();
  await queryClient.fetchQuery(record);
  return queryClient;
}

describe('removeWhenUnobserved', () => {
  it('drops an unobserved query at once', async () => {
    const queryClient = await clientWithRecord();
    removeWhenUnobserved(queryClient, KEY);
    expect(queryClient.getQueryCache().find({ queryKey: KEY })).toBeUndefined();
  });

  it('keeps a query a view still shows, and drops it when the view leaves, without asking again', async () => {
    const queryClient = await clientWithRecord();
    let fetches = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: KEY,
      queryFn: () => {
        fetches += 1;
        return { nickname: 'KS005' };
      },
      staleTime: Infinity,
    });
    const stop = observer.subscribe(() => undefined);
    removeWhenUnobserved(queryClient, KEY);
    expect(queryClient.getQueryData(KEY)).toEqual({ nickname: 'KS005' });
    // The view renders again while it navigates away: the entry is still there, so nothing is fetched.
    observer.setOptions({ queryKey: KEY, queryFn: () => ({ nickname: 'KS005' }), staleTime: Infinity });
    stop();
    expect(queryClient.getQueryCache().find({ queryKey: KEY })).toBeUndefined();
    expect(fetches).toBe(0);
  });
});
