/**
 * Test support (Node only): a seeded sandbox with fault injection, served by the sandbox's own
 * listener (so a `drop` fault really destroys the socket), logging every request as it arrives.
 */

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSandboxModule, type SandboxInstance } from './sandbox.ts';

export interface Arrival {
  method: string;
  /** Path and query, as the server saw them. */
  path: string;
  at: number;
}

export interface CountedSandbox {
  baseUrl: string;
  /** Every request that reached the server, oldest first; tests may empty it. */
  arrivals: Arrival[];
  /** Adds a `/__sandbox/faults` rule. */
  inject(rule: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

interface ListenModule {
  listen(
    sandbox: SandboxInstance,
    port: number,
    host: string,
  ): Promise<{ url: string; close(): Promise<void> }>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function startCountedSandbox(): Promise<CountedSandbox> {
  const sandbox = await (await loadSandboxModule()).createSandbox({ dataDir: null, faults: true });
  const specifier = pathToFileURL(path.join(repoRoot, 'sandbox', 'http', 'listen.ts')).href;
  const { listen } = (await import(/* @vite-ignore */ specifier)) as ListenModule;
  const arrivals: Arrival[] = [];
  const counted: SandboxInstance = {
    ...sandbox,
    fetch: (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname !== '/__sandbox/faults')
        arrivals.push({ method: request.method, path: `${url.pathname}${url.search}`, at: Date.now() });
      return sandbox.fetch(request);
    },
  };
  const server = await listen(counted, 0, '127.0.0.1');
  const faults = `${server.url}/__sandbox/faults`;
  return {
    baseUrl: server.url,
    arrivals,
    inject: async (rule) => {
      const reply = await fetch(faults, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rule),
      });
      if (reply.status !== 201) throw new Error(`fault refused: ${reply.status} ${await reply.text()}`);
    },
    clearFaults: async () => {
      await fetch(faults, { method: 'DELETE' });
    },
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}
