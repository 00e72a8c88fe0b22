import { isAlyxError } from '../api/http/errors.ts';
import { refusalOf } from '../api/queries/record-mutations.ts';

export type WriteFailureKind =
  | 'read-only'
  | 'protected'
  | 'validation'
  | 'unauthorized'
  | 'not-found'
  | 'method'
  | 'throttled'
  | 'network'
  | 'failed';

export interface WriteFailure {
  kind: WriteFailureKind;
  title: string;
  text: string;
  /** Whether sending again can help (a lost connection, a throttle, a server error). */
  retry: boolean;
}

/**
 * Why a create, edit or delete failed, in the words the forms and the delete dialog show. A 403
 * is told apart: the account can only read, or this one record is protected (which says nothing
 * about the account).
 */
export function explainWriteFailure(error: unknown, verb: 'write' | 'delete', what: string): WriteFailure {
  const nothing = verb === 'delete' ? 'Nothing was deleted.' : 'Nothing was written.';
  const detail = isAlyxError(error) && error.detail ? ` The server said: ${error.detail}` : '';
  const refusal = refusalOf(error);
  if (refusal === 'protected')
    return {
      kind: 'protected',
      title: 'This record is protected',
      text: `The instance refuses to ${verb === 'delete' ? 'delete' : 'change'} ${what}.${detail} ${nothing} Other records can still be ${verb === 'delete' ? 'deleted' : 'written'}.`,
      retry: false,
    };
  if (refusal === 'read-only')
    return {
      kind: 'read-only',
      title: 'This account can only read',
      text: `The instance refused the ${verb} (403): this account may browse but not create, edit or delete. ${nothing}`,
      retry: false,
    };
  if (!isAlyxError(error))
    return {
      kind: 'failed',
      title: verb === 'delete' ? 'Delete failed' : 'Save failed',
      text: error instanceof Error ? error.message : String(error),
      retry: true,
    };
  switch (error.kind) {
    case 'validation':
      return { kind: 'validation', title: 'The instance rejected the values', text: nothing, retry: false };
    case 'unauthorized':
      return {
        kind: 'unauthorized',
        title: 'Not logged in',
        text: `Log in again to ${verb}.${detail}`,
        retry: false,
      };
    case 'not-found':
      return {
        kind: 'not-found',
        title: 'Not found',
        text: `The instance has no ${what} any more (404): someone may have deleted it already.`,
        retry: false,
      };
    case 'method':
      return {
        kind: 'method',
        title: `${verb === 'delete' ? 'Delete' : 'This write'} not allowed here`,
        text: `This endpoint does not accept it (405).${detail}`,
        retry: false,
      };
    case 'throttled':
      return {
        kind: 'throttled',
        title: 'Throttled',
        text: 'The instance asks to slow down; wait a moment and try again.',
        retry: true,
      };
    case 'network':
      return {
        kind: 'network',
        title: 'The instance could not be reached',
        text: `No answer arrived, so the ${verb} may or may not have happened: reload the record to check.`,
        retry: true,
      };
    default:
      return {
        kind: 'failed',
        title: `The instance failed (${error.status ?? 'no status'})`,
        text: `Nothing is known to be ${verb === 'delete' ? 'deleted' : 'written'}.${detail}`,
        retry: true,
      };
  }
}
