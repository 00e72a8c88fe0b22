import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ApiModel } from '../../api/schema/model.ts';
import { paths } from '../../config/paths.ts';
import { countOf, formatAge, formatCount } from '../../lib/format.ts';
import { clearHistory, HISTORY_LIMIT, type HistoryEntry } from '../../lib/request-history.ts';
import { filterHistory } from './history-filter.ts';
import { consoleRequestFor, viewPathFor } from './history-links.ts';
import classes from './RequestHistoryView.module.css';

export const HISTORY_PAGE = 50;

interface RequestHistoryViewProps {
  instance: string;
  entries: readonly HistoryEntry[];
  model: ApiModel | undefined;
  search: string;
  onSearch: (search: string) => void;
}

function statusClass(status: HistoryEntry['status']): string | undefined {
  if (typeof status !== 'number' || status >= 500) return classes.serverError;
  if (status >= 400) return classes.clientError;
  return undefined;
}

const nowrap = { whiteSpace: 'nowrap' } as const;
const pathStyle = { overflowWrap: 'anywhere', wordBreak: 'break-all' } as const;

function HistoryRow({ instance, entry, model }: { instance: string; entry: HistoryEntry; model?: ApiModel }) {
  const view = viewPathFor(instance, entry, model);
  return (
    <Table.Tr data-testid="history-row">
      <Table.Td ff="monospace">{entry.method}</Table.Td>
      <Table.Td ff="monospace" style={pathStyle} data-testid="history-path">
        {entry.path}
      </Table.Td>
      <Table.Td className={statusClass(entry.status)} style={nowrap}>
        {entry.status}
      </Table.Td>
      <Table.Td style={nowrap}>{formatCount(entry.durationMs)} ms</Table.Td>
      <Table.Td style={nowrap}>{formatCount(entry.sizeBytes)} B</Table.Td>
      <Table.Td style={nowrap}>
        <time dateTime={new Date(entry.at).toISOString()} title={new Date(entry.at).toLocaleString()}>
          {formatAge(entry.at)}
        </time>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor
            component={Link}
            to={paths.console(instance, consoleRequestFor(entry))}
            size="sm"
            style={nowrap}
          >
            Open in console
          </Anchor>
          {view ? (
            <Anchor component={Link} to={view} size="sm" style={nowrap}>
              Open view
            </Anchor>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function ClearButton({ instance, disabled }: { instance: string; disabled: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button variant="default" size="xs" disabled={disabled} onClick={() => setConfirming(true)}>
        Clear history
      </Button>
    );
  return (
    <Group gap="xs" role="group" aria-label="Confirm clearing the history">
      <Text size="sm">Forget every request of this instance?</Text>
      <Button
        color="red"
        size="xs"
        onClick={() => {
          clearHistory(instance);
          setConfirming(false);
        }}
      >
        Clear
      </Button>
      <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </Group>
  );
}

/** `/{instance}/~/history`: the requests sent to this instance, newest first (ADR 0029). */
export function RequestHistoryView({ instance, entries, model, search, onSearch }: RequestHistoryViewProps) {
  const [shown, setShown] = useState(HISTORY_PAGE);
  const matching = useMemo(() => filterHistory(entries, search), [entries, search]);
  const visible = matching.slice(0, shown);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>Request history</Title>
        <ClearButton instance={instance} disabled={entries.length === 0} />
      </Group>
      <Text size="sm" c="dimmed">
        The last {HISTORY_LIMIT} requests sent to {instance} from this browser; no tokens, passwords or login
        bodies. Logging out forgets them.
      </Text>
      <TextInput
        label="Search"
        description="Words in the path, a method (post), a status (404) or class (5xx)"
        value={search}
        onChange={(event) => {
          onSearch(event.currentTarget.value);
          setShown(HISTORY_PAGE);
        }}
        maw={480}
        type="search"
      />
      <Text size="sm" aria-live="polite" data-testid="history-count">
        {search.trim()
          ? `${countOf(matching.length, 'request')} of ${formatCount(entries.length)} match`
          : countOf(entries.length, 'request')}
      </Text>
      {visible.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing={4} aria-label="Requests, newest first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Method</Table.Th>
                <Table.Th>Path</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((entry, index) => (
                <HistoryRow key={`${entry.at}-${index}`} instance={instance} entry={entry} model={model} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {matching.length > shown ? (
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'start' }}
          onClick={() => setShown(shown + HISTORY_PAGE)}
        >
          Show {Math.min(HISTORY_PAGE, matching.length - shown)} more
        </Button>
      ) : null}
    </Stack>
  );
}
