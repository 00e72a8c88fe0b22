import { Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { parseJsonField } from './value-format.ts';

const COLLAPSED_LINES = 12;

/** A JSON value pretty-printed, collapsed when long; double-encoded strings are decoded and flagged. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const parsed = parseJsonField(value);
  const text = JSON.stringify(parsed.value, null, 2) ?? 'null';
  const lines = text.split('\n').length;
  const [open, setOpen] = useState(lines <= COLLAPSED_LINES);
  if (parsed.value === null) {
    return (
      <Text span c="dimmed" size="sm">
        null
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {parsed.doubleEncoded ? (
          <Badge size="xs" variant="outline" color="gray" title="The server sent this JSON as a string">
            JSON string, decoded
          </Badge>
        ) : null}
        {lines > COLLAPSED_LINES ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`}
          >
            {open ? 'Collapse' : `Expand (${lines} lines)`}
          </Button>
        ) : null}
      </Group>
      {/* A scroll box: keyboard users must be able to focus it to scroll it (WCAG 2.1.1). */}
      <Code
        block
        tabIndex={0}
        role="region"
        aria-label={`${label} (JSON)`}
        style={{ maxHeight: open ? 480 : '9.5em', overflow: 'auto', fontSize: 12 }}
      >
        {text}
      </Code>
    </Stack>
  );
}
