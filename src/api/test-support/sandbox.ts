/**
 * Test support (Node only, never imported by app code): the in-process sandbox and the shared
 * Alyx reference documents. The shared folder may be absent
 * (a fresh clone has no ../shared); callers skip with the printed reason.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/**
 * The sandbox module. It is part of the repository, so failing to load it is a test failure,
 * never a skip.
 */
export async function loadSandboxModule(): Promise<SandboxModule> {
  // A computed file URL: app code must never bundle the sandbox, tests load it at run time
  // (a file URL, not a path, so it also loads under the jsdom environment).
  const specifier = pathToFileURL(path.join(repoRoot, 'sandbox', 'app.ts')).href;
  const loaded = (await import(/* @vite-ignore */ specifier)) as Partial<SandboxModule>;
  if (typeof loaded.createSandbox !== 'function') throw new Error('sandbox/app.ts exports no createSandbox');
  return loaded as SandboxModule;
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

export interface ServedSandbox {
  baseUrl: string;
  /** An instance of the app's config pointing at this sandbox (tokens are kept per name). */
  instanceNamed(name: string): { name: string; url: string; proxy: false; baseUrl: string };
  close(): Promise<void>;
}

/** A fresh in-memory seeded sandbox served over real HTTP on loopback, for query and mutation tests. */
export async function startServedSandbox(): Promise<ServedSandbox> {
  const sandbox = await (await loadSandboxModule()).createSandbox({ dataDir: null });
  const server = await serveOverHttp(sandbox);
  return {
    baseUrl: server.baseUrl,
    instanceNamed: (name) => ({ name, url: server.baseUrl, proxy: false, baseUrl: server.baseUrl }),
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}
