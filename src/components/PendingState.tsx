import { Alert } from '@mantine/core';
import { isAlyxError } from '../api/http/errors.ts';
import { LoadingState } from './LoadingState.tsx';
import { ThrottleCountdown } from './ThrottleCountdown.tsx';

/**
 * A query still pending. When its last attempt was throttled, TanStack Query is already waiting
 * Retry-After before retrying: say so with a countdown instead of spinning silently.
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
  return <LoadingState label={label} />;
}
