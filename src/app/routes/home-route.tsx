import { useDocumentTitle } from '@mantine/hooks';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { InstancesHome } from '../../features/instances/InstancesHome.tsx';

export function Component() {
  useDocumentTitle('Alyx Explorer');
  return <InstancesHome />;
}

export const ErrorBoundary = RouteErrorBoundary;
