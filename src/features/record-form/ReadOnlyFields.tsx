import { Group, Paper, Stack, Text } from '@mantine/core';
import type { AlyxRecord } from '../../api/queries/record-queries.ts';
import type { FieldModel } from '../../api/schema/model.ts';
import { ValueView, type ValueLinks } from '../../components/values/ValueView.tsx';

/** The record's read-only fields, shown for context and never sent. */
export function ReadOnlyFields({
  fields,
  record,
  links,
}: {
  fields: readonly FieldModel[];
  record: AlyxRecord | undefined;
  links: ValueLinks;
}) {
  if (fields.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Read-only (shown, never sent)
        </Text>
        {fields.map((field) => (
          <Group key={field.name} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" miw={160}>
              {field.name}
            </Text>
            <div style={{ minWidth: 0, flex: 1 }}>
              <ValueView name={field.name} value={record?.[field.name]} field={field} links={links} />
            </div>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
