import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Menu.layer.css';
import '@mantine/core/styles/Tooltip.layer.css';
import { Button, CopyButton, Group, Menu, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Row } from './columns.ts';
import { exportFileName, toCsv, toJson } from './export.ts';

interface ListActionsProps {
  endpointName: string;
  search: URLSearchParams;
  oneCall: string;
  alyxUrl: string | null;
  rows: readonly Row[];
  columns: readonly string[];
  /** Opens the whole-list export; absent until the count is known. */
  onExportAll?: () => void;
  children?: ReactNode;
}

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function CopyAction({ value, label, hint }: { value: string; label: string; hint: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip
          label={hint}
          withArrow
          multiline
          maw={480}
          style={{ fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' }}
        >
          <Button
            size="xs"
            variant={copied ? 'light' : 'default'}
            color={copied ? 'teal' : undefined}
            onClick={copy}
          >
            {copied ? 'Copied' : label}
          </Button>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Copy the query as ONE code or an Alyx URL, export the loaded page, choose columns. */
export function ListActions({
  endpointName,
  search,
  oneCall,
  alyxUrl,
  rows,
  columns,
  onExportAll,
  children,
}: ListActionsProps) {
  return (
    <Group gap="xs" wrap="wrap">
      <CopyAction value={oneCall} label="Copy as ONE call" hint={oneCall} />
      {alyxUrl ? <CopyAction value={alyxUrl} label="Copy Alyx URL" hint={alyxUrl} /> : null}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" disabled={rows.length === 0}>
            Export page
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>The {rows.length} loaded rows</Menu.Label>
          <Menu.Item
            onClick={() =>
              download(exportFileName(endpointName, search, 'csv'), toCsv(rows, columns), 'text/csv')
            }
          >
            CSV (shown columns)
          </Menu.Item>
          <Menu.Item
            onClick={() =>
              download(exportFileName(endpointName, search, 'json'), toJson(rows), 'application/json')
            }
          >
            JSON (all fields)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {onExportAll ? (
        <Button size="xs" variant="default" onClick={onExportAll}>
          Export all…
        </Button>
      ) : null}
      {children}
    </Group>
  );
}
