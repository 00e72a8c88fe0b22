import '@mantine/core/styles/Tabs.layer.css';
import { Anchor, Code, Stack, Tabs } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isAlyxError } from '../../api/http/errors.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { detailQuery, type AlyxRecord } from '../../api/queries/record-queries.ts';
import { retryOnMountAfter } from '../../api/queries/retry.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { appPathToAlyxUrl, paths } from '../../config/paths.ts';
import { findCachedRow } from './cached-row.ts';
import { DetailContext, type DetailContextValue, type LinkResolver } from './detail-context.ts';
import { FieldsTable } from './FieldsTable.tsx';
import { RecordHeader } from './RecordHeader.tsx';
import { recordTitle } from '../../lib/record-title.ts';
import { ReversePanel, ReverseTabLabel } from './ReverseRelation.tsx';
import { findReverseRelations } from './reverse-relations.ts';

/** Pretty-printing megabytes of nested datasets freezes the tab (peers §2.9): big bodies stay compact. */
function rawJson(record: unknown): string {
  const compact = JSON.stringify(record);
  return compact.length > 300_000 ? compact : JSON.stringify(record, null, 2);
}

export interface RecordDetailViewProps {
  instance: InstanceConfig;
  model: ApiModel;
  endpointName: string;
  lookup: string;
  resolveLink: LinkResolver;
  /** Open tab (`fields`, `raw`, or a reverse relation's endpoint); kept in the URL by the route. */
  tab: string | null;
  onTabChange: (tab: string) => void;
  /** Views the app adds for this kind of record (a subject's weight curve), after the built-in tabs. */
  extraTabs?: (record: AlyxRecord) => readonly ExtraTab[];
  /** Controls the app adds beside the record's own (pin), given the record and its title. */
  headerActions?: (record: AlyxRecord, title: string) => ReactNode;
}

export interface ExtraTab {
  value: string;
  label: string;
  panel: ReactNode;
}

/** `/{instance}/{endpoint}/{lookup}`: every field by type, raw JSON, and the records pointing here. */
export function RecordDetailView({
  instance,
  model,
  endpointName,
  lookup,
  resolveLink,
  tab,
  onTabChange,
  extraTabs,
  headerActions,
}: RecordDetailViewProps) {
  const queryClient = useQueryClient();
  const endpoint = model.endpoints[endpointName];
  const context = useMemo<DetailContextValue>(
    () => ({ instance, model, resolveLink }),
    [instance, model, resolveLink],
  );
  const detail = detailQuery(instance, endpointName, lookup);
  const query = useQuery({
    ...detail,
    retryOnMount: retryOnMountAfter(queryClient.getQueryState(detail.queryKey)),
    placeholderData: () =>
      findCachedRow(queryClient, instance.name, endpointName, lookup, endpoint?.lookupField),
  });
  const record = query.data;
  const reverse = useMemo(
    () =>
      record && !query.isPlaceholderData ? findReverseRelations(model, endpointName, record, lookup) : [],
    [record, query.isPlaceholderData, model, endpointName, lookup],
  );
  const alyxUrl = appPathToAlyxUrl({ view: 'record', endpoint: endpointName, lookup }, instance);

  if (query.isError && !record) {
    const notFound = isAlyxError(query.error) && query.error.kind === 'not-found';
    return (
      <Stack gap="sm" data-testid="record-error">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        {notFound ? (
          <Anchor component={Link} to={paths.list(instance.name, endpointName)} size="sm">
            Back to the {endpointName} list
          </Anchor>
        ) : null}
        <Code>
          GET /{endpointName}/{lookup}
        </Code>
      </Stack>
    );
  }
  if (!record)
    return (
      <PendingState
        failureReason={query.failureReason}
        label={`Loading ${endpointName}/${lookup}…`}
        queryKey={detail.queryKey}
      />
    );

  const current = tab ?? 'fields';
  const extras = query.isPlaceholderData ? [] : (extraTabs?.(record) ?? []);
  const title = recordTitle(endpointName, record, lookup);
  return (
    <DetailContext value={context}>
      <Stack gap="md">
        <RecordHeader
          endpointName={endpointName}
          lookup={lookup}
          title={title}
          alyxUrl={alyxUrl}
          partial={query.isPlaceholderData}
          fetching={query.isFetching}
          record={record}
        >
          {headerActions?.(record, title)}
        </RecordHeader>
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Tabs value={current} onChange={(value) => value && onTabChange(value)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="fields">Fields</Tabs.Tab>
            <Tabs.Tab value="raw">Raw JSON</Tabs.Tab>
            {reverse.map((relation) => (
              <Tabs.Tab key={relation.endpoint} value={relation.endpoint}>
                <ReverseTabLabel relation={relation} />
              </Tabs.Tab>
            ))}
            {extras.map((extra) => (
              <Tabs.Tab key={extra.value} value={extra.value}>
                {extra.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="fields" pt="md">
            <FieldsTable endpoint={endpoint} record={record} />
          </Tabs.Panel>
          <Tabs.Panel value="raw" pt="md">
            <Code block style={{ maxHeight: '70vh', overflow: 'auto', fontSize: 12 }} data-testid="raw-json">
              {rawJson(record)}
            </Code>
          </Tabs.Panel>
          {reverse.map((relation) => (
            <Tabs.Panel key={relation.endpoint} value={relation.endpoint} pt="md">
              <ReversePanel relation={relation} />
            </Tabs.Panel>
          ))}
          {extras.map((extra) => (
            <Tabs.Panel key={extra.value} value={extra.value} pt="md">
              {extra.panel}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </DetailContext>
  );
}
