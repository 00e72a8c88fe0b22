import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { listQuery } from '../../api/queries/record-queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { alyxKeys } from '../../api/queries/keys.ts';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { paths } from '../../config/paths.ts';
import { RecordListView } from '../../features/record-list/RecordListView.tsx';
import { useApiModel } from '../../lib/use-api-model.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';
import { queryClientContext } from '../query-context.ts';

/** Starts the page's request while the view's code and the model load; the view reads the same query. */
export async function loader(args: LoaderFunctionArgs): Promise<null> {
  const instance = await requireSignedIn(args);
  const endpoint = args.params['endpoint'];
  if (endpoint) {
    const search = new URL(args.request.url).searchParams;
    void args.context.get(queryClientContext).prefetchQuery(listQuery(instance, endpoint, search));
  }
  return null;
}

export function Component() {
  const { instance: name, endpoint } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { instance } = useInstances(name);
  const model = useApiModel(instance);
  useDocumentTitle(`${endpoint ?? ''} · ${name ?? ''} · Alyx Explorer`);
  if (!instance || !endpoint) return null;
  if (!model.data) {
    return model.isError ? (
      <ErrorState error={model.error} onRetry={() => void model.refetch()} />
    ) : (
      <PendingState
        failureReason={model.failureReason}
        label="Reading the instance's schema…"
        queryKey={alyxKeys.schema(instance.name)}
      />
    );
  }
  return (
    <RecordListView
      instance={instance}
      model={model.data}
      endpointName={endpoint}
      search={search}
      onSearchChange={(next) => void navigate(paths.list(instance.name, endpoint, next))}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
