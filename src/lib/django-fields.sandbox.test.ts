/**
 * The builder's suggestions against the in-process sandbox: the paths come from the model the app
 * discovers, and the sandbox (Alyx's lookup rules) must accept what is suggested.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient, type AlyxClient } from '../api/http/client.ts';
import { AlyxError } from '../api/http/errors.ts';
import { discoverApi } from '../api/schema/discover.ts';
import type { ApiModel } from '../api/schema/model.ts';
import { inProcessFetch, loadSandboxModule, type SandboxInstance } from '../api/test-support/sandbox.ts';
import { djangoFieldOptions, lookupsFor, optionFor } from './django-fields.ts';
import { buildDjango } from './django-query.ts';
import { alyxFailure } from '../api/test-support/alyx-failure.ts';

const sandboxModule = await loadSandboxModule();
const BASE = 'http://sandbox.test';

describe('django= suggestions against the sandbox', () => {
  let sandbox: SandboxInstance;
  let client: AlyxClient;
  let model: ApiModel;

  beforeAll(async () => {
    sandbox = await sandboxModule.createSandbox({ dataDir: null });
    const fetch = inProcessFetch(sandbox);
    const token = await createAlyxClient({ baseUrl: BASE, fetch }).login('admin', 'admin');
    client = createAlyxClient({ baseUrl: BASE, fetch, getToken: () => token });
    model = await discoverApi(client);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('follows relations two endpoints away, with lookups suited to each kind', () => {
    const sessions = djangoFieldOptions(model, 'sessions');
    const paths = sessions.map((option) => option.path);
    expect(paths).toEqual(
      expect.arrayContaining(['subject', 'subject__nickname', 'lab__name', 'start_time']),
    );
    expect(paths).not.toContain('url');
    // Computed by the serializer: read-only and not filterable, no Django path has these names.
    expect(paths).not.toContain('subject__age_weeks');
    expect(new Set(paths).size).toBe(paths.length);
    const datasets = djangoFieldOptions(model, 'datasets').map((option) => option.path);
    expect(datasets).toContain('session__subject__nickname');
    expect(lookupsFor(optionFor(sessions, 'start_time')?.kind)).toEqual(
      expect.arrayContaining(['date', 'gte', 'lte', 'year']),
    );
    expect(lookupsFor(optionFor(sessions, 'subject__nickname')?.kind)[0]).toBe('icontains');
    // A JSON key path lies inside its JSON field.
    expect(optionFor(sessions, 'extended_qc__alignment__resolved')?.path).toBe('extended_qc');
    expect(lookupsFor(optionFor(sessions, 'extended_qc')?.kind)).toContain('has_key');
  });

  it('every suggested path one hop deep is a path the sandbox resolves', async () => {
    const refused: string[] = [];
    for (const option of djangoFieldOptions(model, 'sessions', 1)) {
      const django = buildDjango([{ field: option.path, lookup: 'isnull', value: 'False', negate: false }]);
      try {
        await client.listPage('sessions', { django, limit: 1 });
      } catch (error) {
        refused.push(`${option.path}: ${error instanceof AlyxError ? error.detail : String(error)}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('built rows filter as Alyx does, negation included; a bad lookup answers Alyx’s own text', async () => {
    const all = await client.listAll<{ subject: string }>('sessions', { limit: 1000 });
    const nickname = all[0]?.subject ?? '';
    const fragment = nickname.slice(0, 3);
    const django = buildDjango([
      { field: 'subject__nickname', lookup: 'icontains', value: fragment, negate: false },
      { field: 'subject__nickname', lookup: '', value: nickname, negate: true },
    ]);
    const page = await client.listPage<{ subject: string }>('sessions', { django, limit: 1000 });
    const expected = all.filter(
      (s) => s.subject.toLowerCase().includes(fragment.toLowerCase()) && s.subject !== nickname,
    );
    expect(page.count).toBe(expected.length);
    for (const session of page.results) expect(session.subject).not.toBe(nickname);

    const error = await alyxFailure(
      client.listPage('sessions', {
        django: buildDjango([{ field: 'subject__nicknme', lookup: 'icontains', value: 'x', negate: false }]),
      }),
    );
    expect(error.status).toBe(500);
    expect(error.detail).toMatch(/^Cannot resolve keyword 'nicknme' into field\. Choices are: .*nickname/);
  });
});
