import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRenderWorker, type RenderWorker } from './prerender-worker.ts';

// A stand-in for dist-ssr/render-navigation.js with the same two functions; the e2e prerender
// spec runs the real bundle through server/main.ts.
const BUNDLE = `
export function prepareModel(openapi) {
  if (openapi.spin) for (;;) {}
  if (openapi.hog) { const kept = []; for (;;) kept.push(new Array(1e6).fill(openapi.hog)); }
  return openapi.endpoints ? { endpoints: openapi.endpoints } : null;
}
export function renderNavigation(instance, model) {
  return { head: '<meta name="drawn">', body: '<nav>' + instance.name + ':' + model.endpoints.join(',') + '</nav>' };
}
`;

const instance = { name: 'alyx', kind: 'production' as const, color: undefined };
let dir: string;
let href: string;
const workers: RenderWorker[] = [];
const worker = (options?: Parameters<typeof createRenderWorker>[1]) => {
  const created = createRenderWorker(href, options);
  workers.push(created);
  return created;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'explorer-render-worker-'));
  const file = path.join(dir, 'render-navigation.mjs');
  writeFileSync(file, BUNDLE);
  href = pathToFileURL(file).href;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

/** The longest gap between this thread's timer ticks while `during` runs: a stalled event loop shows here. */
async function longestTimerGap<T>(
  during: Promise<T>,
): Promise<{ gapMs: number; outcome: PromiseSettledResult<T> }> {
  let last = performance.now();
  let gapMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 5);
  const [outcome] = await Promise.allSettled([during]);
  clearInterval(tick);
  return { gapMs, outcome: outcome as PromiseSettledResult<T> };
}

describe('the tree renderer in a worker thread', () => {
  it('parses and draws a schema off the main thread, and gives null for a schema without a tree', async () => {
    const w = worker();
    await expect(
      w.render(JSON.stringify({ endpoints: ['sessions', 'subjects'] }), instance),
    ).resolves.toEqual({
      head: '<meta name="drawn">',
      body: '<nav>alyx:sessions,subjects</nav>',
    });
    await expect(w.render(JSON.stringify({ paths: {} }), instance)).resolves.toBeNull();
  });

  it('reports a schema that is not JSON as an error, and keeps working', async () => {
    const w = worker();
    await expect(w.render('{"openapi": ', instance)).rejects.toThrow(/JSON/);
    await expect(w.render(JSON.stringify({ endpoints: ['labs'] }), instance)).resolves.toMatchObject({
      body: '<nav>alyx:labs</nav>',
    });
  });

  it('abandons a rendering that never ends without stalling this thread, then draws the next on a fresh worker', async () => {
    const w = worker({ timeoutMs: 400 });
    const { gapMs, outcome } = await longestTimerGap(w.render(JSON.stringify({ spin: true }), instance));
    expect(outcome.status).toBe('rejected');
    expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/took over 400 ms/);
    // The worker spun for 400 ms; this thread's 5 ms timer kept ticking throughout.
    expect(gapMs).toBeLessThan(200);
    await expect(w.render(JSON.stringify({ endpoints: ['subjects'] }), instance)).resolves.toMatchObject({
      body: '<nav>alyx:subjects</nav>',
    });
  });

  it('loses only the worker to a schema that exhausts its heap', async () => {
    const w = worker({ maxHeapMb: 32, timeoutMs: 20_000 });
    await expect(w.render(JSON.stringify({ hog: 'x'.repeat(64) }), instance)).rejects.toThrow(
      /memory|stopped/i,
    );
    await expect(w.render(JSON.stringify({ endpoints: ['weighings'] }), instance)).resolves.toMatchObject({
      body: '<nav>alyx:weighings</nav>',
    });
  });

  it('fails every rendering in flight when its worker is closed, instead of leaving them pending', async () => {
    const w = worker({ timeoutMs: 20_000 });
    const spinning = w.render(JSON.stringify({ spin: true }), instance);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await w.close();
    await expect(spinning).rejects.toThrow(/stopped/);
  });
});
