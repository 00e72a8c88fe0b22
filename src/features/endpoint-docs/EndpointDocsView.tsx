import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { useMemo } from 'react';
import type { ApiModel, EndpointModel } from '../../api/schema/model.ts';
import { exampleLinker } from './example-links.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { alyxKeys } from '../../api/queries/keys.ts';
import { PendingState } from '../../components/PendingState.tsx';
import { paths } from '../../config/paths.ts';
import { useApiModel } from '../../lib/use-api-model.ts';
import { FieldsTable } from './FieldsTable.tsx';
import { FiltersTable } from './FiltersTable.tsx';
import { LazyMarkdown } from './LazyMarkdown.tsx';
import { RoutesTable } from './RoutesTable.tsx';
import classes from './EndpointDocs.module.css';

function sameNames(a: readonly { name: string }[], b: readonly { name: string }[]): boolean {
  return a.length === b.length && a.every((field, index) => field.name === b[index]?.name);
}

function Docs({ instance, endpoint, model }: { instance: string; endpoint: EndpointModel; model: ApiModel }) {
  const exampleLink = useMemo(() => exampleLinker(instance, model), [instance, model]);
  const listDiffers =
    endpoint.listFields.length > 0 && !sameNames(endpoint.listFields, endpoint.detailFields);
  return (
    <Stack gap="lg" maw={1100} className={classes.docs}>
      <Stack gap={4}>
        <Group gap="sm" align="baseline">
          <Title order={1} ff="monospace">
            {endpoint.name}
          </Title>
          <Badge variant="light" color="gray">
            {endpoint.group}
          </Badge>
          {!endpoint.browsable ? (
            <Badge variant="light" color="orange">
              action endpoint
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          Documentation from the instance’s schema ({endpoint.sources.join(', ')}).
        </Text>
      </Stack>
      {endpoint.browsable && endpoint.list ? (
        <Group>
          <Button component={Link} to={paths.list(instance, endpoint.name)} variant="light">
            Browse {endpoint.name}
          </Button>
        </Group>
      ) : null}
      {endpoint.description ? (
        <LazyMarkdown text={endpoint.description} exampleLink={exampleLink} />
      ) : (
        <Text c="dimmed">The schema gives no description.</Text>
      )}
      <section aria-labelledby="docs-routes">
        <Title order={2} size="h3" id="docs-routes" mb="xs">
          Routes
        </Title>
        <RoutesTable endpoint={endpoint} />
      </section>
      <section aria-labelledby="docs-filters">
        <Title order={2} size="h3" id="docs-filters" mb="xs">
          Filters
        </Title>
        <FiltersTable instance={instance} filters={endpoint.filters} />
      </section>
      <section aria-labelledby="docs-fields">
        <Title order={2} size="h3" id="docs-fields" mb="xs">
          Fields
        </Title>
        <FieldsTable
          instance={instance}
          fields={endpoint.detailFields.length > 0 ? endpoint.detailFields : endpoint.listFields}
          label="Fields"
        />
        {listDiffers ? (
          <Text size="sm" c="dimmed" mt="xs">
            List rows carry fewer fields: {endpoint.listFields.map((field) => field.name).join(', ')}.
          </Text>
        ) : null}
      </section>
    </Stack>
  );
}

export function EndpointDocsView({ instance, endpoint }: { instance: InstanceConfig; endpoint: string }) {
  const model = useApiModel(instance);
  if (model.isError) return <ErrorState error={model.error} onRetry={() => void model.refetch()} />;
  if (!model.data)
    return (
      <PendingState
        failureReason={model.failureReason}
        label="Reading the schema…"
        queryKey={alyxKeys.schema(instance.name)}
      />
    );
  const found = model.data.endpoints[endpoint];
  if (!found) {
    return (
      <Stack gap="sm">
        <Title order={1}>No endpoint “{endpoint}”</Title>
        <Text>
          The schema of {instance.name} has no endpoint of that name.{' '}
          <Anchor component={Link} to={paths.instance(instance.name)}>
            See all endpoints
          </Anchor>
        </Text>
      </Stack>
    );
  }
  return <Docs instance={instance.name} endpoint={found} model={model.data} />;
}
