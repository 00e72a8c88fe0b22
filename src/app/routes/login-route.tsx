import { useDocumentTitle } from '@mantine/hooks';
import { useParams, useSearchParams } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { LoginView } from '../../features/auth/LoginView.tsx';
import { useInstances } from '../../lib/use-instance.ts';

export function Component() {
  const { instance: name } = useParams();
  const [search] = useSearchParams();
  const { instance } = useInstances(name);
  useDocumentTitle(`Log in · ${name ?? ''} · Alyx Explorer`);
  return instance ? (
    <LoginView key={instance.name} instance={instance} next={search.get('next') ?? undefined} />
  ) : null;
}

export const ErrorBoundary = RouteErrorBoundary;
