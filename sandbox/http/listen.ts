import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Sandbox } from '../app.ts';
import { ConnectionDropped } from './faults.ts';
import { refuseHost } from './hosts.ts';

/** How long an idle connection stays open. */
export const KEEP_ALIVE_MS = 65_000;

export interface Listening {
  url: string;
  port: number;
  /** The Node server's idle keep-alive, for tests. */
  keepAliveTimeout: number;
  close(): Promise<void>;
}

/** Serves a sandbox over HTTP with @hono/node-server; a `drop` fault destroys the socket. */
export function listen(sandbox: Sandbox, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        port,
        hostname: host,
        fetch: async (request, env) => {
          const refused = refuseHost(sandbox.hosts, request);
          if (refused) return refused;
          try {
            return await sandbox.fetch(request);
          } catch (error) {
            if (error instanceof ConnectionDropped) {
              env.incoming.socket.destroy();
              return new Response(null, { status: 500 });
            }
            throw error;
          }
        },
      },
      (info: AddressInfo) => {
        const shownHost = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          port: info.port,
          keepAliveTimeout: 'keepAliveTimeout' in server ? server.keepAliveTimeout : 0,
          close: () =>
            new Promise<void>((done) => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close(() => done());
            }),
        });
      },
    );
    // Longer than any client's idle keep-alive (Node's default 5 s raced Playwright's reuse of an idle
    // socket: ECONNRESET on a plain GET in e2e).
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      server.headersTimeout = KEEP_ALIVE_MS + 1_000;
    }
    server.once('error', reject);
  });
}
