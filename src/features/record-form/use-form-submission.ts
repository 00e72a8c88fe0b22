import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { isAlyxError } from '../../api/http/errors.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import {
  createRecordMutation,
  updateRecordMutation,
  type WriteResult,
} from '../../api/queries/record-mutations.ts';
import { detailQuery, type AlyxRecord } from '../../api/queries/record-queries.ts';
import type { EndpointModel, FieldModel } from '../../api/schema/model.ts';
import type { WriteMethod } from '../../api/schema/write-fields.ts';
import { paths } from '../../config/paths.ts';
import {
  checkBeforeWrite,
  resolveConflicts,
  type ConflictChoice,
  type FieldConflict,
} from '../../lib/edit-conflicts.ts';
import { showNotice } from '../../lib/notices.ts';
import type { FormValue } from './form-values.ts';
import { overlayFormValues } from './overlay-values.ts';
import { buildPayload } from './payload.ts';
import type { RecordForm } from './use-record-form.ts';

type Values = Record<string, FormValue>;

/** A conflict waiting for the user's choices, with the record as the server has it now. */
export interface PendingConflict {
  conflicts: FieldConflict[];
  opened: Values;
  current: Values;
  edited: Values;
}

interface SubmissionInput {
  instance: InstanceConfig;
  endpoint: EndpointModel | undefined;
  endpointName: string;
  method: WriteMethod;
  lookup: string | undefined;
  fields: readonly FieldModel[];
  form: RecordForm;
  /** The body as the form now stands, and whether it can be sent. */
  body: Record<string, unknown>;
  blocked: boolean;
  /** The form's values for a record as the server has it (to compare before writing). */
  valuesOf: (record: AlyxRecord) => Values;
  /** Called after a successful write, before leaving: drop the draft, stop guarding. */
  onSaved: () => void;
  /** A failed write: the form is worth guarding again. */
  onFailed: () => void;
  onDone: (path: string) => void;
}

const DONE: Record<WriteMethod, string> = { POST: 'Created', PATCH: 'Saved', PUT: 'Replaced' };

/**
 * Sending the form: the conflict check before PATCH/PUT (ADR 0020), the mutation, cancelling, and
 * the server's field messages. The typed values are never touched here except by a rebase the
 * user chose in the conflict dialog.
 */
export function useFormSubmission(input: SubmissionInput) {
  const { instance, endpoint, endpointName, method, lookup, fields, form } = input;
  const queryClient = useQueryClient();
  const [attempted, setAttempted] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // Server messages stay on a field until its value changes.
  const [serverErrors, setServerErrors] = useState<{ values: Values; errors: Record<string, string> }>({
    values: {},
    errors: {},
  });
  const controller = useRef<AbortController | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const writable = fields.filter((field) => !field.readOnly);

  const mutation = useMutation<WriteResult, Error, { body: Record<string, unknown>; signal?: AbortSignal }>(
    endpoint
      ? method === 'POST' || lookup === undefined
        ? createRecordMutation(queryClient, instance, endpoint)
        : updateRecordMutation(queryClient, instance, endpoint, lookup, method)
      : { mutationFn: () => Promise.reject(new Error(`No endpoint ${endpointName}`)) },
  );
  const busy = mutation.isPending || checking;

  const send = (body: Record<string, unknown>, values: Values) => {
    const abort = new AbortController();
    controller.current = abort;
    setCancelled(false);
    mutation.mutate(
      { body, signal: abort.signal },
      {
        onSuccess: (result) => {
          const target =
            result.lookup === undefined
              ? paths.list(instance.name, endpointName)
              : paths.record(instance.name, endpointName, result.lookup);
          const what = `${endpointName} ${result.lookup ?? ''}`.trim();
          showNotice({ message: `${DONE[method]} ${what}.`, href: target, linkLabel: 'Open the record' });
          input.onSaved();
          input.onDone(target);
        },
        onError: (error) => {
          input.onFailed();
          if (error.name === 'AbortError') return;
          if (isAlyxError(error) && error.kind === 'validation') {
            const errors: Record<string, string> = {};
            for (const [name, messages] of Object.entries(error.fieldErrors))
              errors[name] = messages.join(' ');
            setServerErrors({ values, errors });
          }
        },
      },
    );
  };

  /**
   * Sends the edit rebased on the server's current record (resolveConflicts): the user's changes
   * (or the server's value where they chose it) and the server's value everywhere else, so a PUT does
   * not put back what another client changed. The current record becomes the form's base.
   */
  const sendRebased = (
    pending: Omit<PendingConflict, 'conflicts'>,
    choices: Record<string, ConflictChoice>,
  ) => {
    const resolved = overlayFormValues(
      resolveConflicts({ ...pending, fields: writable, choices }),
      pending.current,
    );
    form.reset(pending.current, resolved);
    const rebased = buildPayload({ method, fields, values: resolved, original: pending.current });
    if (Object.keys(rebased.errors).length > 0) return;
    if (method === 'PATCH' && Object.keys(rebased.body).length === 0) return;
    send(rebased.body, resolved);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (busy || input.blocked) return;
    if (method === 'POST' || lookup === undefined) {
      send(input.body, form.values);
      return;
    }
    // Alyx has no conditional writes: re-read the record and compare before overwriting (ADR 0020).
    const opened = form.original;
    const edited = form.values;
    const body = input.body;
    const fresh: { values: Values } = { values: {} };
    const fetchCurrent = async (): Promise<Values> => {
      const current = await queryClient.fetchQuery({
        ...detailQuery(instance, endpointName, lookup),
        staleTime: 0,
      });
      fresh.values = input.valuesOf(current);
      return fresh.values;
    };
    setChecking(true);
    setCheckError(null);
    checkBeforeWrite(fetchCurrent, opened, edited, writable)
      .then((check) => {
        if (!check.ok) setConflict({ conflicts: check.conflicts, opened, current: fresh.values, edited });
        else if (method === 'PATCH') send(body, edited);
        else sendRebased({ opened, current: fresh.values, edited }, {});
      })
      .catch((error: unknown) => setCheckError(error))
      .finally(() => setChecking(false));
  };

  const cancel = () => {
    controller.current?.abort();
    setCancelled(true);
    mutation.reset();
  };

  const resolveConflict = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return;
    setConflict(null);
    sendRebased(conflict, choices);
  };

  /** The server's message for `name`, while the field still holds the value it was about. */
  const serverErrorFor = (name: string): string | undefined =>
    serverErrors.values[name] === form.values[name] ? serverErrors.errors[name] : undefined;

  return {
    attempted,
    busy,
    pending: mutation.isPending,
    error: mutation.isError && mutation.error.name !== 'AbortError' ? mutation.error : null,
    cancelled,
    checkError,
    conflict,
    submit,
    cancel,
    resolveConflict,
    dismissConflict: () => setConflict(null),
    serverErrorFor,
  };
}
