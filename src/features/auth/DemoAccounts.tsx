import { Code, Text } from '@mantine/core';

/** The sandbox's seeded accounts, shown only for an instance the app server marks as the sandbox. */
export function DemoAccounts() {
  return (
    <Text size="sm" c="dimmed" role="note" aria-label="Demo accounts">
      Demo sandbox on this machine: log in as <Code>admin</Code>/<Code>admin</Code> (superuser),{' '}
      <Code>alice</Code>/<Code>alice</Code> (can write) or <Code>public</Code>/<Code>public</Code>{' '}
      (read-only).
    </Text>
  );
}
