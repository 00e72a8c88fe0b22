import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { InstanceConfig } from './config.ts';
import { createProxyHandler, isProxyPath } from './proxy.ts';
import type { ProxyOptions } from './proxy.ts';
import { createStaticHandler } from './static.ts';
import type { StaticHandler } from './static.ts';

export interface AppOptions {
  instances: readonly InstanceConfig[];
  /** The production build directory (holding index.html and assets/). */
  distDir: string;
  proxy?: ProxyOptions;
}

export interface ExplorerApp {
  app: Hono<{ Bindings: Partial<HttpBindings> }>;
  staticFiles: StaticHandler;
}

/** The production app server: the same-origin proxy, the instance list, and the built SPA. */
export function createApp(options: AppOptions): ExplorerApp {
  const proxy = createProxyHandler(options.instances, options.proxy);
  const staticFiles = createStaticHandler(options.distDir);
  // Bindings are absent when the app is called in-process (`app.fetch(request)`), present under @hono/node-server.
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.all('*', async (c) => {
    if (isProxyPath(c.req.path)) {
      const incoming = c.env?.incoming;
      return proxy(c.req.raw, { rawTarget: incoming?.url, remoteAddress: incoming?.socket.remoteAddress });
    }
    return staticFiles(c.req.raw);
  });

  app.onError((error) => {
    console.error('explorer: unhandled error', error);
    return new Response(JSON.stringify({ detail: 'Internal error in the explorer server' }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
  });

  return { app, staticFiles };
}
