import '@mantine/core/styles/List.layer.css';
import { Alert, List, Stack, Text } from '@mantine/core';
import { isAlyxError } from '../../api/http/errors.ts';
import { refusalOf } from '../../api/queries/record-mutations.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { IconAlert } from '../../components/icons.tsx';

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
  const refusal = refusalOf(error);
  if (refusal === 'read-only')
    return (
      <Alert
        role="alert"
        color="orange"
        variant="light"
        title="This account can only read"
        icon={<IconAlert />}
        data-error-kind="read-only"
      >
        <Text size="sm">
          The instance refused the write: this account may browse but not create, edit or delete. Nothing was
          written; your values are still here. Log in with an account that may write to send them.
        </Text>
      </Alert>
    );
  if (refusal === 'protected')
    return (
      <Alert
        role="alert"
        color="orange"
        variant="light"
        title="This record is protected"
        icon={<IconAlert />}
        data-error-kind="protected"
      >
        <Stack gap={4}>
          <Text size="sm">
            The instance refuses changes to this record. Other records can still be written.
          </Text>
          {isAlyxError(error) && error.detail ? <Text size="sm">{error.detail}</Text> : null}
        </Stack>
      </Alert>
    );
  if (isAlyxError(error) && error.kind === 'validation') {
    const messages = [...error.nonFieldErrors, ...(error.detail ? [error.detail] : []), ...unplaced];
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        title="The instance rejected the values"
        icon={<IconAlert />}
        data-error-kind="validation"
      >
        <Stack gap={4}>
          <Text size="sm">Nothing was written. Correct the marked fields and send again.</Text>
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
