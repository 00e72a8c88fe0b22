import { Alert } from '@mantine/core';
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/**
 * While the browser is offline TanStack Query pauses every request instead of failing it, and
 * resumes them when the network is back. Without this notice a paused page looks merely slow.
 */
export function OfflineNotice() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  if (online) return null;
  return (
    <Alert color="orange" variant="light" title="You are offline" role="status" mb="sm">
      Requests are waiting for the network and will resume by themselves when it is back.
    </Alert>
  );
}
