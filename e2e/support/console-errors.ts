import type { Page } from '@playwright/test';

/**
 * Collects what a user's browser console would show as errors: uncaught exceptions and
 * `console.error` calls. For journeys where nothing should fail.
 */
export function watchConsoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return () => [...errors];
}
