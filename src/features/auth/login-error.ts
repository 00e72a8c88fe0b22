import { isAlyxError } from '../../api/http/errors.ts';

/** The server's own words when it gave any ("Unable to log in with provided credentials."). */
export function loginErrorMessage(error: unknown): string {
  if (!isAlyxError(error)) return error instanceof Error ? error.message : String(error);
  if (error.kind === 'validation') {
    const messages = [
      ...error.nonFieldErrors,
      ...Object.entries(error.fieldErrors).map(([field, list]) => `${field}: ${list.join(' ')}`),
    ];
    if (messages.length > 0) return messages.join(' ');
  }
  if (error.kind === 'unauthorized' || error.kind === 'forbidden') {
    return error.detail ?? 'The instance refused these credentials.';
  }
  return error.detail ?? error.message;
}
