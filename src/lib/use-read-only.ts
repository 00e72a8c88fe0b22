import { useQuery } from '@tanstack/react-query';
import type { InstanceConfig } from '../api/instances.ts';
import { reverseCountQuery } from '../api/queries/record-queries.ts';
import { useAccount } from './use-account.ts';
import { useToken } from './use-token.ts';

/**
 * True when the account behind the instance's token can only read: a write was refused with a
 * blanket 403, or the user row says `is_public_user`. Alyx has no "who am I": a public account is
 * recognised by filtering users on `is_public_user` (one cached request serves every control).
 */
export function useReadOnly(instance: InstanceConfig): boolean {
  const token = useToken(instance.name);
  const account = useAccount(instance.name);
  const username = token ? account.username : null;
  const { data } = useQuery({
    ...reverseCountQuery(instance, 'users', { username: username ?? '', is_public_user: true }),
    enabled: username !== null,
    staleTime: Infinity,
  });
  return account.readOnly || (data !== undefined && data > 0);
}
