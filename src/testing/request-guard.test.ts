// @vitest-environment jsdom
import './dom-setup.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectRequestsTo, takeUnexpectedRequests } from './request-guard.ts';

describe('request guard of jsdom tests', () => {
  it('refuses and reports a request to a server nobody registered', async () => {
    await expect(globalThis.fetch('/api/sandbox/sessions')).rejects.toThrow(/Unexpected request/);
    expect(takeUnexpectedRequests()).toEqual([
      `GET ${new URL('/api/sandbox/sessions', window.location.href).href}`,
    ]);
  });

  it('passes requests to a registered server through to the real network', async () => {
    const server = createServer((_req, res) => res.end('real'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const forget = expectRequestsTo(url);
    try {
      expect(await (await globalThis.fetch(`${url}/x`)).text()).toBe('real');
      forget();
      await expect(globalThis.fetch(`${url}/x`, { method: 'POST' })).rejects.toThrow(/Unexpected request/);
      expect(takeUnexpectedRequests()).toEqual([`POST ${url}/x`]);
    } finally {
      server.close();
    }
  });
});
