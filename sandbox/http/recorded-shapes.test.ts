// Conformance: the sandbox's responses have the shapes of responses recorded from real Alyx
// instances (../shared/alyx/recorded). Skips, saying why, when that folder is absent.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../app.ts';
import { sharedJson } from '../schema/shared-alyx.ts';
import { login, ORIGIN } from './test-helpers.ts';

const RECORDED_DIR = path.resolve(process.cwd(), '../shared/alyx/recorded');
const available = existsSync(RECORDED_DIR);
if (!available) console.log(`skipping recorded-shape conformance: ${RECORDED_DIR} not found`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON kind of a value; null is compatible with anything (nullable fields are often null in one). */
function kind(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Where `ours` differs from `theirs` in keys or value kinds, recursively through objects and arrays. */
function shapeDifferences(theirs: Json, ours: Json, at = '$'): string[] {
  const a = kind(theirs);
  const b = kind(ours);
  if (a === 'null' || b === 'null') return [];
  // Old servers sent 0/1 for booleans (`protected`, `public`); the current code sends booleans.
  if (a === 'number' && b === 'boolean') return [];
  // Lab `json` is a JSON-encoded string in a recording, an object on other servers.
  if ((a === 'string' && b === 'object') || (a === 'object' && b === 'string')) return [];
  if (a !== b) return [`${at}: recorded ${a}, sandbox ${b}`];
  if (a === 'array') {
    const [first] = theirs as Json[];
    const [mine] = ours as Json[];
    return first === undefined || mine === undefined ? [] : shapeDifferences(first, mine, `${at}[0]`);
  }
  if (a !== 'object') return [];
  const recorded = theirs as Record<string, Json>;
  const sandbox = ours as Record<string, Json>;
  const out: string[] = [];
  for (const key of Object.keys(recorded)) {
    if (!(key in sandbox)) out.push(`${at}.${key}: missing in the sandbox`);
    else out.push(...shapeDifferences(recorded[key] as Json, sandbox[key] as Json, `${at}.${key}`));
  }
  return out;
}

interface Case {
  file: string;
  /** The sandbox request that answers with the same kind of object. */
  request: (sandbox: Sandbox, token: string) => Promise<string>;
  list: boolean;
}

async function firstLookup(
  sandbox: Sandbox,
  token: string,
  endpoint: string,
  field: string,
): Promise<string> {
  const page = await getJson(sandbox, token, `/${endpoint}?limit=1`);
  const row = (page as { results: Record<string, Json>[] }).results[0];
  if (!row) throw new Error(`the seeded sandbox has no ${endpoint}`);
  const value = field === 'url' ? String(row.url).split('/').pop() : row[field];
  return String(value);
}

async function getJson(sandbox: Sandbox, token: string, pathAndQuery: string): Promise<Json> {
  const response = await sandbox.fetch(
    new Request(`${ORIGIN}${pathAndQuery}`, { headers: { authorization: `Token ${token}` } }),
  );
  expect(response.status, pathAndQuery).toBe(200);
  return (await response.json()) as Json;
}

const CASES: Case[] = [
  { file: 'datasets-list.json', list: true, request: async () => '/datasets?limit=5' },
  {
    file: 'datasets-detail.json',
    list: false,
    request: async (s, t) => `/datasets/${await firstLookup(s, t, 'datasets', 'url')}`,
  },
  { file: 'dataset-types-list.json', list: true, request: async () => '/dataset-types?limit=5' },
  {
    file: 'dataset-types-detail.json',
    list: false,
    request: async (s, t) => `/dataset-types/${await firstLookup(s, t, 'dataset-types', 'name')}`,
  },
  {
    file: 'data-repository-detail-aws.json',
    list: false,
    request: async (s, t) => `/data-repository/${await firstLookup(s, t, 'data-repository', 'name')}`,
  },
  {
    file: 'data-repository-detail-mainenlab.json',
    list: false,
    request: async (s, t) => `/data-repository/${await firstLookup(s, t, 'data-repository', 'name')}`,
  },
  { file: 'labs-list-mainenlab.json', list: true, request: async () => '/labs?limit=5' },
  { file: 'revisions-list-name-ks2.1.json', list: true, request: async () => '/revisions?limit=5' },
  {
    file: 'insertions-detail.json',
    list: false,
    request: async (s, t) => {
      // A detail with embedded datasets, like the recording.
      const page = (await getJson(s, t, '/insertions?limit=50')) as {
        results: { id: string; datasets: unknown[] }[];
      };
      const withData = page.results.find((r) => r.datasets.length > 0) ?? page.results[0];
      return `/insertions/${withData?.id}`;
    },
  },
];

describe.skipIf(!available)('responses have the shapes recorded from real Alyx', () => {
  let sandbox: Sandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await createSandbox({ dataDir: null });
    token = await login(sandbox, 'admin');
  });
  afterAll(async () => sandbox?.close());

  it('covers every recorded file', () => {
    const files = readdirSync(RECORDED_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  for (const testCase of CASES) {
    it(`${testCase.file}`, async () => {
      const recorded = sharedJson(`recorded/${testCase.file}`) as Json;
      const ours = await getJson(sandbox, token, await testCase.request(sandbox, token));
      if (testCase.list) {
        const page = ours as Record<string, Json>;
        expect(Object.keys(page)).toEqual(['count', 'next', 'previous', 'results']);
        const theirs = (recorded as { results: Json[] }).results[0] as Json;
        const mine = (page.results as Json[])[0] as Json;
        expect(shapeDifferences(theirs, mine)).toEqual([]);
      } else {
        expect(shapeDifferences(recorded, ours)).toEqual([]);
      }
    });
  }
});
