import { Worker } from 'node:worker_threads';
import type { PrerenderedPage, PrerenderInstance } from '../src/app/prerender/render-navigation.tsx';

/** Parses a schema and draws its tree: null when the schema gives no tree. */
export type RenderSchema = (text: string, instance: PrerenderInstance) => Promise<PrerenderedPage | null>;

export interface RenderWorker {
  render: RenderSchema;
  close(): Promise<void>;
}

export interface RenderWorkerOptions {
  /** A rendering past this is abandoned and its worker terminated, so a hostile schema cannot hold it. */
  timeoutMs?: number;
  /** The worker's heap: a schema that needs more takes only the worker down. */
  maxHeapMb?: number;
}

// Plain CommonJS so the worker needs no TypeScript loader: it imports the built bundle (dist-ssr).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const renderer = import(workerData.href);
parentPort.on('message', async ({ id, text, instance }) => {
  try {
    const r = await renderer;
    const model = r.prepareModel(JSON.parse(text));
    parentPort.postMessage({ id, page: model ? r.renderNavigation(instance, model) : null });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

interface Pending {
  resolve(page: PrerenderedPage | null): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  /** The worker drawing it: a worker's end fails its own renderings, not those of its successor. */
  worker: Worker;
}

type Reply = { id: number; page?: PrerenderedPage | null; error?: string };

/**
 * Draws server-side endpoint trees in a worker thread (ADR 0038): parsing up to 4 MB of an instance's
 * schema and `renderToString` take tens to hundreds of ms, which on the main thread would stall every
 * request the app server is answering. One worker, started on first use and again after a timeout or crash.
 */
export function createRenderWorker(bundleHref: string, options: RenderWorkerOptions = {}): RenderWorker {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxHeapMb = options.maxHeapMb ?? 256;
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 0;

  const failAll = (of: Worker, error: Error): void => {
    for (const [id, entry] of pending) {
      if (entry.worker !== of) continue;
      clearTimeout(entry.timer);
      entry.reject(error);
      pending.delete(id);
    }
  };

  const start = (): Worker => {
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { href: bundleHref },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    // The server's own handles keep the process alive; an idle worker must not.
    started.unref();
    started.on('message', (reply: Reply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      clearTimeout(entry.timer);
      if (reply.error !== undefined) entry.reject(new Error(reply.error));
      else entry.resolve(reply.page ?? null);
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(started, error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(started, new Error(`the tree renderer's worker stopped (exit code ${code})`));
    });
    return started;
  };

  return {
    render(text, instance) {
      const current = (worker ??= start());
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`drawing the tree took over ${timeoutMs} ms`));
          // Other renderings in it start again on a fresh worker with their next read.
          if (worker === current) worker = null;
          void current.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer, worker: current });
        current.postMessage({ id, text, instance });
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
