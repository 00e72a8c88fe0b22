import '@mantine/core/styles/Card.layer.css';
import '@mantine/core/styles/SimpleGrid.layer.css';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { instancesQuery } from '../../api/queries/instances-query.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { InstanceKindBadge } from '../../components/InstanceKindBadge.tsx';
import { instanceColor } from '../../api/instance-kind.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { paths } from '../../config/paths.ts';
import { useToken } from '../../lib/use-token.ts';
import type { InstanceConfig } from '../../api/instances.ts';

function InstanceCard({ instance }: { instance: InstanceConfig }) {
  const token = useToken(instance.name);
  const color = instanceColor(instance);
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="li"
      style={color ? { borderTop: `4px solid var(--mantine-color-${color}-8)` } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Anchor component={Link} to={paths.instance(instance.name)} fw={600} size="lg">
            {instance.name}
          </Anchor>
          <InstanceKindBadge instance={instance} />
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {instance.url}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {instance.proxy ? 'through the explorer’s proxy' : 'called directly'}
          </Text>
          <Text size="xs" c={token ? 'teal' : 'dimmed'}>
            {token ? '· logged in' : '· not logged in'}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

export function InstancesHome() {
  const { data, error, refetch, isPending } = useQuery(instancesQuery());
  return (
    <Stack maw={960} gap="md">
      <div>
        <Title order={1}>Alyx instances</Title>
        <Text c="dimmed">
          Pick a database to explore: browse its endpoints, filter records, follow relations, share any view
          as a link.
        </Text>
      </div>
      {isPending ? <LoadingState label="Reading the configuration…" /> : null}
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {data && data.length === 0 ? (
        <Text>No instance is configured. Start the explorer with `npm start` (sandbox) or set ALYX_URL.</Text>
      ) : null}
      {data && data.length > 0 ? (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Instances"
        >
          {data.map((instance) => (
            <InstanceCard key={instance.name} instance={instance} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
