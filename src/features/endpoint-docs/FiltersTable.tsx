import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Code, Table, Text } from '@mantine/core';
import type { FilterModel } from '../../api/schema/model.ts';
import { Choices } from './Choices.tsx';
import { describeType } from './field-type.ts';
import { InlineCode } from './InlineCode.tsx';
import classes from './EndpointDocs.module.css';
import { RelationLink } from './RelationLink.tsx';

export function FiltersTable({ instance, filters }: { instance: string; filters: readonly FilterModel[] }) {
  if (filters.length === 0) return <Text c="dimmed">This endpoint declares no filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing={6} aria-label="Filters">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Choices / target</Table.Th>
            <Table.Th>Description</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {filters.map((filter) => (
            <Table.Tr key={filter.name}>
              <Table.Td>
                <Code>{filter.name}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{describeType(filter)}</Text>
              </Table.Td>
              <Table.Td>
                <Choices choices={filter.choices} />
                <RelationLink instance={instance} relation={filter.relation} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" className={classes.description}>
                  <InlineCode text={filter.description} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
