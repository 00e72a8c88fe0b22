import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { endpointCountQuery } from '../../api/queries/count-queries.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { groupEndpoints } from '../../api/schema/groups.ts';
import type { ApiModel, EndpointModel } from '../../api/schema/model.ts';
import { IconBook } from '../../components/icons.tsx';
import { paths } from '../../config/paths.ts';
import { countOf, formatCount } from '../../lib/format.ts';
import classes from './OverviewGrid.module.css';

function RecordCount({ instance, endpoint }: { instance: InstanceConfig; endpoint: string }) {
  const count = useQuery(endpointCountQuery(instance, endpoint));
  const text = count.data !== undefined ? formatCount(count.data) : count.isError ? '—' : '…';
  const label =
    count.data !== undefined
      ? countOf(count.data, 'record')
      : count.isError
        ? 'count unavailable'
        : 'counting';
  return (
    <Text size="sm" c="dimmed" aria-label={label} title={label} ff="monospace">
      {text}
    </Text>
  );
}

function EndpointRow({ instance, endpoint }: { instance: InstanceConfig; endpoint: EndpointModel }) {
  const docs = paths.docs(instance.name, endpoint.name);
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs">
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        {endpoint.browsable ? (
          <Anchor component={Link} to={paths.list(instance.name, endpoint.name)} size="sm" fw={500}>
            {endpoint.name}
          </Anchor>
        ) : (
          <Anchor component={Link} to={docs} size="sm" c="dimmed">
            {endpoint.name}
          </Anchor>
        )}
        <Anchor component={Link} to={docs} aria-label={`${endpoint.name} documentation`} c="dimmed">
          <IconBook size={14} />
        </Anchor>
      </Group>
      {endpoint.browsable && endpoint.list ? (
        <RecordCount instance={instance} endpoint={endpoint.name} />
      ) : null}
    </Group>
  );
}

/** Every endpoint at first sight, by group, with its record count and links to its list and docs. */
export function EndpointDirectory({ instance, model }: { instance: InstanceConfig; model: ApiModel }) {
  const groups = groupEndpoints(model);
  return (
    <section aria-labelledby="endpoints-heading">
      <Title order={2} size="h3" id="endpoints-heading" mb="xs">
        Endpoints
      </Title>
      <div className={classes.grid}>
        {groups.map((group) => (
          <Paper key={group.group} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Title order={3} size="h5" id={`group-${group.group}`}>
                {group.label}
              </Title>
              <Stack
                component="ul"
                gap={2}
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-labelledby={`group-${group.group}`}
              >
                {group.endpoints.map((endpoint) => (
                  <EndpointRow key={endpoint.name} instance={instance} endpoint={endpoint} />
                ))}
              </Stack>
            </Stack>
          </Paper>
        ))}
      </div>
    </section>
  );
}
