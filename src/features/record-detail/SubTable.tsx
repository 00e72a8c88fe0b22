import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Table, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { isUuid } from '../../api/values.ts';
import { ValueView, type ValueLinks } from '../../components/values/ValueView.tsx';
import { useDetailContext, type DetailLink } from './detail-context.ts';
import { dateColumn, nextSort, sortRows, type SubTableSort } from './sub-table-sort.ts';
import { subTableColumns, type RecordData } from './values.ts';
import { ValueLink } from './ValueLink.tsx';

const MAX_COLUMNS = 8;

function linkCell(link: DetailLink | null) {
  if (!link || link.kind !== 'app') return null;
  const text = link.lookup ?? 'open';
  return (
    <ValueLink link={link} title={text}>
      {isUuid(text) ? text.slice(0, 8) : text}
    </ValueLink>
  );
}

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: string;
  sort: SubTableSort | null;
  onSort: (column: string) => void;
}) {
  const active = sort?.column === column;
  return (
    <Table.Th aria-sort={active ? sort.direction : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => onSort(column)}
        fz="xs"
        fw={700}
        title={`Sort by ${column}`}
        style={{ font: 'inherit' }}
      >
        {column}
        {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

/** A nested array of objects (a session's datasets, notes, insertions) as a compact table with links. */
export function SubTable({
  name,
  label,
  items,
  columns,
  rowLink,
}: {
  /** The array's field name (or endpoint), which decides where an item's id links. */
  name: string;
  /** What the table is called on screen; the name when absent. */
  label?: string;
  items: readonly RecordData[];
  columns?: readonly string[];
  /** A leading column linking each item to its own record (reverse-relation lists). */
  rowLink?: (item: RecordData) => DetailLink | null;
}) {
  const { instance, resolveLink } = useDetailContext();
  const shown = (columns ?? subTableColumns(items)).slice(0, MAX_COLUMNS);
  const dated = dateColumn(shown, items);
  const [sort, setSort] = useState<SubTableSort | null>(
    dated ? { column: dated, direction: 'descending' } : null,
  );
  const rows = sortRows(items, sort);
  // An item's own id points at the record the array holds (a session's datasets, insertions…).
  const links: ValueLinks = {
    instance,
    resolve: (column, value, relation) =>
      column === 'id' ? resolveLink(name, value) : resolveLink(column, value, relation),
  };
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={420}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        stickyHeader
        verticalSpacing={4}
        fz="xs"
        aria-label={label ?? name}
      >
        <Table.Thead>
          <Table.Tr>
            {rowLink ? <Table.Th>record</Table.Th> : null}
            {shown.map((column) => (
              <SortHeader
                key={column}
                column={column}
                sort={sort}
                onSort={(picked) => setSort(nextSort(sort, picked, picked === dated))}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((item, index) => (
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
                  <ValueView name={column} value={item[column]} links={links} compact />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
