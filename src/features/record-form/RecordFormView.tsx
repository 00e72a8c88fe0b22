import '@mantine/core/styles/SimpleGrid.layer.css';
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { isAlyxError } from '../../api/http/errors.ts';
import { instanceBases, type InstanceConfig } from '../../api/instances.ts';
import type { AlyxRecord } from '../../api/queries/record-queries.ts';
import type { ApiModel, FieldModel } from '../../api/schema/model.ts';
import type { WriteMethod } from '../../api/schema/write-fields.ts';
import { ConflictDialog } from '../../components/ConflictDialog.tsx';
import { LeaveGuardDialog } from '../../components/LeaveGuardDialog.tsx';
import { ProductionWriteNotice } from '../../components/ProductionWriteNotice.tsx';
import type { ValueLinks } from '../../components/values/ValueView.tsx';
import { paths } from '../../config/paths.ts';
import { useFormDraft } from '../../lib/form-drafts.ts';
import { useLeaveGuard } from '../../lib/use-leave-guard.ts';
import { useReadOnly } from '../../lib/use-read-only.ts';
import { useViewCommand } from '../../lib/view-commands.ts';
import { resolveValueLink } from '../../lib/value-links.ts';
import { ChangesSummary } from './ChangesSummary.tsx';
import { DraftBanner } from './DraftBanner.tsx';
import { FieldInput } from './FieldInput.tsx';
import { FormHeader, formTitle } from './FormHeader.tsx';
import {
  initialCreateValue,
  prefillValue,
  toFormValue,
  validateValue,
  withRecordShape,
  type FormValue,
} from './form-values.ts';
import { overlayFormValues } from './overlay-values.ts';
import { buildPayload } from './payload.ts';
import { ReadOnlyFields } from './ReadOnlyFields.tsx';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';
import { RequestPreview } from './RequestPreview.tsx';
import { SubmissionProblems } from './SubmissionProblems.tsx';
import { useFormSubmission } from './use-form-submission.ts';
import { useRecordForm } from './use-record-form.ts';
import { useWriteFields } from './use-write-fields.ts';

export interface RecordFormViewProps {
  instance: InstanceConfig;
  model: ApiModel;
  endpointName: string;
  method: WriteMethod;
  /** The record edited or replaced (PATCH/PUT), as the form was opened from it. */
  lookup?: string;
  record?: AlyxRecord;
  /** A "New" link's query string: `?subject=KS005` fills `subject`. */
  prefill?: URLSearchParams;
  /** Called with the app path to go to after a successful write. */
  onDone: (path: string) => void;
}

const VERBS: Record<WriteMethod, string> = { POST: 'Create', PATCH: 'Save changes', PUT: 'Replace' };

/**
 * About a screenful of inputs, rendered at once; the rest follow in a transition, so a 20-field
 * form takes input in its first fields while React renders the others without blocking.
 */
export const FIRST_FIELDS = 8;

function initialValues(
  fields: readonly FieldModel[],
  method: WriteMethod,
  record: AlyxRecord | undefined,
  prefill: URLSearchParams | undefined,
): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const field of fields) {
    if (field.readOnly) continue;
    if (method === 'POST') {
      const given = prefill?.getAll(field.name) ?? [];
      values[field.name] = given.length > 0 ? prefillValue(field, given) : initialCreateValue(field);
    } else values[field.name] = toFormValue(field, record?.[field.name]);
  }
  return values;
}

/** One form for every endpoint and write method, built from the model's fields. */
export function RecordFormView({
  instance,
  model,
  endpointName,
  method,
  lookup,
  record,
  prefill,
  onDone,
}: RecordFormViewProps) {
  const endpoint = model.endpoints[endpointName];
  const writeFields = useWriteFields(instance, model, endpointName, method, lookup).fields;
  const [fields] = useState(() => withRecordShape(writeFields, record));
  const [opened] = useState(() => initialValues(fields, method, record, prefill));
  const form = useRecordForm(opened);
  const readOnlyAccount = useReadOnly(instance);
  const [showRequest, setShowRequest] = useState(false);
  // The form's snippets are its request preview: curl and the ONE call, token masked.
  useViewCommand('snippets', () => setShowRequest(true));
  // After a successful write nothing is a draft and nothing needs asking about any more.
  const [saved, setSaved] = useState(false);
  const unsaved = form.dirty && !saved;
  const drafts = useFormDraft(
    { instance: instance.name, endpoint: endpointName, lookup: lookup ?? null, method },
    form.values,
    { enabled: unsaved, original: form.original },
  );
  const guard = useLeaveGuard(unsaved);

  const payload = useMemo(
    () =>
      buildPayload({ method, fields, values: form.values, original: form.original, touched: form.touched }),
    [method, fields, form.values, form.original, form.touched],
  );
  const writable = useMemo(() => fields.filter((field) => !field.readOnly), [fields]);
  const allFieldsShown = useAfterFirstPaint(writable.length <= FIRST_FIELDS);
  const shownFields = allFieldsShown ? writable : writable.slice(0, FIRST_FIELDS);
  const nothingToSend = method === 'PATCH' && Object.keys(payload.body).length === 0;
  const clientErrors = Object.keys(payload.errors).length > 0;

  const submission = useFormSubmission({
    instance,
    endpoint,
    endpointName,
    method,
    lookup,
    fields,
    form,
    body: payload.body,
    blocked: clientErrors || nothingToSend || readOnlyAccount,
    valuesOf: (current) => initialValues(fields, method, current, undefined),
    onSaved: () => {
      setSaved(true);
      drafts.discard();
      guard.disarm();
    },
    onFailed: guard.arm,
    onDone,
  });

  const links = useMemo<ValueLinks>(
    () => ({
      instance,
      resolve: (name, value, relation) =>
        resolveValueLink(
          { instance: instance.name, model, bases: instanceBases(instance) },
          name,
          value,
          relation,
        ),
    }),
    [instance, model],
  );
  const setValue = form.setValue;
  const onFieldChange = useCallback((name: string, value: FormValue) => setValue(name, value), [setValue]);

  if (!endpoint) return <Text>No endpoint named {endpointName} on this instance.</Text>;

  const errorFor = (field: FieldModel): string | null => {
    const server = submission.serverErrorFor(field.name);
    if (server) return server;
    if (!submission.attempted && !form.touched.has(field.name)) return null;
    return validateValue(field, form.values[field.name] ?? null, method);
  };

  const error = submission.error;
  const unplaced =
    isAlyxError(error) && error.kind === 'validation'
      ? Object.entries(error.fieldErrors)
          .filter(([name]) => !writable.some((field) => field.name === name))
          .map(([name, messages]) => `${name}: ${messages.join(' ')}`)
      : [];
  const busy = submission.busy;
  const backTo =
    method === 'POST' || lookup === undefined
      ? paths.list(instance.name, endpointName)
      : paths.record(instance.name, endpointName, lookup);

  const restoreDraft = () => {
    const draft = drafts.restore();
    if (!draft) return;
    // The draft's own base: a conflict check compares with what it was typed against.
    const base = overlayFormValues(draft.original, form.original);
    form.reset(base, overlayFormValues(draft.values, base));
  };

  return (
    <Stack
      gap="md"
      maw={960}
      data-testid="record-form"
      data-method={method}
      data-all-fields={allFieldsShown || undefined}
    >
      <FormHeader
        method={method}
        endpointName={endpointName}
        lookup={lookup}
        backTo={backTo}
        readOnlyAccount={readOnlyAccount}
        loginPath={paths.login(instance.name, backTo)}
      />
      {drafts.draft ? (
        <DraftBanner draft={drafts.draft} onRestore={restoreDraft} onDiscard={drafts.discard} />
      ) : null}
      <SubmissionProblems
        error={error}
        unplaced={unplaced}
        checkError={submission.checkError}
        cancelled={submission.cancelled}
      />

      <form onSubmit={submission.submit} noValidate aria-label={formTitle(method, endpointName, lookup)}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
            {shownFields.map((field) => (
              <div key={field.name} data-field={field.name}>
                <FieldInput
                  instance={instance}
                  model={model}
                  field={field}
                  value={form.values[field.name] ?? null}
                  onFieldChange={onFieldChange}
                  error={errorFor(field)}
                  required={field.required && method !== 'PATCH'}
                  disabled={busy || readOnlyAccount}
                />
              </div>
            ))}
          </SimpleGrid>

          {/* Context, not input: it waits for the transition with the rest, so a long related list
              (a session's datasets) does not hold back the first inputs. */}
          {method === 'POST' || !allFieldsShown ? null : (
            <ReadOnlyFields fields={fields.filter((field) => field.readOnly)} record={record} links={links} />
          )}

          {method === 'PATCH' ? <ChangesSummary changes={payload.changes} /> : null}
          {submission.attempted && clientErrors ? (
            <Text size="sm" c="red" role="alert">
              Correct the marked fields first: {Object.keys(payload.errors).join(', ')}.
            </Text>
          ) : null}

          <ProductionWriteNotice instance={instance} />
          <Group gap="xs">
            <Button type="submit" loading={busy} disabled={busy || nothingToSend || readOnlyAccount}>
              {VERBS[method]}
            </Button>
            {submission.pending ? (
              <Button variant="default" onClick={submission.cancel}>
                Cancel request
              </Button>
            ) : (
              <Button component={Link} to={backTo} variant="default">
                Back
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => setShowRequest((shown) => !shown)}
              aria-expanded={showRequest}
            >
              {showRequest ? 'Hide request' : 'Show request'}
            </Button>
          </Group>
          {showRequest ? (
            <RequestPreview
              request={{
                method,
                baseUrl: instance.url,
                endpoint: endpointName,
                ...(lookup === undefined ? {} : { lookup }),
                body: payload.body,
              }}
            />
          ) : null}
        </Stack>
      </form>
      <LeaveGuardDialog
        opened={guard.asking}
        draftKept={drafts.draft === null}
        onStay={guard.stay}
        onLeave={guard.leave}
      />
      <ConflictDialog
        opened={submission.conflict !== null}
        conflicts={submission.conflict?.conflicts ?? []}
        fields={fields}
        links={links}
        onContinue={submission.resolveConflict}
        onCancel={submission.dismissConflict}
      />
    </Stack>
  );
}
