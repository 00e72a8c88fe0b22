/**
 * jsdom lacks a few browser APIs Mantine uses. Import this first in every `@vitest-environment jsdom`
 * test file (the shared vite config keeps `environment: 'node'` and no setup file).
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installRequestGuard, takeUnexpectedRequests } from './request-guard.ts';

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.assign(window, { ResizeObserver: ResizeObserverStub });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

// Route modules are lazy: the first render of a view waits for its chunk, slow on a busy 2-core machine.
configure({ asyncUtilTimeout: 8000 });

installRequestGuard();

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
  const unexpected = takeUnexpectedRequests();
  if (unexpected.length > 0) {
    throw new Error(
      `Requests nobody expected (register the server with expectRequestsTo):\n${unexpected.join('\n')}`,
    );
  }
});
