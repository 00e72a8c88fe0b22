import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';

/** The whole Alyx query string, `django=` included, edited as text; remounted when the URL changes. */
export function RawQueryEditor({
  search,
  onApply,
}: {
  search: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
}) {
  const current = search.toString().replace(/%2C/gi, ',');
  const [text, setText] = useState(current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(new URLSearchParams(text.trim().replace(/^\?/, '')));
  };
  return (
    <form onSubmit={submit} aria-label="Raw query">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          size="xs"
          flex={1}
          label="Alyx query"
          description="Everything after ? in the Alyx URL: filters, django=field__lookup,value, limit, offset"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <Button size="xs" variant="light" type="submit" disabled={text === current}>
          Run query
        </Button>
      </Group>
    </form>
  );
}
