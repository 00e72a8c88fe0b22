// The engine's side of ResourceDeclaration.hooks: called inside the write transaction, a refusal
// becomes its HTTP error and rolls back whatever the hook already wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../app.ts';
import type { ResourceDeclaration } from '../resources/types.ts';
import { WriteRefused } from '../resources/write-refused.ts';
import { testLabs, testResources } from './test-resources.ts';
import { client, login, testSandbox } from './test-helpers.ts';
import type { Reply } from './test-helpers.ts';

const hookedLabs: ResourceDeclaration = {
  ...testLabs,
  serializers: {
    list: {
      ...testLabs.serializers.list,
      fields: [...testLabs.serializers.list.fields, { name: 'motto', type: 'string', writeOnly: true }],
    },
  },
  hooks: {
    async beforeCreate({ values, writeOnly }, ctx) {
      await ctx.insert('projects', { name: `project of ${String(values.name)}` });
      if (values.name === 'refused') throw new WriteRefused(400, { name: ['Refused by the hook.'] });
      return {
        ...values,
        timezone: 'Europe/Lisbon',
        json: { motto: writeOnly.motto ?? null, by: ctx.username },
      };
    },
    async beforeDelete(row, ctx) {
      await ctx.query('UPDATE labs SET timezone = $2 WHERE id = $1', [row.id, 'touched']);
      if (row.name === 'kept') throw new WriteRefused(403, { detail: 'Lab kept is protected' });
    },
  },
};

let sandbox: Sandbox;
let api: (method: string, path: string, body?: unknown) => Promise<Reply>;

beforeAll(async () => {
  sandbox = await testSandbox({ resources: testResources.map((r) => (r.name === 'labs' ? hookedLabs : r)) });
  api = client(sandbox, await login(sandbox, 'alice'));
});
afterAll(async () => {
  await sandbox.close();
});

async function count(table: string): Promise<number> {
  const [row] = await sandbox.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? -1;
}

describe('beforeCreate', () => {
  it('gets validated values and write-only fields, and its values are stored', async () => {
    const reply = await api('POST', '/labs', { name: 'hooked', motto: 'carpe diem' });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toEqual({
      name: 'hooked',
      timezone: 'Europe/Lisbon',
      json: { motto: 'carpe diem', by: 'alice' },
    });
    expect(
      await sandbox.query('SELECT name FROM projects WHERE name = $1', ['project of hooked']),
    ).toHaveLength(1);
  });

  it('validates write-only fields like any field', async () => {
    const reply = await api('POST', '/labs', { name: 'typed', motto: ['not', 'a', 'string'] });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ motto: ['Not a valid string.'], status_code: 400 });
  });

  it('a refusal answers its status and body and keeps nothing the hook wrote', async () => {
    const before = { labs: await count('labs'), projects: await count('projects') };
    const reply = await api('POST', '/labs', { name: 'refused' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ name: ['Refused by the hook.'], status_code: 400 });
    expect({ labs: await count('labs'), projects: await count('projects') }).toEqual(before);
  });
});

describe('beforeDelete', () => {
  it('a refusal answers 403 and deletes (and changes) nothing', async () => {
    expect((await api('POST', '/labs', { name: 'kept' })).status).toBe(201);
    const reply = await api('DELETE', '/labs/kept');
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ detail: 'Lab kept is protected', status_code: 403 });
    expect((await api('GET', '/labs/kept')).body).toMatchObject({ name: 'kept', timezone: 'Europe/Lisbon' });
  });

  it('lets other deletes through', async () => {
    expect((await api('POST', '/labs', { name: 'gone' })).status).toBe(201);
    expect((await api('DELETE', '/labs/gone')).status).toBe(204);
    expect((await api('GET', '/labs/gone')).status).toBe(404);
  });
});
