import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Stack, Table, Text, Title } from '@mantine/core';
import type { EndpointModel, FieldModel } from '../../api/schema/model.ts';
import { useDetailContext } from './detail-context.ts';
import { FieldValue } from './FieldValue.tsx';
import { nestedLabel } from './nested-label.ts';
import { SubTable } from './SubTable.tsx';
import { isObjectArray, type RecordData } from './values.ts';

/** Model order first (detail, then list fields), then keys only the record has. */
function orderedKeys(endpoint: EndpointModel | undefined, record: RecordData): string[] {
  const keys: string[] = [];
  for (const f of [...(endpoint?.detailFields ?? []), ...(endpoint?.listFields ?? [])]) {
    if (!f.writeOnly && f.name in record && !keys.includes(f.name)) keys.push(f.name);
  }
  for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  return keys;
}

/** Every field of the record by type; nested arrays of objects follow as their own sub-tables. */
export function FieldsTable({
  endpoint,
  record,
}: {
  endpoint: EndpointModel | undefined;
  record: RecordData;
}) {
  const { model } = useDetailContext();
  const fields = new Map<string, FieldModel>();
  for (const f of [...(endpoint?.listFields ?? []), ...(endpoint?.detailFields ?? [])]) fields.set(f.name, f);
  const keys = orderedKeys(endpoint, record);
  const nested = keys.filter((key) => isObjectArray(record[key]));
  const plain = keys.filter((key) => !nested.includes(key));
  return (
    <Stack gap="lg">
      <Table withTableBorder withColumnBorders={false} verticalSpacing={6} layout="fixed" aria-label="Fields">
        <colgroup>
          <col style={{ width: 220 }} />
          <col />
        </colgroup>
        <Table.Tbody>
          {plain.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" style={{ verticalAlign: 'top', fontWeight: 500 }}>
                <Text size="sm" ff="monospace" title={fields.get(key)?.description}>
                  {key}
                </Text>
              </Table.Th>
              <Table.Td data-field={key}>
                <FieldValue name={key} value={record[key]} field={fields.get(key)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {nested.map((key) => {
        const items = record[key] as RecordData[];
        const label = nestedLabel(model, key);
        return (
          <Stack key={key} gap={6}>
            <Title order={4} fz="sm" title={key}>
              {label}{' '}
              <Text span c="dimmed" size="sm">
                ({items.length})
              </Text>
            </Title>
            <SubTable name={key} label={label} items={items} />
          </Stack>
        );
      })}
    </Stack>
  );
}
