import { useQuery } from '@tanstack/react-query';
import type { InstanceConfig } from '../api/instances.ts';
import { reverseCountQuery } from '../api/queries/record-queries.ts';
import { useAccount } from './use-account.ts';

/**
 * True when the account behind the instance's token can only read: a write was refused with a
 * blanket 403, or the user row says `is_public_user` (the same query as the account menu's badge,
 * so one request serves both).
 */
export function useReadOnly(instance: InstanceConfig): boolean {
  const account = useAccount(instance.name);
  const { data } = useQuery({
    ...reverseCountQuery(instance, 'users', { username: account.username ?? '', is_public_user: true }),
    enabled: account.username !== null,
    staleTime: Infinity,
  });
  return account.readOnly || (data !== undefined && data > 0);
}
