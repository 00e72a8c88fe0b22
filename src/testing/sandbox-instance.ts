import type { InstanceConfig } from '../api/instances.ts';
import { loadSandboxModule, serveOverHttp } from '../api/test-support/sandbox.ts';
import { expectRequestsTo } from './request-guard.ts';

export interface SandboxInstance {
  /** The served sandbox as the app sees an instance (`sandbox`, called directly). */
  instance: InstanceConfig;
  /** The sandbox's own handler, in process (e.g. to set fault-injection rules). */
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A seeded in-memory sandbox served on a random loopback port, for UI tests that talk to it over
 * real HTTP exactly as the browser would.
 */
export async function startSandboxInstance(options: Record<string, unknown> = {}): Promise<SandboxInstance> {
  const sandboxModule = await loadSandboxModule();
  const sandbox = await sandboxModule.createSandbox({ dataDir: null, ...options });
  const server = await serveOverHttp(sandbox);
  const forget = expectRequestsTo(server.baseUrl);
  return {
    instance: { name: 'sandbox', url: server.baseUrl, proxy: false, baseUrl: server.baseUrl },
    fetch: (request) => sandbox.fetch(request),
    close: async () => {
      forget();
      await server.close();
      await sandbox.close();
    },
  };
}
