import type { QueryClient } from '@tanstack/react-query';
import { clientFor, type InstanceConfig } from '../instances.ts';
import { createAlyxClient } from '../http/client.ts';
import { clearToken, setToken } from './token-store.ts';

export interface LoginOptions {
  /** Keep the token after the browser closes (localStorage instead of sessionStorage). */
  remember?: boolean;
  signal?: AbortSignal;
}

/** POST /auth-token and store the token. Throws AlyxError 'validation' on bad credentials. */
export async function loginWithPassword(
  instance: InstanceConfig,
  username: string,
  password: string,
  options: LoginOptions = {},
): Promise<string> {
  const token = await clientFor(instance).login(username, password, { signal: options.signal });
  setToken(instance.name, token, options.remember ?? false);
  return token;
}

/** Checks a pasted token with one cheap authenticated GET before storing it. */
export async function loginWithToken(
  instance: InstanceConfig,
  token: string,
  options: LoginOptions = {},
): Promise<string> {
  const trimmed = token.trim().replace(/^Token\s+/i, '');
  const probe = createAlyxClient({ baseUrl: instance.baseUrl, getToken: () => trimmed });
  await probe.get('/users', { limit: 1 }, { signal: options.signal });
  setToken(instance.name, trimmed, options.remember ?? false);
  return trimmed;
}

/** Forgets the token and every cached response of the instance. */
export function logout(queryClient: QueryClient, instance: InstanceConfig | string): void {
  const name = typeof instance === 'string' ? instance : instance.name;
  clearToken(name);
  queryClient.removeQueries({ queryKey: ['alyx', name] });
}
