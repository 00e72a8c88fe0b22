import type { UseQueryResult } from '@tanstack/react-query';
import type { InstanceConfig } from '../api/instances.ts';
import { alyxKeys } from '../api/queries/keys.ts';
import type { ApiModel } from '../api/schema/model.ts';
import { ErrorState } from './ErrorState.tsx';
import { PendingState } from './PendingState.tsx';

interface ModelPendingProps {
  instance: InstanceConfig;
  /** The instance's API model query, not yet holding a model. */
  model: UseQueryResult<ApiModel>;
}

/** What a view that needs the instance's API model shows until it has one: the wait, or why it failed and Retry. */
export function ModelPending({ instance, model }: ModelPendingProps) {
  return model.isError ? (
    <ErrorState error={model.error} onRetry={() => void model.refetch()} />
  ) : (
    <PendingState
      failureReason={model.failureReason}
      label="Reading the instance's schema…"
      queryKey={alyxKeys.schema(instance.name)}
    />
  );
}
