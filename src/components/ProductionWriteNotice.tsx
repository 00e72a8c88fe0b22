import { Paper, Text } from '@mantine/core';
import type { InstanceConfig } from '../api/instances.ts';

/**
 * Said next to every control that writes, on an instance configured as production; nothing elsewhere.
 * A note, not an alert: it is there from the start and must not interrupt a screen reader.
 */
export function ProductionWriteNotice({ instance }: { instance: InstanceConfig }) {
  if (instance.kind !== 'production') return null;
  return (
    <Paper
      role="note"
      aria-label="Production instance"
      px="sm"
      py={6}
      data-testid="production-write-notice"
      style={{
        border: '1px solid var(--mantine-color-red-8)',
        borderLeftWidth: 6,
        background: 'light-dark(var(--mantine-color-red-0), var(--mantine-color-dark-6))',
      }}
    >
      <Text size="sm">
        You are writing to production instance <strong>{instance.name}</strong>: this changes real data.
      </Text>
    </Paper>
  );
}
