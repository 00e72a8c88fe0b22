import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from './app.ts';
import { createNavigationPrerender, loadNavigationRenderer, navigationRendererHref } from './prerender.ts';
import { createRenderWorker } from './prerender-worker.ts';
import { createNodeServer } from './node-listener.ts';
import {
  ConfigError,
  loadAllowedHosts,
  loadInstances,
  parsePort,
  publicInstances,
  usesSandbox,
} from './config.ts';
import type { InstanceConfig } from './config.ts';

// Entry point of `npm run serve`. `--check` validates the configuration and prints it as JSON, for scripts/start.mjs.

function fail(message: string): never {
  console.error(`explorer: ${message}`);
  process.exit(1);
}

function configure(): { instances: InstanceConfig[]; allowedHosts: string[]; port: number; host: string } {
  try {
    return {
      instances: loadInstances(process.env, process.cwd()),
      allowedHosts: loadAllowedHosts(process.env, process.cwd()),
      port: parsePort(process.env.PORT, 5173, 'PORT'),
      host: process.env.HOST?.trim() || '127.0.0.1',
    };
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

const { instances, allowedHosts, port, host } = configure();

if (process.argv.includes('--check')) {
  const sandbox = usesSandbox(process.env, process.cwd());
  console.log(JSON.stringify({ sandbox, port, host, instances: publicInstances(instances) }));
  process.exit(0);
}

const distDir = path.resolve(process.env.EXPLORER_DIST?.trim() || 'dist');
if (!existsSync(path.join(distDir, 'index.html'))) {
  fail(`no production build at ${distDir} (index.html missing): run npm run build`);
}

// EXPLORER_PRERENDER=0 serves the plain shell: the browser alone draws every view (ADR 0038).
const rendererHref = process.env.EXPLORER_PRERENDER?.trim() === '0' ? null : navigationRendererHref(distDir);
// Schemas are parsed and drawn off the event loop, so a large or hostile one never stalls a request.
const prerender = rendererHref
  ? createNavigationPrerender(instances, await loadNavigationRenderer(rendererHref), {
      render: createRenderWorker(rendererHref).render,
    })
  : undefined;
const { app, staticFiles } = createApp({ instances, distDir, allowedHosts, bindHost: host, prerender });
const server: Server = createNodeServer((request, env) => app.fetch(request, env));
server.listen(port, host);

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    fail(`port ${port} on ${host} is already in use; set PORT to another port`);
  }
  fail(error.message);
});

server.on('listening', () => {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(`explorer: serving ${distDir} at http://${shown}:${port}/`);
  for (const instance of instances) {
    console.log(
      `explorer:   ${instance.name} → ${instance.url}${instance.proxy ? ` (proxied at /api/${instance.name})` : ' (direct)'}`,
    );
  }
  void prerender?.warm();
  staticFiles
    .warm()
    .catch((error: unknown) => console.warn('explorer: could not precompress assets:', error));
});

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`explorer: ${signal} received, closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Streams still in flight get a moment to finish, then go.
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 3000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
