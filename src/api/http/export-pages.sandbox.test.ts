/** Whole-list export paging against the seeded sandbox over real HTTP (loopback). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServedSandbox, type ServedSandbox } from '../test-support/sandbox.ts';
import { createAlyxClient, type AlyxClient } from './client.ts';
import { exportPageParams, exportPages, exportPageSize, nextExportOffset } from './export-pages.ts';

describe('export paging (pure)', () => {
  it('clamps the page size to 1..1000, default 1000', () => {
    expect(exportPageSize(undefined)).toBe(1000);
    expect(exportPageSize(Number.NaN)).toBe(1000);
    expect(exportPageSize(5000)).toBe(1000);
    expect(exportPageSize(0)).toBe(1);
    expect(exportPageSize(7.9)).toBe(7);
  });
  it('moves by what arrived and stops at the count or an empty page', () => {
    expect(nextExportOffset(0, 1000, 2500)).toBe(1000);
    expect(nextExportOffset(2000, 500, 2500)).toBeNull();
    // A server clamping limit to 250 still gets every row asked for.
    expect(nextExportOffset(0, 250, 2500)).toBe(250);
    expect(nextExportOffset(500, 0, 2500)).toBeNull();
  });
  it('keeps filters, ordering and django=, replacing the list paging', () => {
    const search = new URLSearchParams(
      'subject=KS005&ordering=-start_time&django=lab__name,x&limit=25&offset=50',
    );
    expect(exportPageParams(search, 2000, 1000).toString()).toBe(
      'subject=KS005&ordering=-start_time&django=lab__name%2Cx&limit=1000&offset=2000',
    );
    expect(exportPageParams(search, 0, 10).has('offset')).toBe(false);
  });
});

describe('exportPages over HTTP', () => {
  let served: ServedSandbox;
  let client: AlyxClient;
  let inFlight = 0;
  let maxInFlight = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    served = await startServedSandbox();
    const token = await createAlyxClient({ baseUrl: served.baseUrl }).login('admin', 'admin');
    // Counts overlapping requests on the real fetch, to prove pages never run in parallel.
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      seen.push(String(input));
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    client = createAlyxClient({ baseUrl: served.baseUrl, getToken: () => token, fetch: counting });
  });
  afterAll(() => served.close());

  it('yields every row of a filtered list once, in the list order, one request at a time', async () => {
    const search = new URLSearchParams('limit=25');
    const whole = await client.listPage<{ id: string }>('subjects', new URLSearchParams('limit=1000'));
    expect(whole.count).toBeGreaterThan(7);
    seen.length = 0;
    const ids: string[] = [];
    let pages = 0;
    for await (const page of exportPages<{ id: string }>(client, 'subjects', search, { pageSize: 3 })) {
      expect(page.offset).toBe(ids.length);
      ids.push(...page.results.map((row) => row.id));
      pages += 1;
    }
    expect(ids).toEqual(whole.results.map((row) => row.id));
    expect(pages).toBe(Math.ceil(whole.count / 3));
    expect(maxInFlight).toBe(1);
    expect(seen.every((url) => new URL(url).searchParams.get('limit') === '3')).toBe(true);
  });

  it('keeps the filter', async () => {
    const first = (await client.listPage<{ nickname: string }>('subjects', 'limit=1')).results[0];
    expect(first).toBeDefined();
    const search = new URLSearchParams({ nickname: first?.nickname ?? '' });
    const rows: { nickname: string }[] = [];
    for await (const page of exportPages<{ nickname: string }>(client, 'subjects', search, { pageSize: 2 }))
      rows.push(...page.results);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.nickname === first?.nickname)).toBe(true);
  });

  it('stops with an AbortError when cancelled between pages, and sends nothing more', async () => {
    const controller = new AbortController();
    seen.length = 0;
    const pages = exportPages(client, 'subjects', new URLSearchParams(), {
      pageSize: 2,
      signal: controller.signal,
    });
    await pages.next();
    controller.abort();
    await expect(pages.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });
});
