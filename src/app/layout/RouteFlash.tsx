import { Alert } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

/** The message a view leaves for the next one in the history entry's state (`{ flash }`), e.g. after a delete. */
function flashOf(state: unknown): string | null {
  if (state === null || typeof state !== 'object') return null;
  const flash = (state as { flash?: unknown }).flash;
  return typeof flash === 'string' && flash.length > 0 ? flash : null;
}

export function RouteFlash() {
  const location = useLocation();
  const navigate = useNavigate();
  const flash = flashOf(location.state);
  if (!flash) return null;
  const dismiss = (): void => {
    void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  };
  return (
    <Alert
      role="status"
      color="green"
      variant="light"
      mb="sm"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={dismiss}
    >
      {flash}
    </Alert>
  );
}
