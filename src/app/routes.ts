import type { RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { registerViewPreload } from '../lib/view-preload.ts';
import { AppLayout } from './layout/AppLayout.tsx';

const recordFormRoute = () => import('./routes/record-form-route.tsx');
registerViewPreload('form', recordFormRoute);

/**
 * One route object per view, each a lazy module exporting `Component`, `ErrorBoundary` and maybe
 * `loader` (which reads the QueryClient from `queryClientContext`). Paths follow src/config/paths.ts.
 */
export const appRoutes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteErrorBoundary,
    HydrateFallback: LoadingState,
    children: [
      { index: true, lazy: () => import('./routes/home-route.tsx') },
      {
        path: ':instance',
        lazy: () => import('./routes/instance-route.tsx'),
        children: [
          { index: true, lazy: () => import('./routes/overview-route.tsx') },
          { path: '~/login', lazy: () => import('./routes/login-route.tsx') },
          { path: '~/console', lazy: () => import('./routes/console-route.tsx') },
          { path: '~/history', lazy: () => import('./routes/history-route.tsx') },
          { path: '~/saved', lazy: () => import('./routes/saved-route.tsx') },
          { path: ':endpoint', lazy: () => import('./routes/list-route.tsx') },
          { path: ':endpoint/~/docs', lazy: () => import('./routes/docs-route.tsx') },
          { path: ':endpoint/~/new', lazy: recordFormRoute },
          { path: ':endpoint/:lookup/~/edit', lazy: recordFormRoute },
          { path: ':endpoint/:lookup/~/replace', lazy: recordFormRoute },
          { path: ':endpoint/:lookup', lazy: () => import('./routes/record-route.tsx') },
          { path: '*', lazy: () => import('./routes/not-found-route.tsx') },
        ],
      },
    ],
  },
];
