import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { instanceBases, type InstanceConfig } from '../../api/instances.ts';
import { listQuery } from '../../api/queries/record-queries.ts';
import { retryOnMountAfter } from '../../api/queries/retry.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { SlowRequestNotice } from '../../components/SlowRequestNotice.tsx';
import { SnippetsButton } from '../../components/SnippetsButton.tsx';
import { appPathToAlyxUrl, paths } from '../../config/paths.ts';
import { countOf } from '../../lib/format.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { availableColumns, defaultColumns, keyColumn, resolveColumns } from './columns.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { ListActions } from './ListActions.tsx';
import { NewRecordLink } from '../../components/WriteLinks.tsx';
import { ListContext, type ListContextValue } from './list-context.ts';
import { ListTable } from './ListTable.tsx';
import { oneCall } from '../../lib/one-call.ts';
import { Pager } from './Pager.tsx';
import { QueryBuilderToggle } from './QueryBuilderToggle.tsx';
import { keepWhilePaging, readPaging, withPaging } from './paging.ts';
import type { SortState } from './sort.ts';
import { useColumnPrefs } from './use-column-prefs.ts';

export interface RecordListViewProps {
  instance: InstanceConfig;
  model: ApiModel;
  endpointName: string;
  /** The URL query, which is the Alyx query. */
  search: URLSearchParams;
  onSearchChange: (next: URLSearchParams) => void;
  /** Actions and a panel the app adds to the list (records over time). */
  extraActions?: ReactNode;
  extraPanel?: ReactNode;
}

/** `/{instance}/{endpoint}?{query}`: one Alyx list page, filterable, pageable, exportable. */
export function RecordListView({
  instance,
  model,
  endpointName,
  search,
  onSearchChange,
  extraActions,
  extraPanel,
}: RecordListViewProps) {
  const endpoint = model.endpoints[endpointName];
  const context = useMemo<ListContextValue>(
    () => ({ instance, model, links: { instance: instance.name, model, bases: instanceBases(instance) } }),
    [instance, model],
  );
  // Another endpoint or other filters show a loading state: only paging keeps the previous rows.
  const list = listQuery(instance, endpointName, search);
  const queryClient = useQueryClient();
  const query = useQuery({
    ...list,
    placeholderData: keepWhilePaging(list.queryKey),
    retryOnMount: retryOnMountAfter(queryClient.getQueryState(list.queryKey)),
  });
  const [sort, setSort] = useState<SortState | null>(null);
  const [savedColumns, setSavedColumns] = useColumnPrefs(endpointName);
  const [exporting, setExporting] = useState(false);

  const rows = useMemo(() => query.data?.results ?? [], [query.data]);
  const available = useMemo(() => availableColumns(endpoint, rows), [endpoint, rows]);
  const columns = resolveColumns(savedColumns, available, defaultColumns(endpoint, available));
  const paging = readPaging(search);
  const queryText = search.toString().replace(/%2C/gi, ',');
  const alyxUrl = appPathToAlyxUrl(
    queryText
      ? { view: 'list', endpoint: endpointName, query: queryText }
      : { view: 'list', endpoint: endpointName },
    instance,
  );
  const changingPage = query.isPlaceholderData && query.isFetching;

  return (
    <ListContext value={context}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="wrap">
          <Group gap="sm" align="center">
            <Title order={2}>{endpointName}</Title>
            {query.data ? (
              <Badge variant="light" size="lg" data-testid="list-count">
                {countOf(query.data.count, 'record')}
              </Badge>
            ) : null}
            {query.isFetching && query.data ? <Loader size="xs" aria-label="Loading" /> : null}
            {endpoint !== undefined ? (
              <Anchor component={Link} to={paths.docs(instance.name, endpointName)} size="sm">
                docs
              </Anchor>
            ) : null}
            <NewRecordLink instance={instance} endpoint={endpoint} filters={search} />
          </Group>
          <ListActions
            endpointName={endpointName}
            search={search}
            oneCall={oneCall(endpointName, search, endpoint)}
            alyxUrl={alyxUrl}
            rows={rows}
            columns={columns}
            onExportAll={query.data ? () => setExporting(true) : undefined}
          >
            <SnippetsButton
              instanceName={instance.name}
              subject="this list"
              request={{ baseUrl: instance.url, endpoint: endpointName, search, model: endpoint }}
            />
            <ColumnChooser available={available} shown={columns} onChange={setSavedColumns} />
            {extraActions}
          </ListActions>
        </Group>
        {exporting && query.data ? (
          <ExportDialog
            opened
            onClose={() => setExporting(false)}
            instance={instance}
            endpointName={endpointName}
            search={search}
            count={query.data.count}
          />
        ) : null}
        {endpoint === undefined ? (
          <Alert color="yellow" variant="light">
            The instance&apos;s schema does not describe <code>{endpointName}</code>; showing what the server
            returns.
          </Alert>
        ) : null}
        <FilterPanel key={queryText} endpoint={endpoint} search={search} onApply={onSearchChange} />
        <QueryBuilderToggle
          key={endpointName}
          endpointName={endpointName}
          endpoint={endpoint}
          search={search}
          onApply={onSearchChange}
          listError={query.error}
        />
        {extraPanel}
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isPending ? (
          <PendingState
            failureReason={query.failureReason}
            label={`Loading ${endpointName}…`}
            queryKey={list.queryKey}
          />
        ) : null}
        {/* Changing page keeps the previous rows on screen; a retried failure must still be visible. */}
        {changingPage && query.failureReason ? <PendingState failureReason={query.failureReason} /> : null}
        {/* …and so must a slow or cancelled page (a cancelled page shows the previous rows, idle). */}
        {query.isPlaceholderData ? <SlowRequestNotice queryKey={list.queryKey} /> : null}
        {query.data ? (
          <>
            <Pager
              paging={paging}
              count={query.data.count}
              shown={rows.length}
              onChange={(next) => onSearchChange(withPaging(search, next))}
            />
            {sort ? (
              <Group gap="xs">
                <Text size="xs" c="dimmed" role="note">
                  Sorted by {sort.column} on this page only — Alyx has no server ordering.
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={() => setSort(null)}>
                  Server order
                </Button>
              </Group>
            ) : null}
            <div
              style={{ opacity: changingPage ? 0.55 : 1, transition: 'opacity 120ms' }}
              aria-busy={changingPage}
            >
              {rows.length === 0 ? (
                <Text c="dimmed" py="lg" ta="center">
                  No {endpointName} match this query.
                </Text>
              ) : (
                <ListTable
                  endpoint={endpoint}
                  endpointName={endpointName}
                  rows={rows}
                  columns={columns}
                  linkColumn={keyColumn(endpoint, available)}
                  sort={sort}
                  onSortChange={setSort}
                />
              )}
            </div>
          </>
        ) : null}
      </Stack>
    </ListContext>
  );
}
