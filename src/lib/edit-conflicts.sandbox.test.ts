/**
 * Conflict checks against the in-process sandbox: another client PATCHes the record between the form
 * opening and the check, through the same client the app uses.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlyxClient, type AlyxClient } from '../api/http/client.ts';
import { discoverApi } from '../api/schema/discover.ts';
import type { FieldModel } from '../api/schema/model.ts';
import { inProcessFetch, loadSandboxModule, type SandboxInstance } from '../api/test-support/sandbox.ts';
import { isRecord, safeEncode } from '../api/values.ts';
import { checkBeforeWrite, resolveConflicts, sameFieldValue, type FormValues } from './edit-conflicts.ts';

const sandboxModule = await loadSandboxModule();
const BASE = 'http://sandbox.test';

async function record(client: AlyxClient, path: string): Promise<FormValues> {
  const body = await client.get(path);
  if (!isRecord(body)) throw new Error(`${path} is not a record`);
  return body;
}

describe('checkBeforeWrite against the sandbox', () => {
  let sandbox: SandboxInstance;
  let alice: AlyxClient;
  let admin: AlyxClient;
  let fields: FieldModel[];
  let path: string;

  beforeAll(async () => {
    sandbox = await sandboxModule.createSandbox({ dataDir: null });
    const fetch = inProcessFetch(sandbox);
    const anonymous = createAlyxClient({ baseUrl: BASE, fetch });
    const aliceToken = await anonymous.login('alice', 'alice');
    const adminToken = await anonymous.login('admin', 'admin');
    alice = createAlyxClient({ baseUrl: BASE, fetch, getToken: () => aliceToken });
    admin = createAlyxClient({ baseUrl: BASE, fetch, getToken: () => adminToken });
    const model = await discoverApi(alice);
    fields = (model.endpoints['subjects']?.detailFields ?? []).filter((field) => !field.readOnly);
    const [first] = (await alice.listPage('subjects', { limit: 1 })).results;
    if (typeof first?.nickname !== 'string') throw new Error('the sandbox has no subject');
    path = `/subjects/${safeEncode(first.nickname)}`;
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('finds the field another client changed meanwhile, and sends my changes without undoing theirs', async () => {
    expect(fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(['description', 'responsible_user']),
    );
    const opened = await record(alice, path);
    const otherUser = opened.responsible_user === 'admin' ? 'alice' : 'admin';
    const edited = { ...opened, description: 'alice: weighed twice, see notes' };

    // Meanwhile, in another client:
    await admin.patch(path, { description: 'admin: moved to cage 4', responsible_user: otherUser });

    const check = await checkBeforeWrite(() => alice.get(path), opened, edited, fields);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.conflicts).toEqual([
      {
        field: 'description',
        opened: opened.description,
        server: 'admin: moved to cage 4',
        mine: 'alice: weighed twice, see notes',
      },
    ]);

    // Keep mine; the PATCH then holds only my change, rebased on the current record.
    const values = resolveConflicts({
      opened,
      current: check.current,
      edited,
      fields,
      choices: { description: 'mine' },
    });
    const body = Object.fromEntries(
      fields
        .filter((field) => !sameFieldValue(values[field.name], check.current[field.name], field))
        .map((field) => [field.name, values[field.name]]),
    );
    expect(body).toEqual({ description: 'alice: weighed twice, see notes' });
    await alice.patch(path, body);
    const after = await record(alice, path);
    expect(after).toMatchObject({
      description: 'alice: weighed twice, see notes',
      responsible_user: otherUser,
    });

    // Opened from the saved record, with nobody else writing: nothing to ask.
    const again = await checkBeforeWrite(
      () => alice.get(path),
      after,
      { ...after, description: 'x' },
      fields,
    );
    expect(again.ok).toBe(true);
  });

  it('is no conflict when the other client changed only fields I left alone', async () => {
    const opened = await record(alice, path);
    await admin.patch(path, { description: 'admin again' });
    const edited = { ...opened, responsible_user: opened.responsible_user === 'admin' ? 'alice' : 'admin' };
    const check = await checkBeforeWrite(() => alice.get(path), opened, edited, fields);
    expect(check).toMatchObject({ ok: true, current: { description: 'admin again' } });
  });
});
