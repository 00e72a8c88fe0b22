import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Code, Table, Text } from '@mantine/core';
import type { FormValue } from './form-values.ts';
import type { FieldChange } from './payload.ts';

function show(value: FormValue | undefined | unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

/** PATCH: what will change, old → new, before anything is sent. */
export function ChangesSummary({ changes }: { changes: readonly FieldChange[] }) {
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="changes-summary">
        No changes to send yet.
      </Text>
    );
  return (
    <Table data-testid="changes-summary" withTableBorder verticalSpacing={4} fz="sm" captionSide="top">
      <Table.Caption>Changes to send</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Field</Table.Th>
          <Table.Th scope="col">Now</Table.Th>
          <Table.Th scope="col">New</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Th scope="row">{change.field}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Code>{show(change.before)}</Code>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Code>{show(change.after)}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
