import { Button, Group, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import { checkJson, formatJson } from './json-text.ts';

interface JsonBodyEditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
}

/**
 * The JSON body: a textarea that says whether its text parses, and formats it. One component so a
 * code editor (the forms' CodeMirror) can replace it without touching the console.
 */
export function JsonBodyEditor({ value, onChange, label }: JsonBodyEditorProps) {
  const check = checkJson(value);
  const statusId = useId();
  return (
    <div>
      <Textarea
        label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={16}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        error={check.ok ? undefined : `Not valid JSON: ${check.message}`}
        aria-describedby={statusId}
      />
      <Group gap="xs" mt={4} justify="space-between" wrap="wrap">
        <Text id={statusId} size="xs" c="dimmed">
          {check.ok ? (value.trim() === '' ? 'Empty: no body is sent.' : 'Valid JSON.') : ''}
        </Text>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => onChange(formatJson(value))}
          disabled={!check.ok || value.trim() === ''}
        >
          Format
        </Button>
      </Group>
    </div>
  );
}
