/**
 * Relation pickers suggest existing values as the user types. Alyx's `django=` turns digit
 * strings into numbers, so `nickname__icontains,0160` found nothing for nicknames like `016023`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient } from '../http/client.ts';
import { sharedAlyxDir } from '../test-support/sandbox.ts';
import { startSandboxInstance, type SandboxInstance } from '../../testing/sandbox-instance.ts';
import { setToken } from '../auth/token-store.ts';
import { suggestionsOf, suggestionsQuery } from './suggestions.ts';

async function suggestOptions(sandbox: SandboxInstance, endpoint: string, field: string, typed: string) {
  const page = await new QueryClient().fetchQuery(
    suggestionsQuery(sandbox.instance, endpoint, field, typed, true),
  );
  return suggestionsOf(page, endpoint, field, typed, true);
}

async function suggest(sandbox: SandboxInstance, endpoint: string, field: string, typed: string) {
  return (await suggestOptions(sandbox, endpoint, field, typed)).map((option) => option.value);
}

describe('suggestions on the seeded sandbox', () => {
  let sandbox: SandboxInstance;

  beforeAll(async () => {
    sandbox = await startSandboxInstance();
    const client = createAlyxClient({ baseUrl: sandbox.instance.baseUrl });
    const token = await client.login('admin', 'admin');
    setToken(sandbox.instance.name, token);
    const authed = createAlyxClient({ baseUrl: sandbox.instance.baseUrl, getToken: () => token });
    const lab = (await authed.listPage<{ name: string }>('labs', { limit: '1' })).results[0]?.name;
    await authed.post('/subjects', { nickname: '016023', lab, responsible_user: 'admin', sex: 'U' });
    await authed.post('/subjects', { nickname: 'true', lab, responsible_user: 'admin', sex: 'U' });
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  it('finds digit-only nicknames from a digit-only prefix', async () => {
    expect(await suggest(sandbox, 'subjects', 'nickname', '0160')).toContain('016023');
    expect(await suggest(sandbox, 'subjects', 'nickname', '6023')).toContain('016023');
  });

  it('finds values Alyx would read as a boolean, and still finds plain text', async () => {
    expect(await suggest(sandbox, 'subjects', 'nickname', 'true')).toContain('true');
    const some = await suggest(sandbox, 'subjects', 'nickname', '');
    const sample = some.find((v) => /[a-z]/i.test(v)) ?? '';
    expect(await suggest(sandbox, 'subjects', 'nickname', sample.slice(1, 4))).toContain(sample);
  });

  it('says what each option is: a subject by its lab and sex, a user by name', async () => {
    const subjects = await suggestOptions(sandbox, 'subjects', 'nickname', '016023');
    const created = subjects.find((option) => option.value === '016023');
    expect(created?.description).toMatch(/^\S.* · U\b/);
    const users = await suggestOptions(sandbox, 'users', 'username', '');
    expect(users.length).toBeGreaterThan(1);
    expect(users.some((option) => /\S/.test(option.description))).toBe(true);
    expect(users.every((option) => option.description !== option.value)).toBe(true);
  });

  it('does not break on regex or Python-literal characters', async () => {
    await expect(suggest(sandbox, 'subjects', 'nickname', '[(.*')).resolves.toEqual([]);
  });
});

const dump = path.join(sharedAlyxDir, 'fixtures', 'all_dumped_anon.json.gz');
if (!existsSync(dump)) console.warn(`skipping the dump suggestions test: ${dump} not found`);

describe.skipIf(!existsSync(dump))('suggestions on the sandbox loaded with the real Alyx dump', () => {
  let sandbox: SandboxInstance;

  beforeAll(async () => {
    sandbox = await startSandboxInstance({ fixture: dump });
    const token = await createAlyxClient({ baseUrl: sandbox.instance.baseUrl }).login('admin', 'admin');
    setToken(sandbox.instance.name, token);
  }, 300_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  it('suggests dumped digit-only nicknames and usernames', async () => {
    const nicknames = await suggest(sandbox, 'subjects', 'nickname', '0160');
    expect(nicknames.length).toBeGreaterThan(0);
    expect(nicknames.every((n) => n.includes('0160'))).toBe(true);
    const users = await suggest(sandbox, 'users', 'username', '12');
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.includes('12'))).toBe(true);
  });
});
