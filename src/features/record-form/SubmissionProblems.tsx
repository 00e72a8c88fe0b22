import { Alert, Stack, Text } from '@mantine/core';
import { FormProblem } from './FormProblem.tsx';

/** What went wrong with the last send: its error, a failed re-read before it, or a cancel. */
export function SubmissionProblems({
  error,
  unplaced,
  checkError,
  cancelled,
}: {
  error: Error | null;
  /** Server messages for fields the form does not show. */
  unplaced: string[];
  checkError: unknown;
  cancelled: boolean;
}) {
  return (
    <>
      {error ? <FormProblem error={error} unplaced={unplaced} /> : null}
      {checkError !== null ? (
        <Stack gap={4} data-testid="check-failed">
          <Text size="sm" fw={600}>
            Could not re-read the record before sending, so nothing was sent. Your values are kept.
          </Text>
          <FormProblem error={checkError} unplaced={[]} />
        </Stack>
      ) : null}
      {cancelled ? (
        <Alert color="yellow" variant="light" title="Request cancelled" data-testid="request-cancelled">
          <Text size="sm">
            The instance may still have applied it: check the record before sending again. Your values are
            kept.
          </Text>
        </Alert>
      ) : null}
    </>
  );
}
