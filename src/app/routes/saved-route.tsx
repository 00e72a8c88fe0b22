import { useDocumentTitle } from '@mantine/hooks';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { SavedItemsView } from '../../features/saved-items/SavedItemsView.tsx';
import { usePinnedRecords, useSavedQueries } from '../../lib/saved-items.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  await requireSignedIn(args);
  return null;
}

export function Component() {
  const { instance: name = '' } = useParams();
  const { instance } = useInstances(name);
  const queries = useSavedQueries(name);
  const pins = usePinnedRecords(name);
  useDocumentTitle(`Saved · ${name} · Alyx Explorer`);
  if (!instance) return null;
  return <SavedItemsView instance={instance.name} queries={queries} pins={pins} />;
}

export const ErrorBoundary = RouteErrorBoundary;
