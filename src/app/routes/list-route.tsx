import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { listQuery } from '../../api/queries/record-queries.ts';
import { ModelPending } from '../../components/ModelPending.tsx';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { paths } from '../../config/paths.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { RecordListView } from '../../features/record-list/RecordListView.tsx';
import { OverTimeButton } from '../../features/records-over-time/OverTimeButton.tsx';
import { SaveQueryButton } from '../../features/saved-items/SaveQueryButton.tsx';
import {
  dateFields,
  overTimeHash,
  readOverTimeHash,
  type OverTimeState,
} from '../../features/records-over-time/over-time-hash.ts';
import { useApiModel } from '../../lib/use-api-model.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

// The chart library (uPlot) loads only when the panel is first opened.
const RecordsOverTimePanel = lazy(() =>
  import('../../features/records-over-time/RecordsOverTimePanel.tsx').then((m) => ({
    default: m.RecordsOverTimePanel,
  })),
);

/** Starts the page's request while the view's code and the model load; the view reads the same query. */
export async function loader(args: LoaderFunctionArgs): Promise<null> {
  const endpoint = args.params['endpoint'];
  const search = new URL(args.request.url).searchParams;
  await requireSignedIn(args, {
    start: (instance, queryClient) => {
      if (endpoint) void queryClient.prefetchQuery(listQuery(instance, endpoint, search));
    },
  });
  return null;
}

export function Component() {
  const { instance: name, endpoint } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const overTime = readOverTimeHash(location.hash);
  const setOverTime = (state: OverTimeState | null) =>
    void navigate({ search: location.search, hash: overTimeHash(state) }, { replace: true });
  const { instance } = useInstances(name);
  const model = useApiModel(instance);
  useDocumentTitle(`${endpoint ?? ''} · ${name ?? ''} · Alyx Explorer`);
  if (!instance || !endpoint) return null;
  if (!model.data) {
    return <ModelPending instance={instance} model={model} />;
  }
  return (
    <RecordListView
      instance={instance}
      model={model.data}
      endpointName={endpoint}
      search={search}
      onSearchChange={(next) => void navigate(paths.list(instance.name, endpoint, next) + location.hash)}
      extraActions={
        <>
          {dateFields(model.data.endpoints[endpoint]).length > 0 ? (
            <OverTimeButton
              open={overTime !== null}
              onToggle={() => setOverTime(overTime ? null : { field: null, unit: 'auto' })}
            />
          ) : null}
          <SaveQueryButton instance={instance.name} endpoint={endpoint} search={search} />
        </>
      }
      extraPanel={
        overTime ? (
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <RecordsOverTimePanel
              instance={instance}
              endpointName={endpoint}
              endpoint={model.data.endpoints[endpoint]}
              search={search}
              state={overTime}
              onStateChange={setOverTime}
            />
          </Suspense>
        ) : null
      }
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
