import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, verifyPasswordAsync, DJANGO_ITERATIONS } from '../auth/password.ts';
import { createSandbox } from '../app.ts';
import type { Sandbox } from '../app.ts';
import { client, IDS, login } from './test-helpers.ts';
import type { Reply } from './test-helpers.ts';

// The real registry (not the test declarations): the attack is on Alyx's actual endpoints.
let sandbox: Sandbox;
let get: (path: string) => Promise<Reply> = async () => Promise.reject(new Error('not ready'));

beforeAll(async () => {
  sandbox = await createSandbox({ seed: false });
  const hash = (p: string) => hashPassword(p, 10);
  await sandbox.sink.insertMany('users', [
    { id: IDS.admin, username: 'admin', password: hash('admin'), is_superuser: true, is_staff: true },
    { id: IDS.public, username: 'public', password: hash('public'), is_public_user: true },
  ]);
  const token = await login(sandbox, 'public');
  const api = client(sandbox, token);
  get = (path) => api('GET', path);
});

afterAll(() => sandbox.close());

const REFUSED = [
  '/users?django=username,admin,password__startswith,pbkdf2_sha256',
  '/users?django=password__regex,^pbkdf2',
  "/users?django=password__in,['x']",
  '/users?django=~password__startswith,pbkdf2',
  '/users?django=pk__isnull,False,password__startswith,p',
  '/users?django=is_superuser,True',
  '/users?django=is_staff,True',
  '/users?django=last_login__isnull,True',
  '/users?django=groups__contains,[1]',
  '/users?django=user_permissions__isnull,False',
  '/users?password=x',
  '/users?is_superuser=true',
  '/users?groups=1',
  '/sessions?django=users__password__startswith,pbkdf2',
  '/sessions?django=subject__responsible_user__password__startswith,pbkdf2',
  '/subjects?django=responsible_user__password__startswith,pbkdf2',
  '/subjects?django=responsible_user__is_superuser,True',
  '/subjects?django=~responsible_user__password__contains,a',
  '/labs?django=labmember__password__startswith,pbkdf2',
  '/users?django=allowed_users__password__startswith,p',
];

describe('credential and privilege columns are out of reach of every lookup', () => {
  it.each(REFUSED)('%s → 400, nothing counted', async (path) => {
    const reply = await get(path);
    expect(reply.status, reply.text).toBe(400);
    expect(reply.body).toMatchObject({ detail: expect.stringMatching(/^Filtering by \w+ not allowed$/) });
    expect(reply.text).not.toMatch(/count|pbkdf2/);
  });

  it('does not list the refused fields among the "Choices are" of an unknown keyword', async () => {
    const reply = await get('/users?django=nope,1');
    expect(reply.text).toContain('Choices are:');
    expect(reply.text).toContain('username');
    for (const name of ['password', 'last_login', 'is_superuser', 'is_staff', 'user_permissions', 'groups'])
      expect(reply.text).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('keeps ordinary user lookups working', async () => {
    const reply = await get('/users?django=username__startswith,adm');
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).toContain('"admin"');
    expect(JSON.stringify(reply.body)).not.toContain('"public"');
  });
});

describe('password hashes', () => {
  it("hash new passwords with Django 5.2's 1,000,000 PBKDF2 iterations", () => {
    expect(DJANGO_ITERATIONS).toBe(1_000_000);
    expect(hashPassword('secret').split('$').slice(0, 2)).toEqual(['pbkdf2_sha256', '1000000']);
  });

  it('still verify lower counts from real dumps, on and off the event loop', async () => {
    const old = hashPassword('fixture', 36_000);
    expect(verifyPassword('fixture', old)).toBe(true);
    expect(await verifyPasswordAsync('fixture', old)).toBe(true);
    expect(await verifyPasswordAsync('wrong', old)).toBe(false);
  });

  it('refuse absurd iteration counts instead of burning CPU on one login', async () => {
    const salt = 'c2FsdA';
    expect(await verifyPasswordAsync('x', `pbkdf2_sha256$999999999999$${salt}$AAAA`)).toBe(false);
  });
});
