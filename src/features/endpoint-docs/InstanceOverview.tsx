import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InstanceConfig } from '../../api/instances.ts';
import { refreshApiModel } from '../../api/queries/schema-query.ts';
import type { ApiModel, SchemaSource } from '../../api/schema/model.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { alyxKeys } from '../../api/queries/keys.ts';
import { PendingState } from '../../components/PendingState.tsx';
import { countOf, formatAge } from '../../lib/format.ts';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';
import { useAccount } from '../../lib/use-account.ts';
import { useApiModel } from '../../lib/use-api-model.ts';
import { EndpointDirectory } from './EndpointDirectory.tsx';
import classes from './OverviewGrid.module.css';

const SOURCE_LABELS: Record<SchemaSource, string> = {
  openapi: 'OpenAPI (/api/schema)',
  coreapi: 'coreapi (/docs)',
  root: 'root list (/)',
  options: 'OPTIONS per endpoint',
};

/** Which Alyx generation the discovery sources point to (REST-CONVENTIONS.md, "discovery"). */
function generation(sources: readonly SchemaSource[]): string {
  if (sources.includes('openapi')) return 'Current Alyx (OpenAPI schema)';
  if (sources.includes('coreapi')) return 'Alyx 2021–2025 (coreapi /docs)';
  if (sources.includes('root')) return 'Older Alyx (root endpoint list)';
  return 'Unknown (endpoints probed with OPTIONS)';
}

function AccountFact({ instance }: { instance: InstanceConfig }) {
  const account = useAccount(instance.name);
  return (
    <Fact label="Signed in as">
      <Text fw={600}>{account.username ?? 'a token'}</Text>
      <Text size="xs" c="dimmed">
        {account.readOnly ? 'read-only: this account cannot write' : 'can write, unless the instance refuses'}
      </Text>
    </Fact>
  );
}

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
      <div className={`${classes.grid} ${classes.stats}`}>
        <Fact label="Instance">
          <Text fw={600}>{generation(model.sources)}</Text>
          <Group gap={4} mt={4}>
            {model.sources.map((source) => (
              <Badge key={source} variant="light" color="gray" style={{ textTransform: 'none' }}>
                {SOURCE_LABELS[source]}
              </Badge>
            ))}
          </Group>
        </Fact>
        <AccountFact instance={instance} />
        <Fact label="Endpoints">
          <Text fw={600} size="lg">
            {endpoints.length}
          </Text>
          <Text size="xs" c="dimmed">
            {endpoints.length - actions} browsable, {countOf(actions, 'action')}
          </Text>
        </Fact>
        <Fact label="Schema read">
          <Text fw={600} title={new Date(model.builtAt).toLocaleString()}>
            {formatAge(model.builtAt)}
          </Text>
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
      </div>
      {refresh.isError ? <ErrorState error={refresh.error} onRetry={() => refresh.mutate()} /> : null}
    </Stack>
  );
}

export function InstanceOverview({ instance }: { instance: InstanceConfig }) {
  const model = useApiModel(instance);
  // The directory (every endpoint, each counting its records) follows the first paint: on a cold
  // load the tree and the instance's facts are drawn a frame sooner.
  const directoryShown = useAfterFirstPaint();
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Title order={1}>{instance.name}</Title>
        <Anchor href={instance.url} target="_blank" rel="noopener noreferrer" size="sm">
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
        <PendingState
          failureReason={model.failureReason}
          label="Discovering endpoints…"
          queryKey={alyxKeys.schema(instance.name)}
        />
      ) : null}
      {model.data && directoryShown ? <EndpointDirectory instance={instance} model={model.data} /> : null}
      <Text size="sm" c="dimmed">
        Press <Kbd>/</Kbd> or <Kbd>Ctrl</Kbd>+<Kbd>K</Kbd> and paste a UUID, a subject nickname or an Alyx URL
        to jump to it. A list’s address holds the Alyx query itself (<code>?subject=KS005&amp;limit=50</code>
        ), so every view is a link to share.
      </Text>
    </Stack>
  );
}
