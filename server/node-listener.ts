import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { PROXY_CSP, withSecurityHeaders } from './security-headers.ts';

type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;

/**
 * The Node HTTP server around the app. The adapter answers requests it cannot even turn into a
 * web Request (a backslash in the target, say) itself; those answers get the security headers too.
 */
export function createNodeServer(fetch: FetchHandler): Server {
  const listener = getRequestListener((request, env) => fetch(request, env as HttpBindings), {
    errorHandler: () =>
      withSecurityHeaders(
        new Response('Bad request\n', {
          status: 400,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
        PROXY_CSP,
      ),
  });
  const server = createServer(listener);
  // Longer than any client's idle keep-alive: Node's default 5 s lets a client reuse a socket the
  // server is closing (ECONNRESET on an innocent GET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
