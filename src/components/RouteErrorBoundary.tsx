import { Stack } from '@mantine/core';
import { isRouteErrorResponse, useLocation, useRevalidator, useRouteError } from 'react-router';
import { isAlyxError } from '../api/http/errors.ts';
import { parseAppPath, paths } from '../config/paths.ts';
import { ErrorState } from './ErrorState.tsx';
import { NotFound } from './NotFound.tsx';

/** Error element of every route: an Alyx failure explained by kind, an unknown path, or a crash. Never blank. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const revalidator = useRevalidator();
  const here = parseAppPath(location.pathname, location.search);

  if (isRouteErrorResponse(error) && error.status === 404) {
    const reason = typeof error.data === 'string' ? error.data : undefined;
    return (
      <NotFound
        path={location.pathname}
        reason={reason}
        homeHref={reason ? paths.home() : here.instance ? paths.instance(here.instance) : paths.home()}
      />
    );
  }
  const loginHref =
    isAlyxError(error) && error.kind === 'unauthorized' && here.instance
      ? paths.login(here.instance, `${location.pathname}${location.search}`)
      : undefined;
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <Stack p="md">
      <ErrorState error={shown} loginHref={loginHref} onRetry={() => void revalidator.revalidate()} />
    </Stack>
  );
}
