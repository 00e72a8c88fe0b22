import { useLocation, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { paths } from '../../config/paths.ts';

export function Component() {
  const location = useLocation();
  const { instance } = useParams();
  return <NotFound path={location.pathname} homeHref={instance ? paths.instance(instance) : paths.home()} />;
}

export const ErrorBoundary = RouteErrorBoundary;
