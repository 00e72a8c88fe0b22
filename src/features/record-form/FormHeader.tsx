import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { WriteMethod } from '../../api/schema/write-fields.ts';
import { MethodBadge } from '../../components/MethodBadge.tsx';
import { IconAlert } from '../../components/icons.tsx';

const HINTS: Record<WriteMethod, string> = {
  PATCH: 'Only the fields you change are sent.',
  PUT: 'Every writable field is sent, as shown here: a field left empty is cleared on the record.',
  POST: 'Fields marked * are required.',
};

export function formTitle(method: WriteMethod, endpoint: string, lookup: string | undefined): string {
  if (method === 'POST') return `New ${endpoint} record`;
  return `${method === 'PATCH' ? 'Edit' : 'Replace'} ${endpoint} ${lookup ?? ''}`;
}

/** The way back, the method and what it sends; for an account that can only read, that it can't. */
export function FormHeader({
  method,
  endpointName,
  lookup,
  backTo,
  readOnlyAccount,
  loginPath,
}: {
  method: WriteMethod;
  endpointName: string;
  lookup: string | undefined;
  backTo: string;
  readOnlyAccount: boolean;
  loginPath: string;
}) {
  return (
    <>
      <Stack gap={4}>
        <Anchor component={Link} to={backTo} size="sm">
          {method === 'POST' ? endpointName : `${endpointName} ${lookup ?? ''}`}
        </Anchor>
        <Group gap="xs" align="center">
          <MethodBadge method={method} />
          <Title order={2} fz={{ base: 'lg', sm: 'xl' }} style={{ overflowWrap: 'anywhere' }}>
            {formTitle(method, endpointName, lookup)}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {HINTS[method]}
        </Text>
      </Stack>
      {readOnlyAccount ? (
        <Alert
          role="alert"
          color="orange"
          variant="light"
          title="This account can only read"
          icon={<IconAlert />}
          data-testid="read-only-account"
        >
          <Text size="sm">
            It may browse but not create, edit or delete, so this form cannot be sent.{' '}
            <Anchor component={Link} to={loginPath} size="sm">
              Log in with another account
            </Anchor>
          </Text>
        </Alert>
      ) : null}
    </>
  );
}
