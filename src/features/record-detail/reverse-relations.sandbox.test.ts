/**
 * Every reverse tab the record view would show, for real records of every sandbox endpoint: its
 * count is what the sandbox answers, and it is not misleading (rows that point at the record
 * exist → the count is above zero; a record's own forward relation is a link, not a tab).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastSegment } from '../../api/http/alyx-urls.ts';
import { createAlyxClient, type AlyxClient } from '../../api/http/client.ts';
import { recordLookup } from '../../api/queries/row-key.ts';
import { discoverApi } from '../../api/schema/discover.ts';
import type { ApiModel, EndpointModel } from '../../api/schema/model.ts';
import { inProcessFetch, loadSandboxModule, type SandboxInstance } from '../../api/test-support/sandbox.ts';
import { isRecord, isUuid } from '../../api/values.ts';
import { findReverseRelations } from './reverse-relations.ts';

type Row = Record<string, unknown>;
const SAMPLE = 8;
const WIDE = 200;
/**
 * Reverse tabs that are 0 for every record, truthfully: Alyx's BaseActionFilter declares
 * `location` on weighings and water records, which have no location, so the filter never matches.
 */
const SEED_LEAVES_EMPTY = [
  'locations → water-administrations',
  'locations → water-restriction',
  'locations → weighings',
];

let sandbox: SandboxInstance;
let client: AlyxClient;
let model: ApiModel;

beforeAll(async () => {
  sandbox = await (await loadSandboxModule()).createSandbox({ dataDir: null });
  const fetch = inProcessFetch(sandbox);
  const login = await fetch('http://sandbox.test/auth-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin' }),
  });
  const { token } = (await login.json()) as { token: string };
  client = createAlyxClient({ baseUrl: 'http://sandbox.test', fetch, getToken: () => token });
  model = await discoverApi(client);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

/** The record's values a related row may hold for it: slugs, id, url and its last segment. */
function identities(record: Row): Set<string> {
  const out = new Set<string>();
  for (const key of ['id', 'name', 'nickname', 'username', 'url']) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') out.add(String(value));
  }
  if (typeof record['url'] === 'string') out.add(lastSegment(record['url']) ?? '');
  out.delete('');
  return out;
}

function mentions(value: unknown, ids: Set<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => mentions(item, ids));
  if (isRecord(value)) return mentions(value['id'] ?? value['url'] ?? value['name'], ids);
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  return ids.has(text) || ids.has(lastSegment(text) ?? '');
}

/** A UUID pointing at a record that does not show its own id (labs) cannot be checked here. */
function verifiable(value: unknown, record: Row): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return !(typeof first === 'string' && isUuid(first) && !('id' in record));
}

async function rowsOf(endpoint: string, limit: number): Promise<Row[]> {
  return (await client.listPage<Row>(endpoint, { limit: String(limit) })).results;
}

function browsable(): EndpointModel[] {
  return Object.values(model.endpoints).filter((e) => e.browsable && e.list && e.detail);
}

describe('reverse-relation tabs against the sandbox', () => {
  it('counts what the sandbox answers, shows no tab for a forward relation, and is never a false zero', async () => {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    for (const endpoint of browsable()) {
      for (const row of await rowsOf(endpoint.name, SAMPLE)) {
        const lookup = recordLookup(endpoint, row);
        if (!lookup) continue;
        const record = await client.get<Row>(`/${endpoint.name}/${encodeURIComponent(lookup)}`);
        const ids = identities(record);
        for (const tab of findReverseRelations(model, endpoint.name, record, lookup)) {
          const where = `${endpoint.name}/${lookup} → ${tab.endpoint}?${tab.filter}=${tab.value}`;
          const page = await client.listPage<Row>(tab.endpoint, { [tab.filter]: tab.value, limit: '50' });
          const key = `${endpoint.name} → ${tab.endpoint}`;
          seen.set(key, Math.max(seen.get(key) ?? 0, page.count));
          // Every row the tab lists must point at this record (where the row says what it points at).
          const field = tab.filter;
          for (const related of page.results)
            if (field in related && verifiable(related[field], record) && !mentions(related[field], ids))
              problems.push(`${where}: row ${JSON.stringify(related[field])} does not point here`);
          // A record that names the other endpoint itself gets a link, not a tab.
          const forward = endpoint.detailFields.find(
            (f) => f.relation?.endpoint === tab.endpoint && !f.name.includes('_related'),
          );
          if (forward && record[forward.name] !== undefined && !Array.isArray(record[forward.name]))
            problems.push(`${where}: the record's own ${forward.name} field already points there`);
        }
      }
    }
    // A tab that is 0 for every sampled record: look for a record it is not 0 for, further on.
    const neverFilled: string[] = [];
    for (const [key, max] of seen) {
      if (max > 0) continue;
      const [selfName = '', otherName = ''] = key.split(' → ');
      const self = model.endpoints[selfName] as EndpointModel;
      let found = false;
      for (const row of await rowsOf(selfName, WIDE)) {
        const lookup = recordLookup(self, row);
        if (!lookup) continue;
        const tab = findReverseRelations(model, selfName, row, lookup).find((t) => t.endpoint === otherName);
        if (!tab) continue;
        const page = await client.listPage<Row>(otherName, { [tab.filter]: tab.value, limit: '1' });
        if (page.count > 0) {
          found = true;
          break;
        }
      }
      if (!found) neverFilled.push(key);
    }
    expect(problems).toEqual([]);
    expect(neverFilled.sort()).toEqual(SEED_LEAVES_EMPTY);
  }, 300_000);
});
