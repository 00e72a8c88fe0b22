import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { verifyPasswordAsync } from './password.ts';

/** The resource whose rows are the accounts (Alyx's misc.labmember). */
export const USERS_RESOURCE = 'users';

export interface AuthUser {
  id: string;
  username: string;
  isSuperuser: boolean;
  isPublic: boolean;
}

interface UserRow {
  id: string | number;
  username: string;
  password: string | null;
  is_superuser: boolean | null;
  is_public_user: boolean | null;
  is_active: boolean | null;
}

export type AuthResult =
  { ok: true; user: AuthUser } | { ok: false; detail: string } | { ok: false; detail: null };

function toUser(row: UserRow): AuthUser {
  return {
    id: String(row.id),
    username: row.username,
    isSuperuser: row.is_superuser === true,
    isPublic: row.is_public_user === true,
  };
}

const USER_COLUMNS = 'id, username, password, is_superuser, is_public_user, is_active';

/** DRF's ObtainAuthToken: check the password, then get_or_create the user's one token. */
export async function obtainToken(db: Queryable, username: string, password: string): Promise<string | null> {
  const [row] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1 LIMIT 1`, [
    username,
  ]);
  if (
    !row ||
    row.is_active === false ||
    !row.password ||
    !(await verifyPasswordAsync(password, row.password))
  )
    return null;
  const userId = String(row.id);
  const [existing] = await db.query<{ key: string }>('SELECT key FROM authtoken WHERE user_id = $1', [
    userId,
  ]);
  if (existing) return existing.key;
  const key = randomBytes(20).toString('hex');
  const [created] = await db.query<{ key: string }>(
    'INSERT INTO authtoken (key, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING key',
    [key, userId],
  );
  return created?.key ?? key;
}

/**
 * DRF TokenAuthentication. `detail: null` means no token credentials were sent at all
 * (DRF then reports "Authentication credentials were not provided.").
 */
export async function authenticateHeader(db: Queryable, header: string | null): Promise<AuthResult> {
  const parts = (header ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts[0]?.toLowerCase() !== 'token') return { ok: false, detail: null };
  if (parts.length === 1) return { ok: false, detail: 'Invalid token header. No credentials provided.' };
  if (parts.length > 2)
    return { ok: false, detail: 'Invalid token header. Token string should not contain spaces.' };
  const [row] = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS.split(', ')
      .map((c) => `u.${c}`)
      .join(', ')} FROM authtoken k JOIN users u ON u.id::text = k.user_id WHERE k.key = $1`,
    [parts[1]],
  );
  if (!row) return { ok: false, detail: 'Invalid token.' };
  if (row.is_active === false) return { ok: false, detail: 'User inactive or deleted.' };
  return { ok: true, user: toUser(row) };
}
