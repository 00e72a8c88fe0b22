import { Alert, Anchor, Button, Code, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isAlyxError, type AlyxError } from '../api/http/errors.ts';
import { IconAlert } from './icons.tsx';
import { ThrottleCountdown } from './ThrottleCountdown.tsx';

interface ErrorStateProps {
  error: unknown;
  /** Re-runs what failed; shown as a Retry button, and called when a throttle countdown ends. */
  onRetry?: () => void;
  /** Where to log in again, for expired or missing credentials. */
  loginHref?: string;
}

interface Explained {
  title: string;
  body: ReactNode;
  color: string;
  retry: boolean;
}

function explain(error: AlyxError, props: ErrorStateProps): Explained {
  const detail = error.detail ? <Text size="sm">{error.detail}</Text> : null;
  switch (error.kind) {
    case 'unauthorized':
      return {
        title: 'Not logged in',
        color: 'yellow',
        retry: false,
        body: (
          <Stack gap="xs">
            <Text size="sm">
              The instance refused the credentials: the token is missing, invalid or expired.
            </Text>
            {props.loginHref ? (
              <Anchor component={Link} to={props.loginHref}>
                Log in again
              </Anchor>
            ) : null}
          </Stack>
        ),
      };
    case 'forbidden':
      return {
        title: 'Permission denied',
        color: 'orange',
        retry: false,
        body: (
          <Stack gap="xs">
            <Text size="sm">
              This account may not do that. Public accounts are read-only: they can browse but not create,
              edit or delete.
            </Text>
            {detail}
          </Stack>
        ),
      };
    case 'not-found':
      return {
        title: 'Not found',
        color: 'gray',
        retry: false,
        body: (
          <Text size="sm">
            The instance has nothing at <Code>{error.path}</Code>.
          </Text>
        ),
      };
    case 'throttled':
      return {
        title: 'Throttled',
        color: 'yellow',
        retry: error.retryAfterSeconds === null,
        body:
          error.retryAfterSeconds === null ? (
            <Text size="sm">The instance asks to slow down. Wait a moment and retry.</Text>
          ) : (
            <ThrottleCountdown seconds={error.retryAfterSeconds} onDone={props.onRetry} />
          ),
      };
    case 'html':
      return {
        title: 'Unexpected HTML page',
        color: 'red',
        retry: true,
        body: (
          <Stack gap="xs">
            <Text size="sm">
              The instance answered <Code>{error.path}</Code> with an HTML page instead of JSON (a login page,
              a proxy error or a maintenance page).
            </Text>
            {detail}
          </Stack>
        ),
      };
    case 'malformed':
      return {
        title: 'Unreadable answer',
        color: 'red',
        retry: true,
        body: (
          <Text size="sm">
            The instance answered <Code>{error.path}</Code> with JSON that could not be read.
          </Text>
        ),
      };
    case 'network':
      return {
        title: 'Instance unreachable',
        color: 'red',
        retry: true,
        body: (
          <Stack gap="xs">
            <Text size="sm">
              No answer from the instance: check the network or whether the server is running.
            </Text>
            {detail}
          </Stack>
        ),
      };
    case 'server':
      return {
        title: `Server error${error.status === null ? '' : ` (${error.status})`}`,
        color: 'red',
        retry: true,
        body: (
          <Stack gap="xs">
            <Text size="sm">
              The instance failed while answering <Code>{error.path}</Code>.
            </Text>
            {detail}
          </Stack>
        ),
      };
    case 'validation':
    case 'method':
      return {
        title: error.kind === 'method' ? 'Method not allowed' : 'Request rejected',
        color: 'orange',
        retry: false,
        body: <Text size="sm">{error.message}</Text>,
      };
  }
}

export function ErrorState(props: ErrorStateProps) {
  const { error, onRetry } = props;
  const explained: Explained = isAlyxError(error)
    ? explain(error, props)
    : {
        title: 'Something went wrong',
        color: 'red',
        retry: true,
        body: <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>,
      };
  return (
    <Alert
      role="alert"
      color={explained.color}
      variant="light"
      title={explained.title}
      icon={<IconAlert />}
      maw={720}
      data-error-kind={isAlyxError(error) ? error.kind : 'unknown'}
    >
      <Stack gap="sm">
        {explained.body}
        {explained.retry && onRetry ? (
          <Group>
            <Button size="xs" variant="light" color={explained.color} onClick={onRetry}>
              Retry
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
