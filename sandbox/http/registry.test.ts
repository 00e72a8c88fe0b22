import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../app.ts';
import type { Sandbox } from '../app.ts';
import { resources } from '../resources/registry.ts';
import { client, login } from './test-helpers.ts';
import type { Reply } from './test-helpers.ts';

// Every declared endpoint, every method, on the real registry with demo data (scale 1).
let sandbox: Sandbox;
let api: (method: string, path: string, body?: unknown) => Promise<Reply>;

beforeAll(async () => {
  sandbox = await createSandbox({ seed: { scale: 1 } });
  api = client(sandbox, await login(sandbox, 'admin'));
}, 180_000);
afterAll(async () => {
  await sandbox?.close();
});

const ALL = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

async function someLookup(name: string, field: string): Promise<string | undefined> {
  const rows = await sandbox.query<{ v: unknown }>(
    `SELECT ${field}::text AS v FROM ${name.replace(/-/g, '_')} WHERE ${field} IS NOT NULL AND ${field}::text <> '' ORDER BY id LIMIT 1`,
  );
  return rows[0]?.v === undefined ? undefined : String(rows[0].v);
}

describe.each(resources.map((r) => [r.name, r] as const))('/%s', (name, resource) => {
  it('lists with the paginated shape and refuses undeclared list methods with 405', async () => {
    const reply = await api('GET', `/${name}?limit=3`);
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(Object.keys(reply.body as object)).toEqual(['count', 'next', 'previous', 'results']);
    expect((await api('OPTIONS', `/${name}`)).status).toBe(200);
    for (const method of ALL.filter((m) => !(resource.listMethods as readonly string[]).includes(m))) {
      expect(
        (await api(method, `/${name}`, method === 'GET' ? undefined : {})).status,
        `${method} /${name}`,
      ).toBe(405);
    }
  });

  it('POST {} on the list route validates (400) or creates (201)', async () => {
    if (!resource.listMethods.includes('POST')) return;
    const reply = await api('POST', `/${name}`, {});
    expect([201, 400], reply.text.slice(0, 300)).toContain(reply.status);
  });

  it('serves the detail route with exactly the declared methods', async () => {
    if (!resource.lookupField) {
      expect((await api('GET', `/${name}/x`)).status).toBe(404);
      return;
    }
    const lookup = await someLookup(name, resource.lookupField);
    if (lookup === undefined) return;
    const path = `/${name}/${encodeURIComponent(lookup)}`;
    const detail = await api('GET', path);
    expect(detail.status, detail.text.slice(0, 300)).toBe(200);
    expect((await api('OPTIONS', path)).status).toBe(200);
    for (const method of ALL.filter((m) => !(resource.detailMethods as readonly string[]).includes(m))) {
      expect((await api(method, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(
        405,
      );
    }
    if (resource.detailMethods.includes('PATCH')) {
      const patched = await api('PATCH', path, {});
      expect(patched.status, patched.text.slice(0, 300)).toBe(200);
    }
    if (resource.detailMethods.includes('PUT') && !resource.quirks?.detailIsList) {
      const put = await api('PUT', path, detail.body);
      expect([200, 400], put.text.slice(0, 300)).toContain(put.status);
    }
    if (resource.detailMethods.includes('DELETE')) {
      const deleted = await api('DELETE', path);
      // 403: a beforeDelete hook refused (e.g. a dataset with a protected tag); 409: protected FK.
      expect([204, 403, 409], deleted.text.slice(0, 300)).toContain(deleted.status);
      if (deleted.status === 204) expect((await api('GET', path)).status).toBe(404);
    }
  });
});
