import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Code, Table, Text } from '@mantine/core';
import type { FieldModel } from '../../api/schema/model.ts';
import { Choices } from './Choices.tsx';
import { describeType } from './field-type.ts';
import { InlineCode } from './InlineCode.tsx';
import classes from './EndpointDocs.module.css';
import { RelationLink } from './RelationLink.tsx';

const yes = (value: boolean) => (value ? 'yes' : '');

export function FieldsTable({
  instance,
  fields,
  label,
}: {
  instance: string;
  fields: readonly FieldModel[];
  label: string;
}) {
  if (fields.length === 0) return <Text c="dimmed">No fields are known for this endpoint.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Required</Table.Th>
            <Table.Th>Read-only</Table.Th>
            <Table.Th>Nullable</Table.Th>
            <Table.Th>Relation / choices</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field.name}>
              <Table.Td>
                <Code>{field.name}</Code>
                {field.description ? (
                  <Text size="xs" c="dimmed" mt={2} className={classes.description}>
                    <InlineCode text={field.description} />
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{describeType(field)}</Text>
              </Table.Td>
              <Table.Td>{yes(field.required)}</Table.Td>
              <Table.Td>{yes(field.readOnly)}</Table.Td>
              <Table.Td>{yes(field.nullable)}</Table.Td>
              <Table.Td>
                <RelationLink instance={instance} relation={field.relation} />
                <Choices choices={field.choices} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
