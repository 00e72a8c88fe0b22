/** Records over time, counted by the sandbox over real HTTP, against the rows themselves. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithPassword } from '../auth/login.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { startServedSandbox, type ServedSandbox } from '../test-support/sandbox.ts';
import { bucketLabel, type TimeUnit } from '../time-buckets.ts';
import { countRecordsOverTime } from './over-time.ts';

interface Session {
  subject: string;
  start_time: string | null;
}

/** What each bucket should hold, from the rows' own naive dates. */
function expectedCounts(dates: readonly string[], unit: TimeUnit): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of dates) {
    const day = new Date(`${text.slice(0, 10)}T00:00:00Z`);
    let key: string;
    if (unit === 'year') key = text.slice(0, 4);
    else if (unit === 'month') key = text.slice(0, 7);
    else if (unit === 'day') key = text.slice(0, 10);
    else {
      const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
      key = `week of ${monday.toISOString().slice(0, 10)}`;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('records over time against the sandbox', () => {
  let served: ServedSandbox;
  let instance: InstanceConfig;
  let subject: string;
  let sessions: Session[];

  beforeAll(async () => {
    served = await startServedSandbox();
    instance = served.instanceNamed('over-time');
    await loginWithPassword(instance, 'admin', 'admin');
    const client = clientFor(instance);
    subject = (await client.listPage<Session>('sessions', { limit: 1 })).results[0]!.subject;
    sessions = await client.listAll<Session>('sessions', { subject, limit: 1000 });
  }, 60_000);

  afterAll(async () => {
    await served?.close();
  });

  const run = (
    search: URLSearchParams,
    unit: TimeUnit | 'auto',
    endpoint = 'sessions',
    field = 'start_time',
  ) =>
    countRecordsOverTime(
      clientFor(instance),
      { endpoint, search, field, kind: field === 'birth_date' ? 'date' : 'datetime', unit },
      new AbortController().signal,
    );

  it.each(['day', 'week', 'month', 'year'] as const)(
    'per %s, each bucket holds the rows of its dates',
    async (unit) => {
      const dates = sessions.flatMap((session) => (session.start_time ? [session.start_time] : []));
      const result = await run(new URLSearchParams({ subject }), unit);
      expect(result.total).toBe(dates.length);
      const got = new Map(
        result.buckets.filter((b) => b.count > 0).map((b) => [bucketLabel(b, result.unit), b.count]),
      );
      if (result.unit === unit) expect(got).toEqual(expectedCounts(dates, unit));
      else expect(result.units).not.toContain(unit);
      expect(result.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(dates.length);
    },
  );

  it("keeps the list's own django= filter (negation included) and picks a unit that fits", async () => {
    const search = new URLSearchParams({ django: `~subject__nickname,${subject}` });
    const client = clientFor(instance);
    const others = (await client.listPage('sessions', { django: `~subject__nickname,${subject}`, limit: 1 }))
      .count;
    const result = await run(search, 'auto');
    expect(result.total).toBe(others);
    expect(result.buckets.length).toBeLessThanOrEqual(60);
    expect(result.units).toContain(result.unit);
    expect(result.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(others);
  });

  it('counts a date field (birth dates), leaving out records without one', async () => {
    const client = clientFor(instance);
    const withDate = (await client.listPage('subjects', { django: 'birth_date__isnull,False', limit: 1 }))
      .count;
    const result = await run(new URLSearchParams(), 'year', 'subjects', 'birth_date');
    expect(result.total).toBe(withDate);
    expect(result.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(withDate);
  });

  it("counts a bucket's own list (which ranges over the field already) without a duplicate key", async () => {
    const month = await run(new URLSearchParams({ subject }), 'month');
    const bucket = month.buckets.find((b) => b.count > 0)!;
    const own = `start_time__range,('${bucket.start.toISOString().slice(0, 10)}T00:00:00','${new Date(bucket.end.getTime() - 86_400_000).toISOString().slice(0, 10)}T23:59:59.999999')`;
    const result = await run(new URLSearchParams({ subject, django: own }), 'auto');
    expect(result.total).toBe(bucket.count);
    expect(result.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(bucket.count);
  });

  it('an empty list has no buckets', async () => {
    const result = await run(new URLSearchParams({ subject: 'no-such-subject-zz' }), 'auto');
    expect(result).toMatchObject({ total: 0, buckets: [] });
  });
});
