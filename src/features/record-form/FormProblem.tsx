import '@mantine/core/styles/List.layer.css';
import { Alert, List, Stack, Text } from '@mantine/core';
import { isAlyxError } from '../../api/http/errors.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { explainWriteFailure } from '../../lib/write-failure.ts';

interface FormProblemProps {
  error: unknown;
  /** Field errors the form could not place on one of its inputs (unknown or nested names). */
  unplaced: readonly string[];
  onRetry?: () => void;
}

/**
 * What went wrong with a submit, above the form. Field errors sit on their inputs; here are the
 * server's `non_field_errors`/`detail`, the two kinds of 403 (a read-only account, one protected
 * record) and everything else through the app's ErrorState.
 */
export function FormProblem({ error, unplaced, onRetry }: FormProblemProps) {
  const failure = explainWriteFailure(error, 'write', 'this record');
  if (failure.kind === 'read-only' || failure.kind === 'protected')
    return (
      <Alert
        role="alert"
        color="orange"
        variant="light"
        title={failure.title}
        icon={<IconAlert />}
        data-error-kind={failure.kind}
      >
        <Text size="sm">
          {failure.text} Your values are still here
          {failure.kind === 'read-only' ? ': log in with an account that may write to send them.' : '.'}
        </Text>
      </Alert>
    );
  if (isAlyxError(error) && error.kind === 'validation') {
    const messages = [...error.nonFieldErrors, ...(error.detail ? [error.detail] : []), ...unplaced];
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        title={failure.title}
        icon={<IconAlert />}
        data-error-kind="validation"
      >
        <Stack gap={4}>
          <Text size="sm">{failure.text} Correct the marked fields and send again.</Text>
          {messages.length > 0 ? (
            <List size="sm">
              {messages.map((message, index) => (
                <List.Item key={index}>{message}</List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap={4}>
      <ErrorState error={error} {...(onRetry ? { onRetry } : {})} />
      <Text size="sm" c="dimmed">
        Your values are kept; send again when the instance answers.
      </Text>
    </Stack>
  );
}
