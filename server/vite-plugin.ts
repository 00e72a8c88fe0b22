import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { ConfigError, loadInstances } from './config.ts';
import { createProxyHandler, isProxyPath } from './proxy.ts';

/** Mounts the same-origin Alyx proxy and `/__explorer/instances` in Vite's dev and preview servers, with the app server's table. */
export function alyxProxyPlugin(): Plugin {
  function middleware(root: string): Connect.NextHandleFunction {
    let instances;
    try {
      instances = loadInstances(process.env, root);
    } catch (error) {
      // Vite prints the stack of anything thrown here; a one-line reason reads better.
      if (error instanceof ConfigError) throw new Error(`alyx-proxy: ${error.message}`);
      throw error;
    }
    const proxy = createProxyHandler(instances);
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

  return {
    name: 'alyx-proxy',
    configureServer(server) {
      server.middlewares.use(middleware(server.config.root));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(server.config.root));
    },
  };
}
