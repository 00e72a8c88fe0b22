import '@mantine/core/styles/FloatingIndicator.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

interface Row {
  id: number;
  key: string;
  value: string;
}

interface QueryEditorProps {
  /** Query string without `?`. */
  value: string;
  onChange: (value: string) => void;
}

let nextId = 1;

function rowsOf(query: string): Row[] {
  return [...new URLSearchParams(query)].map(([key, value]) => ({ id: nextId++, key, value }));
}

function queryOf(rows: readonly Row[]): string {
  const params = new URLSearchParams(
    rows.filter((row) => row.key !== '').map((row): [string, string] => [row.key, row.value]),
  );
  // Alyx filters are comma-separated; keep them legible.
  return params.toString().replace(/%2C/gi, ',');
}

/** The query as key/value rows or as the raw string; both edit the same query. */
export function QueryEditor({ value, onChange }: QueryEditorProps) {
  const [mode, setMode] = useState<'rows' | 'raw'>('rows');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));

  const update = (next: Row[]): void => {
    setRows(next);
    onChange(queryOf(next));
  };
  const switchTo = (next: string): void => {
    if (next === 'rows') setRows(rowsOf(value));
    setMode(next === 'raw' ? 'raw' : 'rows');
  };

  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={500} id="console-query-label">
          Query
        </Text>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={switchTo}
          data={[
            { value: 'rows', label: 'Rows' },
            { value: 'raw', label: 'Raw' },
          ]}
          aria-label="Query editor mode"
        />
      </Group>
      {mode === 'raw' ? (
        <TextInput
          aria-label="Raw query string"
          placeholder="subject=KS005&number=1"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value.replace(/^\?/, ''))}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      ) : (
        <Stack gap={4} role="group" aria-labelledby="console-query-label">
          {rows.map((row, index) => (
            <Group key={row.id} gap={4} wrap="nowrap" align="center">
              <TextInput
                aria-label={`Parameter ${index + 1} name`}
                placeholder="name"
                value={row.key}
                onChange={(event) => {
                  const key = event.currentTarget.value;
                  update(rows.map((r) => (r.id === row.id ? { ...r, key } : r)));
                }}
                style={{ flex: '1 1 35%', minWidth: 0 }}
              />
              <TextInput
                aria-label={`Parameter ${index + 1} value`}
                placeholder="value"
                value={row.value}
                onChange={(event) => {
                  const next = event.currentTarget.value;
                  update(rows.map((r) => (r.id === row.id ? { ...r, value: next } : r)));
                }}
                style={{ flex: '1 1 65%', minWidth: 0 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove parameter ${index + 1}`}
                onClick={() => update(rows.filter((r) => r.id !== row.id))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => setRows([...rows, { id: nextId++, key: '', value: '' }])}
            >
              Add parameter
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
