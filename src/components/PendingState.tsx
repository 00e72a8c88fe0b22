import { Alert, Stack } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { isAlyxError } from '../api/http/errors.ts';
import { LoadingState } from './LoadingState.tsx';
import { SlowRequestNotice } from './SlowRequestNotice.tsx';
import { ThrottleCountdown } from './ThrottleCountdown.tsx';
import { useQueryProgress } from './use-query-progress.ts';

interface PendingStateProps {
  failureReason?: unknown;
  label?: string;
  /** The pending query: with it, a slow request says so and can be cancelled (SlowRequestNotice). */
  queryKey?: QueryKey;
}

/**
 * A query still pending. When its last attempt failed in a way worth retrying (throttled, network
 * loss, gateway error), TanStack Query is already waiting to retry: say so instead of spinning
 * silently — with a countdown when the instance said how long (Retry-After).
 */
function Waiting({ failureReason, label }: Omit<PendingStateProps, 'queryKey'>) {
  if (isAlyxError(failureReason) && failureReason.kind === 'throttled') {
    return (
      <Alert color="yellow" variant="light" title="Throttled" role="status" maw={720}>
        {failureReason.retryAfterSeconds === null ? (
          'The instance asks to slow down; retrying shortly.'
        ) : (
          <ThrottleCountdown
            key={failureReason.message}
            seconds={failureReason.retryAfterSeconds}
            onDone={() => undefined}
          />
        )}
      </Alert>
    );
  }
  if (
    isAlyxError(failureReason) &&
    (failureReason.kind === 'network' || (failureReason.status ?? 0) >= 502)
  ) {
    return (
      <Alert color="orange" variant="light" title="Instance unreachable" role="status" maw={720}>
        No answer from the instance yet; retrying…
      </Alert>
    );
  }
  return <LoadingState label={label} />;
}

export function PendingState({ queryKey, ...waiting }: PendingStateProps) {
  const { progress } = useQueryProgress(queryKey);
  if (queryKey === undefined) return <Waiting {...waiting} />;
  return (
    <Stack gap="sm">
      {progress === 'cancelled' ? null : <Waiting {...waiting} />}
      <SlowRequestNotice queryKey={queryKey} />
    </Stack>
  );
}
