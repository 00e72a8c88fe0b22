import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, HttpServer, Plugin } from 'vite';
import { ConfigError, loadAllowedHosts, loadInstances } from './config.ts';
import type { InstanceConfig } from './config.ts';
import { createProxyHandler, isProxyPath } from './proxy.ts';
import { COMMON_SECURITY_HEADERS, appCsp } from './security-headers.ts';

/** Vite prints the stack of anything thrown in a hook; a one-line reason reads better. */
function configured<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`alyx-proxy: ${error.message}`);
    throw error;
  }
}

function directOrigins(instances: readonly InstanceConfig[]): string[] {
  return instances.filter((instance) => !instance.proxy).map((instance) => new URL(instance.url).origin);
}

/**
 * Mounts the same-origin Alyx proxy and `/__explorer/instances` in Vite's dev and preview servers, with
 * the app server's table, and gives both servers the app server's Host allowlist and security headers.
 * Dev differs in one place: its CSP allows inline scripts and WebSockets (the HMR client and React
 * refresh preamble need them); preview serves the build and gets the production policy.
 */
export function alyxProxyPlugin(): Plugin {
  function middleware(root: string): Connect.NextHandleFunction {
    const proxy = createProxyHandler(configured(() => loadInstances(process.env, root)));
    // Keep Vite's globals: the adapter would otherwise swap in its own Request/Response.
    const listener = getRequestListener(
      (request, env) =>
        proxy(request, { rawTarget: env.incoming.url, remoteAddress: env.incoming.socket.remoteAddress }),
      { overrideGlobalObjects: false },
    );
    return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
      if (!isProxyPath(pathname)) {
        next();
        return;
      }
      listener(req, res).catch(next);
    };
  }

  let connectOrigins: string[] = [];
  return {
    name: 'alyx-proxy',
    config(userConfig) {
      const root = userConfig.root ?? process.cwd();
      connectOrigins = directOrigins(configured(() => loadInstances(process.env, root)));
      const allowedHosts = configured(() => loadAllowedHosts(process.env, root)).map(
        (host) => host.replace(/:\d+$/, ''), // Vite matches host names only
      );
      return { server: { allowedHosts }, preview: { allowedHosts } };
    },
    // Set on the raw request, ahead of every middleware (Vite's host check runs before any plugin's):
    // every answer — pages, modules, the 403 for a foreign Host, 404s — carries them.
    configureServer(server) {
      withHeaders(server.httpServer, server.middlewares, appCsp({ connectOrigins, dev: true }));
      server.middlewares.use(middleware(server.config.root));
    },
    configurePreviewServer(server) {
      withHeaders(server.httpServer, server.middlewares, appCsp({ connectOrigins }));
      server.middlewares.use(middleware(server.config.root));
    },
  };
}

/** Sets the app server's headers on every response before anything answers; the proxy replaces the CSP with its own. */
function withHeaders(httpServer: HttpServer | null, middlewares: Connect.Server, csp: string): void {
  const set = (res: ServerResponse) => {
    for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-security-policy', csp);
  };
  if (httpServer) {
    httpServer.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => set(res));
    return;
  }
  // Middleware mode: no server of our own to hook; the embedding app's order decides.
  middlewares.use((_req, res, next) => {
    set(res);
    next();
  });
}
