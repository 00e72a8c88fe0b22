import '@mantine/core/styles/SimpleGrid.layer.css';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isAlyxError } from '../../api/http/errors.ts';
import { instanceBases, type InstanceConfig } from '../../api/instances.ts';
import {
  createRecordMutation,
  updateRecordMutation,
  type WriteResult,
} from '../../api/queries/record-mutations.ts';
import { detailQuery, type AlyxRecord } from '../../api/queries/record-queries.ts';
import type { ApiModel, FieldModel } from '../../api/schema/model.ts';
import type { WriteMethod } from '../../api/schema/write-fields.ts';
import { ConflictDialog } from '../../components/ConflictDialog.tsx';
import { LeaveGuardDialog } from '../../components/LeaveGuardDialog.tsx';
import { MethodBadge } from '../../components/MethodBadge.tsx';
import { IconAlert } from '../../components/icons.tsx';
import { ValueView, type ValueLinks } from '../../components/values/ValueView.tsx';
import { paths } from '../../config/paths.ts';
import {
  checkBeforeWrite,
  resolveConflicts,
  type ConflictChoice,
  type FieldConflict,
} from '../../lib/edit-conflicts.ts';
import { useFormDraft } from '../../lib/form-drafts.ts';
import { showNotice } from '../../lib/notices.ts';
import { useLeaveGuard } from '../../lib/use-leave-guard.ts';
import { useReadOnly } from '../../lib/use-read-only.ts';
import { resolveValueLink } from '../../lib/value-links.ts';
import { ChangesSummary } from './ChangesSummary.tsx';
import { DraftBanner } from './DraftBanner.tsx';
import { FieldInput } from './FieldInput.tsx';
import {
  initialCreateValue,
  prefillValue,
  toFormValue,
  validateValue,
  withRecordShape,
  type FormValue,
} from './form-values.ts';
import { FormProblem } from './FormProblem.tsx';
import { overlayFormValues } from './overlay-values.ts';
import { buildPayload } from './payload.ts';
import { RequestPreview } from './RequestPreview.tsx';
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

type Values = Record<string, FormValue>;

/** A conflict waiting for the user's choices, with the record as the server has it now. */
interface PendingConflict {
  conflicts: FieldConflict[];
  opened: Values;
  current: Values;
  edited: Values;
}

const VERBS: Record<WriteMethod, string> = { POST: 'Create', PATCH: 'Save changes', PUT: 'Replace' };

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

function title(method: WriteMethod, endpoint: string, lookup: string | undefined): string {
  if (method === 'POST') return `New ${endpoint} record`;
  return `${method === 'PATCH' ? 'Edit' : 'Replace'} ${endpoint} ${lookup ?? ''}`;
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
  const queryClient = useQueryClient();
  const [attempted, setAttempted] = useState(false);
  const [showRequest, setShowRequest] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // Server messages stay on a field until its value changes.
  const [serverErrors, setServerErrors] = useState<{
    values: Record<string, FormValue>;
    errors: Record<string, string>;
  }>({
    values: {},
    errors: {},
  });
  const controller = useRef<AbortController | null>(null);
  // After a successful write nothing is a draft and nothing needs asking about any more.
  const [saved, setSaved] = useState(false);
  const unsaved = form.dirty && !saved;
  const drafts = useFormDraft(
    { instance: instance.name, endpoint: endpointName, lookup: lookup ?? null, method },
    form.values,
    { enabled: unsaved, original: form.original },
  );
  const guard = useLeaveGuard(unsaved);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);

  const mutation = useMutation<WriteResult, Error, { body: Record<string, unknown>; signal?: AbortSignal }>(
    endpoint
      ? method === 'POST' || lookup === undefined
        ? createRecordMutation(queryClient, instance, endpoint)
        : updateRecordMutation(queryClient, instance, endpoint, lookup, method)
      : { mutationFn: () => Promise.reject(new Error(`No endpoint ${endpointName}`)) },
  );

  const payload = useMemo(
    () =>
      buildPayload({ method, fields, values: form.values, original: form.original, touched: form.touched }),
    [method, fields, form.values, form.original, form.touched],
  );

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

  if (!endpoint) return <Text>No endpoint named {endpointName} on this instance.</Text>;

  const errorFor = (field: FieldModel): string | null => {
    const server = serverErrors.errors[field.name];
    if (server && serverErrors.values[field.name] === form.values[field.name]) return server;
    if (!attempted && !form.touched.has(field.name)) return null;
    return validateValue(field, form.values[field.name] ?? null, method);
  };

  const writable = fields.filter((field) => !field.readOnly);
  const readOnlyFields = method === 'POST' ? [] : fields.filter((field) => field.readOnly);
  const unplaced =
    isAlyxError(mutation.error) && mutation.error.kind === 'validation'
      ? Object.entries(mutation.error.fieldErrors)
          .filter(([name]) => !writable.some((field) => field.name === name))
          .map(([name, messages]) => `${name}: ${messages.join(' ')}`)
      : [];
  const nothingToSend = method === 'PATCH' && Object.keys(payload.body).length === 0;
  const clientErrors = Object.keys(payload.errors).length > 0;

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
          showNotice({
            message:
              method === 'POST'
                ? `Created ${what}.`
                : method === 'PATCH'
                  ? `Saved ${what}.`
                  : `Replaced ${what}.`,
            href: target,
            linkLabel: 'Open the record',
          });
          setSaved(true);
          drafts.discard();
          guard.disarm();
          onDone(target);
        },
        onError: (error) => {
          guard.arm();
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
    if (busy || clientErrors || nothingToSend || readOnlyAccount) return;
    if (method === 'POST' || lookup === undefined) {
      send(payload.body, form.values);
      return;
    }
    // Alyx has no conditional writes: re-read the record and compare before overwriting (ADR 0020).
    const opened = form.original;
    const edited = form.values;
    const fresh: { values: Values } = { values: {} };
    const fetchCurrent = async (): Promise<Values> => {
      const current = await queryClient.fetchQuery({
        ...detailQuery(instance, endpointName, lookup),
        staleTime: 0,
      });
      fresh.values = initialValues(fields, method, current, undefined);
      return fresh.values;
    };
    setChecking(true);
    setCheckError(null);
    checkBeforeWrite(fetchCurrent, opened, edited, writable)
      .then((check) => {
        if (!check.ok) setConflict({ conflicts: check.conflicts, opened, current: fresh.values, edited });
        else if (method === 'PATCH') send(payload.body, edited);
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

  const backTo =
    method === 'POST' || lookup === undefined
      ? paths.list(instance.name, endpointName)
      : paths.record(instance.name, endpointName, lookup);
  const showError = mutation.isError && mutation.error.name !== 'AbortError';

  const restoreDraft = () => {
    const draft = drafts.restore();
    if (!draft) return;
    // The draft's own base: a conflict check compares with what it was typed against.
    const base = overlayFormValues(draft.original, form.original);
    form.reset(base, overlayFormValues(draft.values, base));
  };

  return (
    <Stack gap="md" maw={960} data-testid="record-form" data-method={method}>
      <Stack gap={4}>
        <Anchor component={Link} to={backTo} size="sm">
          {method === 'POST' ? endpointName : `${endpointName} ${lookup ?? ''}`}
        </Anchor>
        <Group gap="xs" align="center">
          <MethodBadge method={method} />
          <Title order={2} fz={{ base: 'lg', sm: 'xl' }} style={{ overflowWrap: 'anywhere' }}>
            {title(method, endpointName, lookup)}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {method === 'PATCH'
            ? 'Only the fields you change are sent.'
            : method === 'PUT'
              ? 'Every writable field is sent, as shown here: a field left empty is cleared on the record.'
              : 'Fields marked * are required.'}
        </Text>
      </Stack>

      {readOnlyAccount ? (
        <Alert
          role="alert"
          color="orange"
          variant="light"
          title="This account can only read"
          icon={<IconAlert />}
          data-testid="read-only-account"
        >
          <Text size="sm">
            It may browse but not create, edit or delete, so this form cannot be sent.{' '}
            <Anchor component={Link} to={paths.login(instance.name, backTo)} size="sm">
              Log in with another account
            </Anchor>
          </Text>
        </Alert>
      ) : null}
      {drafts.draft ? (
        <DraftBanner draft={drafts.draft} onRestore={restoreDraft} onDiscard={drafts.discard} />
      ) : null}
      {showError ? <FormProblem error={mutation.error} unplaced={unplaced} /> : null}
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

      <form onSubmit={submit} noValidate aria-label={title(method, endpointName, lookup)}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
            {writable.map((field) => (
              <div key={field.name} data-field={field.name}>
                <FieldInput
                  instance={instance}
                  model={model}
                  field={field}
                  value={form.values[field.name] ?? null}
                  onChange={(value) => form.setValue(field.name, value)}
                  error={errorFor(field)}
                  required={field.required && method !== 'PATCH'}
                  disabled={busy || readOnlyAccount}
                />
              </div>
            ))}
          </SimpleGrid>

          {readOnlyFields.length > 0 ? (
            <Paper withBorder p="sm" radius="md">
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  Read-only (shown, never sent)
                </Text>
                {readOnlyFields.map((field) => (
                  <Group key={field.name} gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" miw={160}>
                      {field.name}
                    </Text>
                    <div style={{ minWidth: 0, flex: 1 }}>
                      <ValueView name={field.name} value={record?.[field.name]} field={field} links={links} />
                    </div>
                  </Group>
                ))}
              </Stack>
            </Paper>
          ) : null}

          {method === 'PATCH' ? <ChangesSummary changes={payload.changes} /> : null}
          {attempted && clientErrors ? (
            <Text size="sm" c="red" role="alert">
              Correct the marked fields first: {Object.keys(payload.errors).join(', ')}.
            </Text>
          ) : null}

          <Group gap="xs">
            <Button type="submit" loading={busy} disabled={busy || nothingToSend || readOnlyAccount}>
              {VERBS[method]}
            </Button>
            {mutation.isPending ? (
              <Button variant="default" onClick={cancel}>
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
        opened={conflict !== null}
        conflicts={conflict?.conflicts ?? []}
        fields={fields}
        links={links}
        onContinue={(choices) => {
          if (!conflict) return;
          setConflict(null);
          sendRebased(conflict, choices);
        }}
        onCancel={() => setConflict(null)}
      />
    </Stack>
  );
}
