import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/FloatingIndicator.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Anchor, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { OverTimeConflict, recordsOverTimeQuery, type RecordsOverTime } from '../../api/queries/over-time.ts';
import type { EndpointModel } from '../../api/schema/model.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { paths } from '../../config/paths.ts';
import {
  bucketLabel,
  bucketPair,
  TIME_UNITS,
  withDjangoPair,
  type TimeUnit,
} from '../../api/time-buckets.ts';
import { OverTimeChart } from './OverTimeChart.tsx';
import { dateFields, overTimeHash, type OverTimeState } from './over-time-hash.ts';

interface RecordsOverTimePanelProps {
  instance: InstanceConfig;
  endpointName: string;
  endpoint: EndpointModel | undefined;
  search: URLSearchParams;
  state: OverTimeState;
  onStateChange: (state: OverTimeState) => void;
}

const UNIT_LABELS: Record<TimeUnit, string> = { day: 'Day', week: 'Week', month: 'Month', year: 'Year' };

function summary(endpointName: string, field: string, data: RecordsOverTime): string {
  const first = data.buckets[0];
  const last = data.buckets.at(-1);
  if (!first || !last) return `No ${endpointName} of this list have a ${field}.`;
  const peak = data.buckets.reduce((top, bucket) => (bucket.count > top.count ? bucket : top), first);
  return (
    `${data.total.toLocaleString()} ${endpointName} by ${field}, per ${data.unit}, from ` +
    `${bucketLabel(first, data.unit)} to ${bucketLabel(last, data.unit)}; ` +
    `the most in ${bucketLabel(peak, data.unit)} (${peak.count.toLocaleString()}).`
  );
}

/** How many records of the current list fall in each day, week, month or year of a date field. */
export function RecordsOverTimePanel({
  instance,
  endpointName,
  endpoint,
  search,
  state,
  onStateChange,
}: RecordsOverTimePanelProps) {
  const fields = dateFields(endpoint);
  const field = fields.find((candidate) => candidate.name === state.field) ?? fields[0];
  const query = useQuery({
    ...recordsOverTimeQuery(instance, {
      endpoint: endpointName,
      search,
      field: field?.name ?? '',
      kind: field?.kind === 'date' ? 'date' : 'datetime',
      unit: state.unit,
    }),
    enabled: field !== undefined,
  });
  const data = query.data;
  const navigate = useNavigate();
  const bucketSearch = (index: number): URLSearchParams | null => {
    const bucket = data?.buckets[index];
    if (!bucket || !field) return null;
    const kind = field.kind === 'date' ? 'date' : 'datetime';
    const pair = bucketPair(field.name, kind, bucket.start, bucket.end, search.get('django'));
    return pair === null ? null : withDjangoPair(search, pair);
  };
  // A bucket's list keeps the panel open, now over that bucket alone.
  const bucketHref = (index: number): string | null => {
    const next = bucketSearch(index);
    return next ? paths.list(instance.name, endpointName, next) + overTimeHash(state) : null;
  };
  const pick = (index: number) => {
    const href = bucketHref(index);
    if (href) void navigate(href);
  };

  let body;
  if (!field) body = <Text size="sm">The schema names no date field for {endpointName}.</Text>;
  else if (query.error instanceof OverTimeConflict) body = <Text size="sm">{query.error.message}</Text>;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!data)
    body = <PendingState failureReason={query.failureReason} label="Counting records over time…" />;
  else if (data.buckets.length === 0)
    body = (
      <Text size="sm">
        No {endpointName} of this list have a {field.name}.
      </Text>
    );
  else {
    const text = summary(endpointName, field.name, data);
    body = (
      <Stack gap="xs">
        <Text size="sm">{text}</Text>
        <OverTimeChart data={data} label={text} onPick={pick} />
        <details>
          <summary>
            <Text span size="sm">
              The numbers, with a link to each {data.unit}&apos;s records
            </Text>
          </summary>
          <Table striped captionSide="top" data-testid="over-time-table" mt="xs">
            <Table.Caption>
              {endpointName} per {data.unit}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{UNIT_LABELS[data.unit]}</Table.Th>
                <Table.Th scope="col">Records</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.buckets.map((bucket, index) => (
                <Table.Tr key={bucket.start.getTime()}>
                  <Table.Td>{bucketLabel(bucket, data.unit)}</Table.Td>
                  <Table.Td>
                    {bucket.count === 0 ? (
                      '0'
                    ) : (
                      <Anchor component={Link} to={bucketHref(index) ?? ''}>
                        {bucket.count.toLocaleString()}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="Records over time" data-testid="over-time">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap" align="end">
          {fields.length > 1 ? (
            <NativeSelect
              size="xs"
              label="Date field"
              value={field?.name ?? ''}
              onChange={(event) => onStateChange({ ...state, field: event.currentTarget.value })}
              data={fields.map((candidate) => candidate.name)}
            />
          ) : null}
          <SegmentedControl
            size="xs"
            aria-label="Count per"
            value={data && state.unit === 'auto' ? data.unit : state.unit}
            onChange={(value) => onStateChange({ ...state, unit: value as TimeUnit })}
            data={TIME_UNITS.map((unit) => ({
              value: unit,
              label: UNIT_LABELS[unit],
              disabled: data !== undefined && data.units.length > 0 && !data.units.includes(unit),
            }))}
          />
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
