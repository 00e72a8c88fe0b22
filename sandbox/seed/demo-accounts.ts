import { hashPassword, hashPasswordAsync } from '../auth/password.ts';
import type { StoredRow } from '../resources/types.ts';
import { USERS } from './vocabulary.ts';
import type { UserSpec } from './vocabulary.ts';

// At Django's 1,000,000 iterations one hash costs ~0.5 s: each demo password is hashed once per
// process (in parallel, off the event loop) and reused by every seed and fixture load.
const demoHashes = new Map<string, string>();
let priming: Promise<void> | undefined;

/** Hashes the demo passwords before a seed needs them; later calls are free. */
export function primeDemoHashes(): Promise<void> {
  priming ??= Promise.all(
    USERS.flatMap((spec) => (spec.password ? [spec.password] : [])).map(async (plain) => {
      demoHashes.set(plain, await hashPasswordAsync(plain));
    }),
  ).then(() => undefined);
  return priming;
}

function demoHash(plain: string): string {
  const known = demoHashes.get(plain);
  if (known) return known;
  const hash = hashPassword(plain);
  demoHashes.set(plain, hash);
  return hash;
}

/** A `users` row (misc.LabMember fields). Demo accounts get a real hash, others Django's unusable password. */
export function userRow(id: string, spec: UserSpec, dateJoined: string, unusableSalt: string): StoredRow {
  return {
    id,
    username: spec.username,
    password: spec.password ? demoHash(spec.password) : `!${unusableSalt}`,
    first_name: spec.firstName,
    last_name: spec.lastName,
    email: `${spec.username}@sandbox.example.org`,
    is_active: true,
    is_staff: spec.isStaff ?? false,
    is_superuser: spec.isSuperuser ?? false,
    is_public_user: spec.isPublicUser ?? false,
    is_stock_manager: spec.isStockManager ?? false,
    date_joined: dateJoined,
    last_login: null,
    allowed_users: [],
  };
}
