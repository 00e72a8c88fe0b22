import { useDocumentTitle } from '@mantine/hooks';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { EndpointDocsView } from '../../features/endpoint-docs/EndpointDocsView.tsx';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  await requireSignedIn(args);
  return null;
}

export function Component() {
  const { instance: name, endpoint } = useParams();
  const { instance } = useInstances(name);
  useDocumentTitle(`${endpoint ?? ''} docs · ${name ?? ''} · Alyx Explorer`);
  return instance && endpoint ? <EndpointDocsView instance={instance} endpoint={endpoint} /> : null;
}

export const ErrorBoundary = RouteErrorBoundary;
