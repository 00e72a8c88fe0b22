import { queryOptions } from '@tanstack/react-query';
import { isAlyxError } from '../http/errors.ts';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { alyxPathFor } from '../schema/endpoint-for-path.ts';
import type { ApiModel, FieldModel } from '../schema/model.ts';
import { optionsBody, withOptionsBody } from '../schema/options-body.ts';
import { fieldsFor, needsWriteMetadata, type WriteMethod } from '../schema/write-fields.ts';
import { alyxKeys } from './keys.ts';
import { shouldRetry } from './retry.ts';

export interface WriteFields {
  fields: FieldModel[];
  /**
   * `schema`: the model described the body (OpenAPI); `options`: the instance's OPTIONS answer,
   * merged over the model; `detail`: the model's best guess (coreapi form or record fields)
   * because OPTIONS was not asked, refused or said nothing about this method.
   */
  source: 'schema' | 'options' | 'detail';
  /** Why OPTIONS did not answer, when it was asked. Never a verdict on the account's rights. */
  refused?: 'forbidden' | 'method' | 'throttled' | 'unreadable' | 'no-action';
}

const WRITE_FIELDS_STALE_TIME_MS = 24 * 60 * 60 * 1000;

/** OPTIONS refusals that a form can live with: the model's fields are shown instead. */
function optionsRefusalOf(error: unknown): WriteFields['refused'] | undefined {
  if (!isAlyxError(error)) return error instanceof Error ? 'unreadable' : undefined;
  switch (error.kind) {
    case 'forbidden':
      return 'forbidden';
    case 'method':
      return 'method';
    case 'throttled':
      return 'throttled';
    case 'html':
    case 'malformed':
      return 'unreadable';
    default:
      return undefined;
  }
}

/**
 * The fields of a `method` body of `endpointName`, for a form. From the model when it describes
 * the body; otherwise from `OPTIONS /{endpoint}` (POST) or `OPTIONS /{endpoint}/{lookup}` (PUT,
 * PATCH), asked once and merged over the model's fields. A refusal falls back to the model: it is
 * a query, not a mutation, so it never marks the account read-only, and it is not retried.
 */
export function writeFieldsQuery(
  instance: InstanceConfig,
  model: ApiModel,
  endpointName: string,
  method: WriteMethod,
  lookup?: string | number,
) {
  const client = clientFor(instance);
  // The model is identified by its build time: the whole model in the key would be hashed per render.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: alyxKeys.writeFields(instance.name, endpointName, method, lookup, model.builtAt),
    queryFn: async ({ signal }): Promise<WriteFields> => {
      const endpoint = model.endpoints[endpointName];
      if (!endpoint) throw new Error(`The API model has no endpoint "${endpointName}".`);
      const fallback = (refused?: WriteFields['refused']): WriteFields => ({
        fields: fieldsFor(endpoint, method),
        source: 'detail',
        ...(refused ? { refused } : {}),
      });
      if (!needsWriteMetadata(endpoint, method))
        return { fields: fieldsFor(endpoint, method), source: 'schema' };
      // DRF describes PUT only on a record's route; without a record there is nothing to ask.
      if (method !== 'POST' && lookup === undefined) return fallback();
      let fromOptions: FieldModel[];
      try {
        const doc = await client.options(alyxPathFor(endpointName, method === 'POST' ? undefined : lookup), {
          signal,
          // A refusal is an answer here, not a breakage (ADR 0021).
          expectFailure: true,
        });
        fromOptions = optionsBody(endpointName, doc, method);
      } catch (error) {
        if (signal.aborted) throw error;
        const refused = optionsRefusalOf(error);
        if (refused) return fallback(refused);
        throw error;
      }
      // DRF leaves out an action the account may not perform on this record (or route).
      if (fromOptions.length === 0) return fallback('no-action');
      return {
        fields: fieldsFor(withOptionsBody(model, endpoint, method, fromOptions), method),
        source: 'options',
      };
    },
    staleTime: (query) => (query.state.data?.refused === 'throttled' ? 0 : WRITE_FIELDS_STALE_TIME_MS),
    retry: (failureCount, error) =>
      isAlyxError(error) && error.status !== null && error.status >= 400 && error.status < 500
        ? false
        : shouldRetry(failureCount, error),
  });
}
