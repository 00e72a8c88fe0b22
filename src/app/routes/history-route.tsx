import { useDocumentTitle } from '@mantine/hooks';
import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { paths } from '../../config/paths.ts';
import { RequestHistoryView } from '../../features/request-history/RequestHistoryView.tsx';
import { useRequestHistory } from '../../lib/request-history.ts';
import { useApiModel } from '../../lib/use-api-model.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  await requireSignedIn(args);
  return null;
}

export function Component() {
  const { instance: name = '' } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const { instance } = useInstances(name);
  const model = useApiModel(instance);
  const entries = useRequestHistory(name);
  useDocumentTitle(`History · ${name} · Alyx Explorer`);
  const search = searchParams.get('q') ?? '';
  // The search lives in the URL (shareable, kept on reload), replacing rather than stacking entries.
  const onSearch = useCallback(
    (next: string) => {
      void navigate(paths.history(name, { q: next }), { replace: true, preventScrollReset: true });
    },
    [name, navigate],
  );
  if (!instance) return null;
  return (
    <RequestHistoryView
      instance={instance.name}
      entries={entries}
      model={model.data}
      search={search}
      onSearch={onSearch}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
