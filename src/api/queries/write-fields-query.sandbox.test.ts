/**
 * writeFieldsQuery against a real sandbox over loopback HTTP, in each discovery mode the sandbox
 * offers (OpenAPI; coreapi only, like most current Alyx instances; the root list only), and with
 * the public account, which Alyx refuses OPTIONS.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from '../http/client.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { clearToken, setToken } from '../auth/token-store.ts';
import { discoverApi } from '../schema/discover.ts';
import type { ApiModel, FieldModel } from '../schema/model.ts';
import { loadSandboxModule, serveOverHttp } from '../test-support/sandbox.ts';
import { writeFieldsQuery, type WriteFields } from './write-fields-query.ts';

interface CountingSandbox {
  instance: InstanceConfig;
  /** `METHOD /path` of every request the sandbox received. */
  requests: string[];
  close(): Promise<void>;
}

const sandboxModule = await loadSandboxModule();

async function start(name: string, discovery: string): Promise<CountingSandbox> {
  const sandbox = await sandboxModule.createSandbox({ dataDir: null, discovery });
  const requests: string[] = [];
  const server = await serveOverHttp({
    fetch: (request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return sandbox.fetch(request);
    },
    close: () => sandbox.close(),
  });
  return {
    instance: { name, url: server.baseUrl, proxy: false, baseUrl: server.baseUrl },
    requests,
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}

async function logIn(sandbox: CountingSandbox, username: string): Promise<void> {
  const token = await createAlyxClient({ baseUrl: sandbox.instance.baseUrl }).login(username, username);
  setToken(sandbox.instance.name, token);
}

const byName = (result: WriteFields): Map<string, FieldModel> =>
  new Map(result.fields.map((field) => [field.name, field]));
const optionsRequests = (sandbox: CountingSandbox): string[] =>
  sandbox.requests.filter((line) => line.startsWith('OPTIONS '));

/**
 * A client wired as the app wires its own (src/lib/query-client.ts): failed queries and failed
 * mutations reach hooks, and the app marks an account read-only from a failed mutation only.
 */
function recordingClient(): { queryClient: QueryClient; queryErrors: Error[]; mutationErrors: Error[] } {
  const queryErrors: Error[] = [];
  const mutationErrors: Error[] = [];
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => queryErrors.push(error) }),
    mutationCache: new MutationCache({ onError: (error) => mutationErrors.push(error) }),
  });
  return { queryClient, queryErrors, mutationErrors };
}

async function firstLookup(sandbox: CountingSandbox, endpoint: string, field: string): Promise<string> {
  const page = await clientFor(sandbox.instance).listPage<Record<string, unknown>>(endpoint, { limit: '1' });
  const value = page.results[0]?.[field];
  if (typeof value !== 'string') throw new Error(`no ${endpoint} record to edit`);
  return value;
}

describe('writeFieldsQuery on the sandbox', () => {
  const sandboxes: CountingSandbox[] = [];
  let openapi: CountingSandbox;
  let coreapi: CountingSandbox;
  let root: CountingSandbox;
  const models = new Map<CountingSandbox, ApiModel>();

  beforeAll(async () => {
    [openapi, coreapi, root] = await Promise.all([
      start('wf-openapi', 'openapi'),
      start('wf-coreapi', 'coreapi'),
      start('wf-root', 'root'),
    ]);
    sandboxes.push(openapi, coreapi, root);
    for (const sandbox of sandboxes) {
      await logIn(sandbox, 'admin');
      // The root list's model stays without fields (no OPTIONS probing), as an anonymous first visit builds it.
      models.set(sandbox, await discoverApi(clientFor(sandbox.instance), { skipOptions: true }));
    }
  }, 180_000);

  afterAll(async () => {
    for (const sandbox of sandboxes) {
      clearToken(sandbox.instance.name);
    }
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  });

  const model = (sandbox: CountingSandbox): ApiModel => {
    const found = models.get(sandbox);
    if (!found) throw new Error('no model');
    return found;
  };

  it('OpenAPI: every body comes from the schema, without asking OPTIONS', async () => {
    const { queryClient } = recordingClient();
    const before = optionsRequests(openapi).length;
    const nickname = await firstLookup(openapi, 'subjects', 'nickname');
    const post = await queryClient.fetchQuery(
      writeFieldsQuery(openapi.instance, model(openapi), 'subjects', 'POST'),
    );
    const patch = await queryClient.fetchQuery(
      writeFieldsQuery(openapi.instance, model(openapi), 'subjects', 'PATCH', nickname),
    );
    expect(post.source).toBe('schema');
    expect(patch.source).toBe('schema');
    expect(byName(post).get('lab')).toMatchObject({
      required: true,
      relation: { endpoint: 'labs', lookup: 'name' },
    });
    expect(byName(patch).get('sex')).toMatchObject({ kind: 'choice', required: false });
    expect(byName(patch).get('id')?.readOnly).toBe(true);
    expect(optionsRequests(openapi).length).toBe(before);
  });

  it('coreapi only: OPTIONS on demand, merged over the coreapi forms, asked once', async () => {
    const { queryClient } = recordingClient();
    const id = await firstLookup(coreapi, 'sessions', 'id');
    const before = optionsRequests(coreapi).length;
    const query = writeFieldsQuery(coreapi.instance, model(coreapi), 'sessions', 'PATCH', id);
    const patch = await queryClient.fetchQuery(query);
    expect(patch.source).toBe('options');
    const fields = byName(patch);
    // CoreAPI types start_time as a plain string and lists no read-only fields; OPTIONS knows both.
    expect(fields.get('start_time')?.kind).toBe('datetime');
    expect(fields.get('id')?.readOnly).toBe(true);
    expect(fields.get('subject')?.relation).toMatchObject({ endpoint: 'subjects', lookup: 'nickname' });
    expect([...fields.values()].some((f) => f.required)).toBe(false);
    await queryClient.fetchQuery(query);
    expect(optionsRequests(coreapi).slice(before)).toEqual([`OPTIONS /sessions/${id}`]);

    const post = await queryClient.fetchQuery(
      writeFieldsQuery(coreapi.instance, model(coreapi), 'subjects', 'POST'),
    );
    expect(post.source).toBe('options');
    expect(byName(post).get('lab')).toMatchObject({
      required: true,
      relation: { endpoint: 'labs', lookup: 'name' },
    });
    expect(byName(post).get('sex')?.choices?.length).toBeGreaterThan(0);
    expect(optionsRequests(coreapi).slice(before)).toEqual([`OPTIONS /sessions/${id}`, 'OPTIONS /subjects']);
  });

  it('root list only: OPTIONS gives the body the model does not have at all', async () => {
    const { queryClient } = recordingClient();
    expect(model(root).endpoints['weighings']?.createFields).toBeUndefined();
    const post = await queryClient.fetchQuery(
      writeFieldsQuery(root.instance, model(root), 'weighings', 'POST'),
    );
    expect(post.source).toBe('options');
    const fields = byName(post);
    expect(fields.get('weight')).toMatchObject({ kind: 'number', required: true });
    expect(fields.get('subject')).toMatchObject({ required: true, relation: { endpoint: 'subjects' } });
    const nickname = await firstLookup(root, 'subjects', 'nickname');
    const put = await queryClient.fetchQuery(
      writeFieldsQuery(root.instance, model(root), 'subjects', 'PUT', nickname),
    );
    expect(put.source).toBe('options');
    expect(byName(put).get('lab')?.required).toBe(true);
  });

  it('the public account: OPTIONS refused once, falls back to the model, nothing marked read-only', async () => {
    await logIn(coreapi, 'public');
    const { queryClient, queryErrors, mutationErrors } = recordingClient();
    const before = optionsRequests(coreapi).length;
    const id = await firstLookup(coreapi, 'sessions', 'id');
    const query = writeFieldsQuery(coreapi.instance, model(coreapi), 'sessions', 'PATCH', id);
    const first = await queryClient.fetchQuery(query);
    expect(first).toMatchObject({ source: 'detail', refused: 'forbidden' });
    expect(byName(first).get('subject')?.relation).toMatchObject({ endpoint: 'subjects' });
    await queryClient.fetchQuery(query);
    await queryClient.refetchQueries({ queryKey: query.queryKey });
    const post = await queryClient.fetchQuery(
      writeFieldsQuery(coreapi.instance, model(coreapi), 'subjects', 'POST'),
    );
    expect(post.source).toBe('detail');
    // One OPTIONS per form, no retries; an explicit refetch asks again, nothing else does.
    expect(optionsRequests(coreapi).slice(before)).toEqual([
      `OPTIONS /sessions/${id}`,
      `OPTIONS /sessions/${id}`,
      'OPTIONS /subjects',
    ]);
    // Nothing reached the hooks the app turns into "this account can only read".
    expect(queryErrors).toEqual([]);
    expect(mutationErrors).toEqual([]);
    expect(queryClient.getMutationCache().getAll()).toEqual([]);
    expect(queryClient.getQueryState(query.queryKey)?.status).toBe('success');
  });
});
