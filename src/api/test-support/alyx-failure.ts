import { AlyxError } from '../http/errors.ts';

/** Test support: the AlyxError a request fails with; throws when it succeeds or fails otherwise. */
export async function alyxFailure(promise: Promise<unknown>): Promise<AlyxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AlyxError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}
