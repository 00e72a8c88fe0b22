import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Code, Group, Table } from '@mantine/core';
import type { EndpointModel } from '../../api/schema/model.ts';
import { MethodBadges } from '../../components/MethodBadge.tsx';

export function RoutesTable({ endpoint }: { endpoint: EndpointModel }) {
  const routes = [
    endpoint.list ? { kind: 'list', route: endpoint.list } : null,
    endpoint.detail
      ? { kind: `detail, by ${endpoint.lookupField ?? 'lookup'}`, route: endpoint.detail }
      : null,
  ].filter((row) => row !== null);
  return (
    <Table verticalSpacing={6} aria-label="Routes" maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Route</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Methods</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {routes.map(({ kind, route }) => (
          <Table.Tr key={route.path}>
            <Table.Td>
              <Code>{route.path}</Code>
            </Table.Td>
            <Table.Td>{kind}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <MethodBadges methods={route.methods} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
