import { Badge, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { logout } from '../../api/auth/login.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { paths } from '../../config/paths.ts';
import { IconUser } from '../../components/icons.tsx';
import { clearAccount } from '../../lib/account-store.ts';
import { useAccount } from '../../lib/use-account.ts';
import { PASS_LEAVE_GUARD } from '../../lib/use-leave-guard.ts';
import { useReadOnly } from '../../lib/use-read-only.ts';
import { useToken } from '../../lib/use-token.ts';

export function AccountMenu({ instance }: { instance: InstanceConfig }) {
  const token = useToken(instance.name);
  const account = useAccount(instance.name);
  const readOnly = useReadOnly(instance);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  if (!token) {
    return (
      <Button
        component={Link}
        to={paths.login(instance.name, `${location.pathname}${location.search}`)}
        variant="default"
        size="sm"
      >
        Log in
      </Button>
    );
  }
  const name = account.username ?? 'token';
  // Leave the page first: its queries, removed while it is still mounted, would refetch without a
  // token (403s in the console). Logout drops drafts, so the leave guard need not ask.
  const signOut = async (): Promise<void> => {
    await navigate(paths.login(instance.name), { replace: true, state: PASS_LEAVE_GUARD });
    logout(queryClient, instance);
    clearAccount(instance.name);
  };
  // Plain controls rather than a dropdown menu: the header stays free of floating-ui on the first screen.
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label="Account">
      {readOnly ? (
        <Badge color="orange" variant="light" title="This account can read but not create, edit or delete">
          read-only
        </Badge>
      ) : null}
      <Group
        gap={4}
        wrap="nowrap"
        title={
          account.username
            ? `Logged in to ${instance.name} as ${account.username}`
            : `Logged in to ${instance.name} with a token`
        }
        aria-label={`Account: ${name} on ${instance.name}`}
        role="status"
      >
        <IconUser size={16} />
        <Text span size="sm" maw={120} truncate visibleFrom="sm">
          {name}
        </Text>
      </Group>
      <Button variant="default" size="xs" onClick={() => void signOut()}>
        Log out
      </Button>
    </Group>
  );
}
