import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/** Narratives, notes, task logs: line breaks kept, long ones folded until asked. */
export function LongText({ text, label }: { text: string; label: string }) {
  const long = text.length > 600 || text.split('\n').length > 8;
  const [open, setOpen] = useState(!long);
  return (
    <Stack gap={4} align="flex-start">
      <Text
        size="sm"
        style={{
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          maxHeight: open ? undefined : '9em',
          overflow: 'hidden',
        }}
      >
        {text}
      </Text>
      {long ? (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-label={`${open ? 'Show less of' : 'Show all of'} ${label}`}
        >
          {open ? 'Show less' : 'Show all'}
        </Button>
      ) : null}
    </Stack>
  );
}
