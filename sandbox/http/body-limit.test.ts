import { request as httpRequest } from 'node:http';
import type { ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../app.ts';
import { listen } from './listen.ts';
import type { Listening } from './listen.ts';
import { login, testSandbox } from './test-helpers.ts';

const CAP = 64 * 1024;
const TIMEOUT = 400;

let sandbox: Sandbox;
let server: Listening;
let token: string;

beforeAll(async () => {
  sandbox = await testSandbox({ maxBodyBytes: CAP, bodyTimeoutMs: TIMEOUT });
  token = await login(sandbox, 'admin');
  server = await listen(sandbox, 0, '127.0.0.1');
});

afterAll(async () => {
  await server.close();
  await sandbox.close();
});

interface Upload {
  status: number;
  body: string;
  sentBytes: number;
  ms: number;
}

/** A POST whose body the test feeds by hand over a real socket; resolves on the server's answer. */
function upload(
  headers: Record<string, string>,
  feed: (req: ClientRequest, sent: (n: number) => void) => void,
): Promise<Upload> {
  const started = performance.now();
  let sentBytes = 0;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/subjects',
        method: 'POST',
        headers: { authorization: `Token ${token}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, sentBytes, ms: performance.now() - started });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    feed(req, (n) => (sentBytes += n));
  });
}

describe('request body limits', () => {
  it('cuts a chunked upload off at the cap with 413, long before it ends, logging one line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const chunk = Buffer.alloc(8 * 1024, 'a');
    let stop = false;
    let written = 0;
    const reply = await upload({}, (req, sent) => {
      req.on('response', () => (stop = true));
      const pump = () => {
        // 10 MB intended; the server must answer after ~CAP.
        if (stop || req.destroyed || written > 10 * 1024 * 1024) return;
        req.write(chunk, () => {
          written += chunk.length;
          sent(chunk.length);
          setImmediate(pump);
        });
      };
      req.write('{"nickname": "');
      pump();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({
      detail: `Request body exceeds ${CAP} bytes.`,
      status_code: 413,
    });
    expect(reply.sentBytes).toBeLessThan(2 * 1024 * 1024);
    const lines = warn.mock.calls.map((call) => call.map(String).join(' '));
    expect(lines.filter((line) => line.includes('aborted upload'))).toEqual([
      `sandbox: aborted upload POST /subjects: Request body exceeds ${CAP} bytes.`,
    ]);
    warn.mockRestore();
  });

  it('refuses a declared Content-Length over the cap before reading it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await upload({ 'content-length': String(CAP + 1) }, (req) => req.write('{'));
    expect(reply.status).toBe(413);
    warn.mockRestore();
  });

  it('cuts a slow body off with 408 after the timeout', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await upload({}, (req) => req.write('{"nickname": "slo'));
    expect(reply.status).toBe(408);
    expect(JSON.parse(reply.body)).toMatchObject({ detail: 'Request body not received in time.' });
    expect(reply.ms).toBeGreaterThanOrEqual(TIMEOUT - 50);
    expect(reply.ms).toBeLessThan(TIMEOUT + 2000);
    warn.mockRestore();
  });

  it('still accepts a body under the cap', async () => {
    const reply = await upload({}, (req) => req.end(JSON.stringify({ nickname: 'ok' })));
    expect(reply.status).not.toBe(413);
    expect(reply.status).not.toBe(408);
    expect(reply.status).toBeLessThan(500);
  });
});
