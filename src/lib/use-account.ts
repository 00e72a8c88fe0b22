import { useCallback, useSyncExternalStore } from 'react';
import { getAccount, subscribeAccounts, type AccountInfo } from './account-store.ts';

const NONE: AccountInfo = { username: null, readOnly: false };

export function useAccount(instance: string | undefined): AccountInfo {
  const subscribe = useCallback((onChange: () => void) => subscribeAccounts(onChange), []);
  return useSyncExternalStore(
    subscribe,
    () => (instance ? getAccount(instance) : NONE),
    () => NONE,
  );
}
