import { useDocumentTitle } from '@mantine/hooks';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { InstanceOverview } from '../../features/endpoint-docs/InstanceOverview.tsx';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  await requireSignedIn(args);
  return null;
}

export function Component() {
  const { instance: name } = useParams();
  const { instance } = useInstances(name);
  useDocumentTitle(`${name ?? ''} · Alyx Explorer`);
  return instance ? <InstanceOverview instance={instance} /> : null;
}

export const ErrorBoundary = RouteErrorBoundary;
