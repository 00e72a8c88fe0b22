import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { InstanceConfig } from './config.ts';
import { publicInstances } from './config.ts';
import { createHostCheck, misdirected } from './hosts.ts';
import { createProxyHandler, isProxyPath } from './proxy.ts';
import type { ProxyOptions } from './proxy.ts';
import { PROXY_CSP, appCsp, withSecurityHeaders } from './security-headers.ts';
import { injectInstanceTable } from './index-html.ts';
import { injectPrerender, type NavigationPrerender } from './prerender.ts';
import { createStaticHandler } from './static.ts';
import type { StaticHandler } from './static.ts';

export interface AppOptions {
  instances: readonly InstanceConfig[];
  /** The production build directory (holding index.html and assets/). */
  distDir: string;
  proxy?: ProxyOptions;
  /** Host names answered besides loopback (`EXPLORER_ALLOWED_HOSTS`, `allowedHosts`). */
  allowedHosts?: readonly string[];
  /** The address the server binds to (`HOST`): a specific non-loopback one is answered too. */
  bindHost?: string;
  /** The server-drawn endpoint tree of signed-in views (server/prerender.ts); none without it. */
  prerender?: NavigationPrerender;
}

export interface ExplorerApp {
  app: Hono<{ Bindings: Partial<HttpBindings> }>;
  staticFiles: StaticHandler;
}

/** The production app server: the Host check, the same-origin proxy, the instance list, and the built SPA. */
export function createApp(options: AppOptions): ExplorerApp {
  const proxy = createProxyHandler(options.instances, options.proxy);
  const shellInstances = publicInstances(options.instances);
  const prerender = options.prerender;
  const staticFiles = createStaticHandler(
    options.distDir,
    (html) => injectInstanceTable(html, shellInstances),
    (url) => {
      const shell = prerender?.shellFor(url);
      return shell ? { key: shell.key, transform: (html) => injectPrerender(html, shell) } : null;
    },
  );
  const hostAllowed = createHostCheck(options.allowedHosts ?? [], options.bindHost);
  const csp = appCsp({
    scriptHashes: prerender?.scriptSources ?? [],
    connectOrigins: options.instances
      .filter((instance) => !instance.proxy)
      .map((instance) => new URL(instance.url).origin),
  });
  // Bindings are absent when the app is called in-process (`app.fetch(request)`), present under @hono/node-server.
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.all('*', async (c) => {
    const proxied = isProxyPath(c.req.path);
    let response: Response;
    try {
      if (!hostAllowed(c.req.header('host') ?? new URL(c.req.url).host)) {
        response = misdirected();
      } else if (proxied) {
        const incoming = c.env?.incoming;
        response = await proxy(c.req.raw, {
          rawTarget: incoming?.url,
          remoteAddress: incoming?.socket.remoteAddress,
        });
      } else {
        response = await staticFiles(c.req.raw);
      }
    } catch (error) {
      response = internalError(error);
    }
    return withSecurityHeaders(response, proxied ? PROXY_CSP : csp);
  });

  // Errors outside the handler above (Hono's own) still get the headers.
  app.onError((error) => withSecurityHeaders(internalError(error), PROXY_CSP));
  app.notFound(() =>
    withSecurityHeaders(
      new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }),
      PROXY_CSP,
    ),
  );

  return { app, staticFiles };
}

function internalError(error: unknown): Response {
  console.error('explorer: unhandled error', error);
  return new Response(JSON.stringify({ detail: 'Internal error in the explorer server' }), {
    status: 500,
    headers: { 'content-type': 'application/json' },
  });
}
