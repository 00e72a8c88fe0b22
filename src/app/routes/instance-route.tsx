import { Outlet, type LoaderFunctionArgs } from 'react-router';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary.tsx';
import { requireInstance } from '../instance-loader.ts';

/** `/{instance}/*`: checks the instance is configured; children render in the shell's main area. */
export async function loader(args: LoaderFunctionArgs): Promise<null> {
  await requireInstance(args);
  return null;
}

export function Component() {
  return <Outlet />;
}

export const ErrorBoundary = RouteErrorBoundary;
