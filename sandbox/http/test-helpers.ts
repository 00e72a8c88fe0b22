import { hashPassword } from '../auth/password.ts';
import { createSandbox } from '../app.ts';
import type { Sandbox, SandboxOptions } from '../app.ts';
import { testStorage } from '../db/test-engine.ts';
import { testResources } from './test-resources.ts';

export const ORIGIN = 'http://sandbox.test';

export const IDS = {
  admin: '00000000-0000-4000-8000-000000000001',
  alice: '00000000-0000-4000-8000-000000000002',
  public: '00000000-0000-4000-8000-000000000003',
  inactive: '00000000-0000-4000-8000-000000000004',
  labA: '10000000-0000-4000-8000-000000000001',
  labB: '10000000-0000-4000-8000-000000000002',
  projX: '20000000-0000-4000-8000-000000000001',
  projY: '20000000-0000-4000-8000-000000000002',
};

/**
 * An in-memory sandbox (or a throwaway PostgreSQL schema, see test-engine.ts) on the test
 * declarations with the three demo accounts (and an inactive one).
 */
export async function testSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await createSandbox({
    resources: testResources,
    seed: false,
    ...testStorage(),
    ...options,
  });
  const hash = (p: string) => hashPassword(p, 10);
  await sandbox.sink.insertMany('users', [
    { id: IDS.admin, username: 'admin', password: hash('admin'), is_superuser: true },
    { id: IDS.alice, username: 'alice', password: hash('alice') },
    { id: IDS.public, username: 'public', password: hash('public'), is_public_user: true },
    { id: IDS.inactive, username: 'ghost', password: hash('ghost'), is_active: false },
  ]);
  return sandbox;
}

export async function login(sandbox: Sandbox, username: string, password = username): Promise<string> {
  const response = await sandbox.fetch(
    new Request(`${ORIGIN}/auth-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),
  );
  const body = (await response.json()) as { token: string };
  return body.token;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A small client: JSON in, parsed JSON (or text) out. */
export function client(sandbox: Sandbox, token?: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const init: RequestInit = {
      method,
      headers: { ...(token ? { authorization: `Token ${token}` } : {}), ...headers },
    };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await sandbox.fetch(new Request(`${ORIGIN}${path}`, init));
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // HTML or empty bodies stay text
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
}
