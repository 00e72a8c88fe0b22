import './mantine-styles.ts';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ExplorerMantineProvider } from './mantine-provider.tsx';

export function AppProviders({
  queryClient,
  env,
  children,
}: {
  queryClient: QueryClient;
  env?: 'default' | 'test';
  children: ReactNode;
}) {
  return (
    <ExplorerMantineProvider env={env}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ExplorerMantineProvider>
  );
}
