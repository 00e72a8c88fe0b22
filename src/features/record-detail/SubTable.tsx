import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Table, Text } from '@mantine/core';
import { useDetailContext, type DetailLink } from './detail-context.ts';
import { isRecord } from '../../api/values.ts';
import { subTableColumns, type RecordData } from './values.ts';
import { ValueLink } from './ValueLink.tsx';

const MAX_COLUMNS = 8;

function Cell({ name, value, parentName }: { name: string; value: unknown; parentName: string }) {
  const { resolveLink } = useDetailContext();
  if (value === null || value === undefined || value === '') {
    return (
      <Text span c="dimmed" size="xs">
        —
      </Text>
    );
  }
  if (typeof value === 'boolean') return <>{value ? 'true' : 'false'}</>;
  // A short list of slugs or ids (a session's projects, users) reads better as links than as a count.
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 4 &&
    value.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    return (
      <>
        {value.map((item, index) => (
          <span key={index}>
            {index > 0 ? ', ' : null}
            <Cell name={name} value={item} parentName={parentName} />
          </span>
        ))}
      </>
    );
  }
  if (isRecord(value) || Array.isArray(value)) {
    return (
      <Text span size="xs" ff="monospace" title={JSON.stringify(value)}>
        {Array.isArray(value) ? `[${value.length}]` : '{…}'}
      </Text>
    );
  }
  // An item's own id points at the record the array holds (a session's datasets, insertions…).
  const link = name === 'id' ? resolveLink(parentName, value) : resolveLink(name, value);
  const text = String(value);
  if (link) {
    return (
      <ValueLink link={link} title={text}>
        {/^[0-9a-f-]{36}$/i.test(text) ? text.slice(0, 8) : text.replace(/^https?:\/\/.*\/([^/]+)$/, '$1')}
      </ValueLink>
    );
  }
  return <>{text}</>;
}

function linkCell(link: DetailLink | null) {
  if (!link || link.kind !== 'app') return null;
  const text = link.lookup ?? 'open';
  return (
    <ValueLink link={link} title={text}>
      {/^[0-9a-f-]{36}$/i.test(text) ? text.slice(0, 8) : text}
    </ValueLink>
  );
}

/** A nested array of objects (a session's datasets, notes, insertions) as a compact table with links. */
export function SubTable({
  name,
  items,
  columns,
  rowLink,
}: {
  name: string;
  items: readonly RecordData[];
  columns?: readonly string[];
  /** A leading column linking each item to its own record (reverse-relation lists). */
  rowLink?: (item: RecordData) => DetailLink | null;
}) {
  const shown = (columns ?? subTableColumns(items)).slice(0, MAX_COLUMNS);
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={420}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        stickyHeader
        verticalSpacing={4}
        fz="xs"
        aria-label={name}
      >
        <Table.Thead>
          <Table.Tr>
            {rowLink ? <Table.Th>record</Table.Th> : null}
            {shown.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={index}>
              {rowLink ? <Table.Td>{linkCell(rowLink(item))}</Table.Td> : null}
              {shown.map((column) => (
                <Table.Td
                  key={column}
                  style={{
                    maxWidth: 320,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                >
                  <Cell name={column} value={item[column]} parentName={name} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
