import { Alert, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { detailQuery } from '../../api/queries/record-queries.ts';
import { writeFieldsQuery, type WriteFields } from '../../api/queries/write-fields-query.ts';
import type { EndpointModel } from '../../api/schema/model.ts';
import type { WriteMethod } from '../../api/schema/write-fields.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ModelPending } from '../../components/ModelPending.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { retryOnMountAfter } from '../../api/queries/retry.ts';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { parseAppPath } from '../../config/paths.ts';
import { RecordFormView } from '../../features/record-form/RecordFormView.tsx';
import { useApiModel } from '../../lib/use-api-model.ts';
import { detailMethodsAreGuessed } from '../../lib/use-detail-write-methods.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

/** `~/new` → POST, `{lookup}/~/edit` → PATCH, `{lookup}/~/replace` → PUT (paths.ts parses which). */
function methodOf(pathname: string): WriteMethod | null {
  const view = parseAppPath(pathname).view;
  return view === 'create' ? 'POST' : view === 'edit' ? 'PATCH' : view === 'replace' ? 'PUT' : null;
}

function offers(endpoint: EndpointModel, method: WriteMethod, fields: WriteFields | undefined): boolean {
  const route = method === 'POST' ? endpoint.list : endpoint.detail;
  if (route?.methods.includes(method)) return true;
  // Root-only instances name no detail methods; the record's OPTIONS answer (a PUT action) does.
  return method !== 'POST' && detailMethodsAreGuessed(endpoint) && fields?.source === 'options';
}

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  const { endpoint, lookup } = args.params;
  await requireSignedIn(args, {
    start: (instance, queryClient) => {
      if (endpoint && lookup !== undefined)
        void queryClient.prefetchQuery(detailQuery(instance, endpoint, lookup));
    },
  });
  return null;
}

export function Component() {
  const { instance: name, endpoint, lookup } = useParams();
  const location = useLocation();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const method = methodOf(location.pathname);
  const { instance } = useInstances(name);
  const model = useApiModel(instance);
  const editing = method !== 'POST' && lookup !== undefined;
  const recordOptions = detailQuery(
    instance ?? { name: '', url: '', proxy: true, baseUrl: '' },
    endpoint ?? '',
    lookup ?? '',
  );
  const queryClient = useQueryClient();
  const record = useQuery({
    ...recordOptions,
    retryOnMount: retryOnMountAfter(queryClient.getQueryState(recordOptions.queryKey)),
    enabled: instance !== undefined && endpoint !== undefined && editing,
  });
  const writeFieldsOptions = writeFieldsQuery(
    instance ?? { name: '', url: '', proxy: true, baseUrl: '' },
    model.data ?? { endpoints: {}, sources: [], builtAt: 0 },
    endpoint ?? '',
    method ?? 'POST',
    lookup,
  );
  const writeFields = useQuery({
    ...writeFieldsOptions,
    enabled: instance !== undefined && model.data !== undefined && endpoint !== undefined && method !== null,
  });
  useDocumentTitle(
    `${method === 'POST' ? 'New' : method === 'PATCH' ? 'Edit' : 'Replace'} · ${endpoint ?? ''} · Alyx Explorer`,
  );

  if (!instance || !endpoint || !method) return null;
  if (!model.data) return <ModelPending instance={instance} model={model} />;
  const endpointModel = model.data.endpoints[endpoint];
  // A failed probe is not fatal: the form then starts from the model's fields.
  if (endpointModel && !writeFields.data && !writeFields.isError)
    return (
      <PendingState
        failureReason={writeFields.failureReason}
        label="Reading the form's fields…"
        queryKey={writeFieldsOptions.queryKey}
      />
    );
  if (!endpointModel || !offers(endpointModel, method, writeFields.data))
    return (
      <Alert color="orange" variant="light" title={`${endpoint} does not accept ${method}`} role="alert">
        <Text size="sm">
          The instance's schema offers no {method} on {endpoint}
          {method === 'POST' ? '' : ' records'}, so there is no form for it.
        </Text>
      </Alert>
    );
  if (editing && !record.data)
    return record.isError ? (
      <ErrorState error={record.error} onRetry={() => void record.refetch()} />
    ) : (
      <PendingState
        failureReason={record.failureReason}
        label="Reading the record…"
        queryKey={recordOptions.queryKey}
      />
    );
  return (
    <RecordFormView
      key={`${method} ${endpoint} ${lookup ?? ''}`}
      instance={instance}
      model={model.data}
      endpointName={endpoint}
      method={method}
      {...(editing ? { lookup, record: record.data } : { prefill: search })}
      onDone={(path) => void navigate(path)}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
