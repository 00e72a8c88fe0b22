import { Alert } from '@mantine/core';
import { isAlyxError } from '../api/http/errors.ts';
import { LoadingState } from './LoadingState.tsx';
import { ThrottleCountdown } from './ThrottleCountdown.tsx';

/**
 * A query still pending. When its last attempt failed in a way worth retrying (throttled, network
 * loss, gateway error), TanStack Query is already waiting to retry: say so instead of spinning
 * silently — with a countdown when the instance said how long (Retry-After).
 */
export function PendingState({ failureReason, label }: { failureReason?: unknown; label?: string }) {
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
