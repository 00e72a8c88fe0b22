/**
 * Asks before a form with unsaved changes is left (ADR 0020): in-app navigation is held by the
 * router's blocker until the user says Stay or Leave; reload and closing the tab get the browser's
 * own `beforeunload` question. A successful submit disarms the guard first, so the navigation to the
 * saved record is not questioned.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

export interface LeaveGuard {
  /** True while a navigation waits for the user's answer (show LeaveGuardDialog). */
  asking: boolean;
  /** Cancels the held navigation. */
  stay: () => void;
  /** Lets the held navigation through. */
  leave: () => void;
  /** Stops asking (call before navigating after a successful submit); `arm` undoes it. */
  disarm: () => void;
  arm: () => void;
}

/**
 * Navigation state for a navigation the app must make whatever the form holds (an expired session
 * sent to login): the draft is kept, and asking would only strand the user on a dead form.
 */
export const PASS_LEAVE_GUARD = { leaveGuard: 'pass' } as const;

function passes(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'leaveGuard' in state && state.leaveGuard === 'pass';
}

/** Only leaving the form's path counts: a changed query or hash keeps the form mounted. */
function leavesPath({ currentLocation, nextLocation }: Parameters<BlockerFunction>[0]): boolean {
  return currentLocation.pathname !== nextLocation.pathname && !passes(nextLocation.state);
}

export function useLeaveGuard(dirty: boolean): LeaveGuard {
  // A ref, not state: `disarm(); navigate(…)` in one handler must already pass the blocker.
  const armed = useRef(true);

  const shouldBlock = useCallback<BlockerFunction>(
    (args) => dirty && armed.current && leavesPath(args),
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);

  // Changes gone meanwhile (saved elsewhere, reverted): nothing left to ask about.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.reset();
  }, [blocker, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!armed.current) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const stay = useCallback(() => {
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);
  const leave = useCallback(() => {
    if (blocker.state === 'blocked') blocker.proceed();
  }, [blocker]);
  const disarm = useCallback(() => {
    armed.current = false;
  }, []);
  const arm = useCallback(() => {
    armed.current = true;
  }, []);

  return { asking: blocker.state === 'blocked', stay, leave, disarm, arm };
}
