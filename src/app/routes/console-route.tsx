import { useDocumentTitle } from '@mantine/hooks';
import { useCallback } from 'react';
import { useLocation, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { paths, parseConsoleRequest, type ConsoleRequest } from '../../config/paths.ts';
import { RequestConsoleView } from '../../features/request-console/RequestConsoleView.tsx';
import { useApiModel } from '../../lib/use-api-model.ts';
import { useInstances } from '../../lib/use-instance.ts';
import { requireSignedIn } from '../instance-loader.ts';

export async function loader(args: LoaderFunctionArgs): Promise<null> {
  await requireSignedIn(args);
  return null;
}

export function Component() {
  const { instance: name } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { instance } = useInstances(name);
  const model = useApiModel(instance);
  useDocumentTitle(`Console · ${name ?? ''} · Alyx Explorer`);
  // The URL follows each request sent (secrets masked), without remounting the console.
  const onSent = useCallback(
    (request: ConsoleRequest) => {
      if (name) void navigate(paths.console(name, request), { replace: true, preventScrollReset: true });
    },
    [name, navigate],
  );
  if (!instance) return null;
  return (
    <RequestConsoleView
      instance={instance}
      model={model.data}
      initial={parseConsoleRequest(location.search)}
      onSent={onSent}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
