import { request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import { createNodeServer } from './node-listener.ts';

// Test-only helpers: real servers on random loopback ports, and raw HTTP requests whose target is sent verbatim.

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function listen(
  fetch: (request: Request, env: HttpBindings) => Response | Promise<Response>,
): Promise<Listening> {
  return new Promise((resolve) => {
    const server: Server = createNodeServer(fetch);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Name, value, name, value… as received: a header sent twice shows twice. */
  rawHeaders: string[];
  body: string;
  bytes: Buffer;
}

/** `fetch` normalises `..` and absolute URLs away; node:http sends the request target exactly as given. */
export function rawRequest(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: bytes.toString('utf8'),
            bytes,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
