import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router';
import { AppProviders } from './providers.tsx';
import { createExplorer } from './create-explorer.ts';
import { basePath } from '../api/base-path.ts';
import { onRemoteLogout } from '../lib/tab-handover.ts';

/** The app's router and root component; the router starts its first navigation at once. */
export function startApp() {
  const { router, queryClient } = createExplorer((routes, options) =>
    createBrowserRouter(routes, { ...options, basename: basePath() || '/' }),
  );
  // As a logout here does: the next account must not see this one's cached responses.
  onRemoteLogout((instance) => queryClient.removeQueries({ queryKey: ['alyx', instance] }));

  function App() {
    return (
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    );
  }
  return { router, App };
}
