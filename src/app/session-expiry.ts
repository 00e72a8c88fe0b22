import type { Query } from '@tanstack/react-query';
import { clearToken } from '../api/auth/token-store.ts';
import { isAlyxError } from '../api/http/errors.ts';
import { isInstanceKey } from '../api/queries/keys.ts';
import { parseAppPath, paths } from '../config/paths.ts';
import { PASS_LEAVE_GUARD } from '../lib/use-leave-guard.ts';

interface NavigatingRouter {
  state: { location: { pathname: string; search: string } };
  navigate: (to: string, options?: { replace?: boolean; state?: unknown }) => Promise<void> | void;
}

/**
 * A query of the current instance failed with 'unauthorized' (missing, invalid or expired token):
 * forget the token and send the user to login, coming back here afterwards.
 */
export function redirectOnUnauthorized(
  router: NavigatingRouter | null,
  error: unknown,
  query: Query<unknown, unknown, unknown>,
): void {
  if (!router || !isAlyxError(error) || error.kind !== 'unauthorized') return;
  const { pathname, search } = router.state.location;
  const here = parseAppPath(pathname, search);
  if (!here.instance || here.view === 'login' || !isInstanceKey(query.queryKey, here.instance)) return;
  clearToken(here.instance, 'expired');
  // Past a dirty form's leave guard: the draft stays (reason 'expired') and is offered after login.
  void router.navigate(paths.login(here.instance, `${pathname}${search}`), {
    replace: true,
    state: PASS_LEAVE_GUARD,
  });
}
