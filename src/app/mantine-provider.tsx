import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { cssVariablesResolver, theme } from '../theme.ts';

/** The explorer's Mantine theme and colour scheme, for the app and for the server-rendered first paint. */
export function ExplorerMantineProvider({
  env,
  children,
}: {
  env?: 'default' | 'test';
  children: ReactNode;
}) {
  return (
    // Without deduplication the provider writes every theme variable itself, so the static
    // default-css-variables sheet (4 KB gzip) stays out of the first screen (see mantine-styles.ts).
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={env}
      deduplicateCssVariables={false}
    >
      {children}
    </MantineProvider>
  );
}
