import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { instanceBases, type InstanceConfig } from '../../api/instances.ts';
import { detailQuery, type AlyxRecord } from '../../api/queries/record-queries.ts';
import type { ApiModel, RelationTarget } from '../../api/schema/model.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ModelPending } from '../../components/ModelPending.tsx';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import type { LinkResolver } from '../../features/record-detail/detail-context.ts';
import { RecordDetailView, type ExtraTab } from '../../features/record-detail/RecordDetailView.tsx';
import { PinButton } from '../../features/saved-items/PinButton.tsx';
import { resolveValueLink } from '../../lib/value-links.ts';
import { useApiModel } from '../../lib/use-api-model.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

// The chart library (uPlot) loads only when a subject's weight curve is opened.
const WeightCurvePanel = lazy(() =>
  import('../../features/subject-weights/WeightCurvePanel.tsx').then((m) => ({
    default: m.WeightCurvePanel,
  })),
);

/** A subject's weight curve, where the instance serves weighings and water restrictions. */
function subjectTabs(instance: InstanceConfig, model: ApiModel, record: AlyxRecord): ExtraTab[] {
  const nickname = record['nickname'];
  if (typeof nickname !== 'string' || !model.endpoints['weighings'] || !model.endpoints['water-restriction'])
    return [];
  const lab = typeof record['lab'] === 'string' ? record['lab'] : null;
  return [
    {
      value: 'weight',
      label: 'Weight curve',
      panel: (
        <Suspense fallback={<LoadingState label="Loading the chart…" />}>
          <WeightCurvePanel instance={instance} nickname={nickname} lab={lab} />
        </Suspense>
      ),
    },
  ];
}

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  const { endpoint, lookup } = args.params;
  await requireSignedIn(args, {
    start: (instance, queryClient) => {
      if (endpoint && lookup) void queryClient.prefetchQuery(detailQuery(instance, endpoint, lookup));
    },
  });
  return null;
}

export function Component() {
  const { instance: name, endpoint, lookup } = useParams();
  const [search, setSearch] = useSearchParams();
  const { instance } = useInstances(name);
  const model = useApiModel(instance);
  useDocumentTitle(`${lookup ?? ''} · ${endpoint ?? ''} · Alyx Explorer`);

  const data = model.data;
  const links = useMemo(
    () =>
      instance && data ? { instance: instance.name, model: data, bases: instanceBases(instance) } : null,
    [instance, data],
  );
  // One value→link resolver (src/lib) for lists and records, so both link alike.
  const resolveLink = useCallback<LinkResolver>(
    (fieldName: string, value: unknown, relation?: RelationTarget) =>
      links ? resolveValueLink(links, fieldName, value, relation) : null,
    [links],
  );

  if (!instance || !endpoint || lookup === undefined) return null;
  if (!data) {
    return <ModelPending instance={instance} model={model} />;
  }
  return (
    <RecordDetailView
      key={`${endpoint}/${lookup}`}
      instance={instance}
      model={data}
      endpointName={endpoint}
      lookup={lookup}
      resolveLink={resolveLink}
      tab={search.get('tab')}
      onTabChange={(tab) => setSearch(tab === 'fields' ? {} : { tab }, { replace: true })}
      extraTabs={endpoint === 'subjects' ? (record) => subjectTabs(instance, data, record) : undefined}
      headerActions={(_record, title) => (
        <PinButton instance={instance.name} endpoint={endpoint} lookup={lookup} title={title} />
      )}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
