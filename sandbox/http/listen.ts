import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Sandbox } from '../app.ts';
import { ConnectionDropped } from './faults.ts';
import { refuseHost } from './hosts.ts';

export interface Listening {
  url: string;
  port: number;
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
          close: () =>
            new Promise<void>((done) => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close(() => done());
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
