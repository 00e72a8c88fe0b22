import { Stack, Text } from '@mantine/core';
import type { InstanceConfig } from '../../api/instances.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { EndpointTreePanel } from '../../features/endpoint-tree/EndpointTreePanel.tsx';
import { useApiModel } from '../../lib/use-api-model.ts';

export function EndpointNav({ instance }: { instance: InstanceConfig }) {
  const model = useApiModel(instance);
  if (model.data) return <EndpointTreePanel instance={instance.name} model={model.data} />;
  if (model.isError) {
    return (
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Endpoints unavailable
        </Text>
        <ErrorState error={model.error} onRetry={() => void model.refetch()} />
      </Stack>
    );
  }
  return <PendingState failureReason={model.failureReason} label="Discovering endpoints…" />;
}
