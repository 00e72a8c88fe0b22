import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listQuery, reverseCountQuery } from '../../api/queries/record-queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { NewRecordLink } from '../../components/WriteLinks.tsx';
import { paths } from '../../config/paths.ts';
import { formatCount } from '../../lib/format.ts';
import { useDetailContext, type DetailLink } from './detail-context.ts';
import type { ReverseRelation } from './reverse-relations.ts';
import { recordId } from './reverse-relations.ts';
import { SubTable } from './SubTable.tsx';
import type { RecordData } from './values.ts';

const PREVIEW = 25;

/** "datasets (12)": the count comes from a limit=1 query. */
export function ReverseTabLabel({ relation }: { relation: ReverseRelation }) {
  const { instance } = useDetailContext();
  const count = useQuery(
    reverseCountQuery(instance, relation.endpoint, { [relation.filter]: relation.value }),
  );
  return (
    <Group gap={6} wrap="nowrap">
      {/* Endpoint names are slugs; a tab reads as words ("water administrations"). */}
      <span>{relation.endpoint.replace(/-/g, ' ')}</span>
      {count.isPending ? <Loader size={10} aria-label={`Counting ${relation.endpoint}`} /> : null}
      {count.data !== undefined ? (
        <Text span size="xs" c="dimmed">
          ({formatCount(count.data)})
        </Text>
      ) : null}
      {count.isError ? (
        <Text span size="xs" c="red" title={String(count.error)}>
          (!)
        </Text>
      ) : null}
    </Group>
  );
}

const HEAVY = new Set(['json', 'url', 'file_records', 'extended_qc', 'session_info', 'related_descriptions']);

/** The first records pointing at this one, and a link to the full, filtered list. */
export function ReversePanel({ relation }: { relation: ReverseRelation }) {
  const { instance, model } = useDetailContext();
  const params = { [relation.filter]: relation.value };
  const query = useQuery(listQuery(instance, relation.endpoint, { ...params, limit: PREVIEW }));
  const target = model.endpoints[relation.endpoint];
  const rowLink = (item: RecordData): DetailLink | null => {
    const lookupField = target?.lookupField ?? 'id';
    const value = lookupField === 'id' ? recordId(item) : item[lookupField];
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    return {
      kind: 'app',
      to: paths.record(instance.name, relation.endpoint, value),
      endpoint: relation.endpoint,
      lookup: String(value),
    };
  };
  const fullList = paths.list(instance.name, relation.endpoint, params);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loader size="sm" aria-label={`Loading ${relation.endpoint}`} />;
  const rows = query.data.results;
  // The leading record column already shows each row's lookup.
  const lookupField = target?.lookupField ?? 'id';
  const columns = Object.keys(rows[0] ?? {}).filter(
    (key) => !HEAVY.has(key) && key !== relation.filter && key !== lookupField,
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm">
          {rows.length < query.data.count
            ? `First ${rows.length} of ${formatCount(query.data.count)}`
            : `${rows.length} records`}{' '}
          with{' '}
          <code>
            {relation.filter}={relation.value}
          </code>
        </Text>
        <Group gap="xs">
          <NewRecordLink
            instance={instance}
            endpoint={target}
            filters={Object.entries(params)}
            label={`New ${relation.endpoint.replace(/-/g, ' ')}`}
          />
          <Anchor component={Link} to={fullList} size="sm">
            Open full list
          </Anchor>
        </Group>
      </Group>
      {rows.length > 0 ? (
        <SubTable name={relation.endpoint} items={rows} columns={columns} rowLink={rowLink} />
      ) : null}
    </Stack>
  );
}
