import { Agent, get } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../app.ts';
import { listen, type Listening } from './listen.ts';
import { testSandbox } from './test-helpers.ts';

let sandbox: Sandbox;
let server: Listening;

beforeAll(async () => {
  sandbox = await testSandbox({});
  server = await listen(sandbox, 0, '127.0.0.1');
});

afterAll(async () => {
  await server.close();
  await sandbox.close();
});

function fetchOn(agent: Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(`${server.url}/`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

// Node's default 5 s idle keep-alive closed sockets that e2e clients were about to reuse (ECONNRESET).
it('keeps an idle keep-alive connection open past Node’s default 5 s (7 s idle)', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect((await fetchOn(agent)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const second = await fetchOn(agent);
    expect(second.status).toBe(200);
    expect(second.reused, 'the second request reuses the idle socket').toBe(true);
  } finally {
    agent.destroy();
  }
}, 20_000);

/** Time until a request on a fresh connection (no keep-alive agent) is answered. */
function timeOnNewConnection(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = get(`${server.url}/`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('error', reject);
  });
}

// bench:load: while PGlite always had queries queued, the process never left its promise chain for
// the event loop, so it took up one new connection per round of queued work and the 50th client to
// join waited tens of seconds.
it('takes up new connections while queries keep the database busy', async () => {
  // Eight callers with 40 queries of 10 ms each: ~3.2 s of queued work, ~80 ms per round.
  const loopers = Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 40; i++) await sandbox.query('SELECT pg_sleep(0.01)');
  });
  const times = await Promise.all(Array.from({ length: 20 }, timeOnNewConnection));
  await Promise.all(loopers);
  // Starved, the first answer came only once all the queued work was done (~3.2 s).
  expect(Math.max(...times)).toBeLessThan(1_000);
}, 20_000);
