import { useCallback, useSyncExternalStore } from 'react';
import { getToken, subscribeTokens } from '../api/auth/token-store.ts';

/** The stored token of an instance, re-rendering on login, logout and changes in other tabs. */
export function useToken(instance: string | undefined): string | null {
  const subscribe = useCallback((onChange: () => void) => subscribeTokens(() => onChange()), []);
  return useSyncExternalStore(
    subscribe,
    () => (instance ? getToken(instance) : null),
    () => null,
  );
}
