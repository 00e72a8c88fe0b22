import { hashPassword } from '../auth/password.ts';
import type { StoredRow } from '../resources/types.ts';
import type { UserSpec } from './vocabulary.ts';

/** A `users` row (misc.LabMember fields). Demo accounts get a real hash, others Django's unusable password. */
export function userRow(id: string, spec: UserSpec, dateJoined: string, unusableSalt: string): StoredRow {
  return {
    id,
    username: spec.username,
    password: spec.password ? hashPassword(spec.password) : `!${unusableSalt}`,
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
