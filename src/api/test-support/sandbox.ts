/**
 * Test support (Node only, never imported by app code): the in-process sandbox and the shared
 * Alyx reference documents. Both may be absent (a fresh clone has no ../shared; the sandbox may
 * not be built yet); callers skip with the printed reason.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SandboxInstance {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

interface SandboxModule {
  createSandbox(options: Record<string, unknown>): Promise<SandboxInstance>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedAlyxDir = path.resolve(repoRoot, '../shared/alyx');

/** Parsed JSON from ../shared/alyx, or null (with a printed reason) when it is missing. */
export function readSharedJson(file: string): unknown {
  const full = path.join(sharedAlyxDir, file);
  if (!existsSync(full)) {
    console.warn(`skipping: ${full} not found (the shared Alyx reference folder is absent)`);
    return null;
  }
  return JSON.parse(readFileSync(full, 'utf8')) as unknown;
}

/** The sandbox module, or null (with a printed reason) when it cannot be loaded. */
export async function loadSandboxModule(): Promise<SandboxModule | null> {
  // A computed specifier: app code must never bundle the sandbox, tests load it at run time.
  const specifier = path.join(repoRoot, 'sandbox', 'app.ts');
  if (!existsSync(specifier)) {
    console.warn(`skipping: ${specifier} not found`);
    return null;
  }
  try {
    const loaded = (await import(/* @vite-ignore */ specifier)) as Partial<SandboxModule>;
    if (typeof loaded.createSandbox !== 'function') {
      console.warn('skipping: sandbox/app.ts exports no createSandbox');
      return null;
    }
    return loaded as SandboxModule;
  } catch (error) {
    console.warn(`skipping: sandbox/app.ts failed to load: ${String(error)}`);
    return null;
  }
}

/** A fetch that hands requests to the in-process sandbox, for `createAlyxClient({ fetch })`. */
export function inProcessFetch(sandbox: SandboxInstance): typeof fetch {
  return (input, init) => sandbox.fetch(new Request(input instanceof Request ? input : String(input), init));
}

export interface HttpServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves the sandbox on 127.0.0.1, random port, for real-HTTP tests. */
export async function serveOverHttp(sandbox: SandboxInstance): Promise<HttpServer> {
  const { serve } = await import('@hono/node-server');
  return new Promise((resolve) => {
    const server = serve(
      { fetch: (request: Request) => sandbox.fetch(request), port: 0, hostname: '127.0.0.1' },
      (info) => {
        resolve({
          baseUrl: `http://127.0.0.1:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
  });
}
