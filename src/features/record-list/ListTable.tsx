import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Table, Text, UnstyledButton } from '@mantine/core';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { EndpointModel, FieldModel } from '../../api/schema/model.ts';
import { paths } from '../../config/paths.ts';
import { shortText } from '../../components/values/value-format.ts';
import { CellValue } from './CellValue.tsx';
import { columnWidth, type Row } from './columns.ts';
import { useListContext } from './list-context.ts';
import { RecordLink } from './RecordLink.tsx';
import { recordLookup } from '../../api/queries/row-key.ts';
import { nextSort, sortRows, type SortState } from './sort.ts';
import { useSpaceBelow } from './use-space-below.ts';

const ROW_HEIGHT = 34;
const MIN_FRAME_HEIGHT = 240;
const SCROLLBAR_ALLOWANCE = 20;
/** Where there is no layout (jsdom, a hidden tab) the scroll box measures 0: render a screenful. */
const NO_LAYOUT_RECT = { width: 1200, height: 800 };

function observeRectOrScreenful(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (rect) => cb(rect.height === 0 ? NO_LAYOUT_RECT : rect));
}
const LINK_COLUMN_WIDTH = 100;

interface ListTableProps {
  endpoint: EndpointModel | undefined;
  endpointName: string;
  rows: readonly Row[];
  columns: readonly string[];
  /** Column whose cells link to the row's record; without one a leading link column is added. */
  linkColumn: string | undefined;
  sort: SortState | null;
  onSortChange: (sort: SortState | null) => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The loaded page as a table with only the visible rows in the DOM (a 1,000-row page stays
 * fast); columns have fixed widths so scrolling never reflows.
 */
export function ListTable({
  endpoint,
  endpointName,
  rows,
  columns,
  linkColumn,
  sort,
  onSortChange,
}: ListTableProps) {
  const { instance } = useListContext();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const fields = useMemo(() => {
    const map = new Map<string, FieldModel>();
    for (const f of [...(endpoint?.detailFields ?? []), ...(endpoint?.listFields ?? [])]) map.set(f.name, f);
    return map;
  }, [endpoint]);
  const leadingLink = linkColumn === undefined || !columns.includes(linkColumn);
  const widths = columns.map((name) => columnWidth(name, fields.get(name)));
  const totalWidth = widths.reduce((sum, w) => sum + w, leadingLink ? LINK_COLUMN_WIDTH : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; nothing here is memoised on them.
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    observeElementRect: observeRectOrScreenful,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = columns.length + (leadingLink ? 1 : 0);
  // The frame ends at the window's bottom, so its horizontal scrollbar is in view without scrolling
  // the page; a short page is only as tall as its rows.
  const spaceBelow = useSpaceBelow(scrollRef);
  const contentHeight = (sorted.length + 1) * ROW_HEIGHT + SCROLLBAR_ALLOWANCE;
  const frameHeight =
    spaceBelow === undefined
      ? 'min(70vh, calc(100vh - 260px))'
      : Math.min(contentHeight, Math.max(MIN_FRAME_HEIGHT, spaceBelow));

  const recordCell = (row: Row, content: string | null) => {
    const lookup = endpoint ? recordLookup(endpoint, row) : undefined;
    if (lookup === undefined)
      return (
        <Text span c="dimmed" size="sm">
          —
        </Text>
      );
    return (
      <RecordLink
        link={{
          kind: 'app',
          to: paths.record(instance.name, endpointName, lookup),
          endpoint: endpointName,
          lookup,
        }}
        title={lookup}
      >
        {content ?? shortText(lookup)}
      </RecordLink>
    );
  };

  return (
    <div
      ref={scrollRef}
      style={{
        height: frameHeight,
        overflow: 'auto',
        contain: 'strict',
      }}
      // The scroll area must be reachable by keyboard to scroll it.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`${endpointName} records`}
      data-testid="record-table-scroll"
    >
      <Table
        stickyHeader
        layout="fixed"
        highlightOnHover
        verticalSpacing={6}
        style={{ width: totalWidth, minWidth: '100%' }}
        aria-rowcount={sorted.length + 1}
      >
        <colgroup>
          {leadingLink ? <col style={{ width: LINK_COLUMN_WIDTH }} /> : null}
          {columns.map((name, index) => (
            <col key={name} style={{ width: widths[index] }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {leadingLink ? <Table.Th>record</Table.Th> : null}
            {columns.map((name) => (
              <Table.Th key={name} aria-sort={sort?.column === name ? ARIA_SORT[sort.direction] : undefined}>
                <UnstyledButton
                  onClick={() => onSortChange(nextSort(sort, name))}
                  fz="sm"
                  fw={600}
                  title={`Sort this page by ${name}`}
                >
                  {name}
                  {sort?.column === name ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = sorted[item.index];
            if (!row) return null;
            return (
              <Table.Tr key={item.key} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 2}>
                {leadingLink ? <Table.Td style={cellStyle}>{recordCell(row, null)}</Table.Td> : null}
                {columns.map((name) => (
                  <Table.Td key={name} style={cellStyle}>
                    {name === linkColumn ? (
                      recordCell(row, name === 'id' || name === 'url' ? null : String(row[name] ?? ''))
                    ) : (
                      <CellValue name={name} value={row[name]} field={fields.get(name)} />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}

const cellStyle = {
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  fontSize: 'var(--mantine-font-size-sm)',
} as const;
