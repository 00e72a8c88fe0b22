import '@mantine/core/styles/List.layer.css';
import '@mantine/core/styles/SimpleGrid.layer.css';
import type { ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Kbd,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceConfig } from '../../api/instances.ts';
import { refreshApiModel } from '../../api/queries/schema-query.ts';
import type { ApiModel, SchemaSource } from '../../api/schema/model.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { formatAge } from '../../lib/format.ts';
import { useApiModel } from '../../lib/use-api-model.ts';

const SOURCE_LABELS: Record<SchemaSource, string> = {
  openapi: 'OpenAPI (/api/schema)',
  coreapi: 'coreapi (/docs)',
  root: 'root list (/)',
  options: 'OPTIONS per endpoint',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Paper>
  );
}

function Facts({ instance, model }: { instance: InstanceConfig; model: ApiModel }) {
  const queryClient = useQueryClient();
  const refresh = useMutation({ mutationFn: () => refreshApiModel(queryClient, instance) });
  const endpoints = Object.values(model.endpoints);
  const actions = endpoints.filter((endpoint) => !endpoint.browsable).length;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Fact label="Endpoints">
          <Text fw={600} size="lg">
            {endpoints.length}
          </Text>
          <Text size="xs" c="dimmed">
            {endpoints.length - actions} browsable, {actions} actions
          </Text>
        </Fact>
        <Fact label="Discovered from">
          <Group gap={4} mt={4}>
            {model.sources.map((source) => (
              <Badge key={source} variant="light" style={{ textTransform: 'none' }}>
                {SOURCE_LABELS[source]}
              </Badge>
            ))}
          </Group>
        </Fact>
        <Fact label="Schema read">
          <Text fw={600} title={new Date(model.builtAt).toLocaleString()}>
            {formatAge(model.builtAt)}
          </Text>
        </Fact>
        <Fact label="Schema">
          <Button
            size="xs"
            variant="light"
            mt={4}
            loading={refresh.isPending}
            onClick={() => refresh.mutate()}
          >
            Refresh schema
          </Button>
        </Fact>
      </SimpleGrid>
      {refresh.isError ? <ErrorState error={refresh.error} onRetry={() => refresh.mutate()} /> : null}
    </Stack>
  );
}

export function InstanceOverview({ instance }: { instance: InstanceConfig }) {
  const model = useApiModel(instance);
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Title order={1}>{instance.name}</Title>
        <Anchor href={instance.url} target="_blank" rel="noreferrer" size="sm">
          {instance.url}
        </Anchor>
        <Text size="sm" c="dimmed">
          {instance.proxy
            ? `Requests go through the explorer’s proxy at ${instance.baseUrl}.`
            : 'Requests go to the instance directly.'}
        </Text>
      </div>
      {model.data ? <Facts instance={instance} model={model.data} /> : null}
      {model.isError ? <ErrorState error={model.error} onRetry={() => void model.refetch()} /> : null}
      {model.isPending ? (
        <PendingState failureReason={model.failureReason} label="Discovering endpoints…" />
      ) : null}
      <section aria-labelledby="howto">
        <Title order={2} size="h3" id="howto" mb="xs">
          How to explore
        </Title>
        <List spacing={6} size="sm">
          <List.Item>
            Pick an endpoint in the tree on the left; type in its filter box to find one by name or path.
          </List.Item>
          <List.Item>
            Press <Kbd>/</Kbd> or <Kbd>Ctrl</Kbd>+<Kbd>K</Kbd> and paste a UUID, a subject nickname or an Alyx
            URL to jump to it.
          </List.Item>
          <List.Item>
            A list’s address bar holds the Alyx query itself: <code>?subject=KS005&amp;limit=50</code> works
            here as on the instance.
          </List.Item>
          <List.Item>Every view is a link: copy the URL to share exactly what you see.</List.Item>
          <List.Item>
            The book icon beside an endpoint opens its documentation: filters, fields and relations.
          </List.Item>
        </List>
      </section>
    </Stack>
  );
}
