import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router';
import { AppProviders } from './providers.tsx';
import { createExplorer } from './create-explorer.ts';

const { router, queryClient } = createExplorer(createBrowserRouter);

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
