import { Button, Group } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { InstanceConfig } from '../api/instances.ts';
import type { ApiModel, EndpointModel } from '../api/schema/model.ts';
import { fieldsFor } from '../api/schema/write-fields.ts';
import { paths, queryString } from '../config/paths.ts';
import { localNaiveNow } from '../lib/naive-datetime.ts';
import { useDetailWriteMethods } from '../lib/use-detail-write-methods.ts';
import { useReadOnly } from '../lib/use-read-only.ts';
import { preloadView, preloadViewWhenIdle } from '../lib/view-preload.ts';

const NOT_FIELDS = new Set(['limit', 'offset', 'ordering', 'django']);

/**
 * The prefill of a "New" link: the list's filters that name a writable field of the body
 * (`?subject=KS005`), and on action endpoints the current lab-local time for `date_time`.
 */
export function createPrefill(endpoint: EndpointModel, filters: Iterable<[string, string]>): URLSearchParams {
  const writable = new Map(
    fieldsFor(endpoint, 'POST')
      .filter((field) => !field.readOnly)
      .map((field) => [field.name, field]),
  );
  const prefill = new URLSearchParams();
  for (const [key, value] of filters)
    if (!NOT_FIELDS.has(key) && writable.has(key) && value !== '') prefill.append(key, value);
  if (writable.get('date_time')?.kind === 'datetime' && !prefill.has('date_time'))
    prefill.set('date_time', localNaiveNow());
  return prefill;
}

interface WriteLinkProps {
  instance: InstanceConfig;
  to: string;
  label: string;
  testId?: string;
}

/** A link to a form, or — for an account that can only read — a disabled control saying so. */
function WriteLink({ instance, to, label, testId }: WriteLinkProps) {
  const readOnly = useReadOnly(instance);
  useEffect(() => (readOnly ? undefined : preloadViewWhenIdle('form')), [readOnly]);
  if (readOnly)
    return (
      <Button size="xs" variant="default" disabled data-testid={testId} title="This account can only read">
        {label} · this account can only read
      </Button>
    );
  return (
    <Button
      component={Link}
      to={to}
      size="xs"
      variant="default"
      data-testid={testId}
      onMouseEnter={() => preloadView('form')}
      onFocus={() => preloadView('form')}
    >
      {label}
    </Button>
  );
}

/** "New" on a list or a reverse tab, when the endpoint's list route offers POST. */
export function NewRecordLink({
  instance,
  endpoint,
  filters = [],
  label = 'New',
}: {
  instance: InstanceConfig;
  endpoint: EndpointModel | undefined;
  filters?: Iterable<[string, string]>;
  label?: string;
}) {
  if (!endpoint?.list?.methods.includes('POST')) return null;
  const to = `${paths.create(instance.name, endpoint.name)}${queryString(createPrefill(endpoint, filters))}`;
  return <WriteLink instance={instance} to={to} label={label} testId="new-record" />;
}

/** "Edit" (PATCH) and "Replace" (PUT) on a record, for the methods its detail route offers. */
export function EditRecordLinks({
  instance,
  model,
  endpointName,
  lookup,
}: {
  instance: InstanceConfig;
  model: ApiModel;
  endpointName: string;
  lookup: string;
}) {
  const endpoint = model.endpoints[endpointName];
  const methods = useDetailWriteMethods(instance, model, endpointName, lookup);
  if (!endpoint || (!methods.includes('PATCH') && !methods.includes('PUT'))) return null;
  return (
    <Group gap="xs">
      {methods.includes('PATCH') ? (
        <WriteLink
          instance={instance}
          to={paths.edit(instance.name, endpoint.name, lookup)}
          label="Edit"
          testId="edit-record"
        />
      ) : null}
      {methods.includes('PUT') ? (
        <WriteLink
          instance={instance}
          to={paths.replace(instance.name, endpoint.name, lookup)}
          label="Replace"
          testId="replace-record"
        />
      ) : null}
    </Group>
  );
}
