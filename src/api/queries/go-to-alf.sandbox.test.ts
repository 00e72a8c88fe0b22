/** ALF session and file paths resolved over real HTTP against a seeded sandbox. */

import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithPassword } from '../auth/login.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import type { ApiModel } from '../schema/model.ts';
import { startServedSandbox, type ServedSandbox } from '../test-support/sandbox.ts';
import { goToResolve } from './go-to.ts';
import { rowKey } from './row-key.ts';
import { apiModelQuery } from './schema-query.ts';

interface Dataset {
  url: string;
  name: string;
  collection: string | null;
  session: string;
}
interface Session {
  id: string;
  subject: string;
  lab: string;
  start_time: string;
  number: number;
}

describe('go-to with ALF paths against the sandbox', () => {
  let served: ServedSandbox;
  let instance: InstanceConfig;
  let model: ApiModel;
  let dataset: Dataset;
  let session: Session;
  let sessionPath: string;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

  beforeAll(async () => {
    served = await startServedSandbox();
    instance = served.instanceNamed('alf-sandbox');
    await loginWithPassword(instance, 'admin', 'admin');
    model = await queryClient.fetchQuery(apiModelQuery(instance));
    const client = clientFor(instance);
    const datasets = await client.listPage<Dataset>('datasets', {
      django: 'collection__isnull,False',
      limit: 1,
    });
    dataset = datasets.results[0]!;
    const sessionId = dataset.session.split('/').filter(Boolean).at(-1)!;
    session = await client.get<Session>(`/sessions/${sessionId}`);
    const number = String(session.number).padStart(3, '0');
    sessionPath = `${session.subject}/${session.start_time.slice(0, 10)}/${number}`;
  });

  afterAll(async () => {
    queryClient.clear();
    await served?.close();
  });

  const resolve = (text: string) => goToResolve(instance, text, model, [instance]);

  it.each([
    (s: string) => s,
    (s: string) => `/${s}/`,
    (s: string, lab: string) => `${lab}/Subjects/${s}`,
    (s: string, lab: string) => `/mnt/s0/Data/${lab}/Subjects/${s}`,
    (s: string, lab: string) => `https://data.example.org/${lab}/Subjects/${s}`,
    (s: string) => `${s}/raw_behavior_data`,
  ])('a session path form lands on the session (%#)', async (form) => {
    const target = await resolve(form(sessionPath, session.lab));
    expect(target).toEqual({
      endpoint: 'sessions',
      lookup: session.id,
      instance: instance.name,
      via: 'alf-session',
    });
  });

  it('a file path lands on its dataset, with or without a root and a lab', async () => {
    const file = `${sessionPath}/${dataset.collection}/${dataset.name}`;
    for (const text of [file, `/mnt/s0/Data/${session.lab}/Subjects/${file}`]) {
      expect(await resolve(text)).toEqual({
        endpoint: 'datasets',
        lookup: rowKey('datasets', { ...dataset }),
        instance: instance.name,
        via: 'alf-dataset',
      });
    }
  });

  it('a file that is not there shows the filtered dataset list; a session that is not there matches nothing', async () => {
    const target = await resolve(`${sessionPath}/alf/no.such.file.npy`);
    expect(target).toMatchObject({ endpoint: 'datasets', via: 'alf-dataset' });
    expect(target?.lookup).toBeUndefined();
    expect(new URLSearchParams(target?.query).get('session')).toBe(session.id);
    expect(await resolve(`${session.subject}/1999-01-01/001`)).toBeNull();
    expect(await resolve(`no-such-subject-x/${session.start_time.slice(0, 10)}/001`)).toBeNull();
  });
});
