/** Direct Alyx calls for journeys that prepare data (as the admin), outside the browser. */
import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS, sandboxUrl } from './stack.ts';

export interface AlyxApi {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T>;
}

export async function adminApi(request: APIRequestContext, instance = 'sandbox'): Promise<AlyxApi> {
  const base = sandboxUrl(instance);
  const login = await request.post(`${base}/auth-token`, { data: DEMO_ACCOUNTS.admin });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Token ${token}` };
  return {
    async get<T>(path: string): Promise<T> {
      const reply = await request.get(`${base}${path}`, { headers });
      expect(reply.status(), `GET ${path}`).toBe(200);
      return (await reply.json()) as T;
    },
    async send<T>(method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T> {
      const reply = await request.fetch(`${base}${path}`, { method, headers, data });
      expect(reply.status(), `${method} ${path}: ${await reply.text()}`).toBeLessThan(300);
      return (await reply.json()) as T;
    },
  };
}
