import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as renderer from '../src/app/prerender/render-navigation.tsx';
import { createApp } from './app.ts';
import type { InstanceConfig } from './config.ts';
import { createNavigationPrerender, gateScriptHash, injectPrerender } from './prerender.ts';
import { listen, type Listening } from './test-helpers.ts';

const ALYX_OPENAPI = readFileSync(path.resolve('..', 'shared', 'alyx', 'openapi.json'), 'utf8');
const INDEX =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Alyx Explorer</title>' +
  '<script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>';

let workDir: string;
let distDir: string;
const upstreams: Listening[] = [];

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'explorer-prerender-'));
  distDir = path.join(workDir, 'dist');
  mkdirSync(distDir);
  writeFileSync(path.join(distDir, 'index.html'), INDEX);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
});

/** A loopback "Alyx" answering `/api/schema` with `answer()`; counts the reads. */
async function alyx(
  answer: () => Response | Promise<Response>,
): Promise<{ url: string; reads: () => number }> {
  let reads = 0;
  const upstream = await listen((request) => {
    if (new URL(request.url).pathname !== '/api/schema') return new Response('no', { status: 404 });
    reads++;
    return answer();
  });
  upstreams.push(upstream);
  return { url: upstream.url, reads: () => reads };
}

const json = (body: string) => new Response(body, { headers: { 'content-type': 'application/json' } });
const instance = (url: string, name = 'alyx'): InstanceConfig => ({ name, url, proxy: true });

async function shellOf(app: ReturnType<typeof createApp>['app'], url: string) {
  const response = await app.fetch(
    new Request(`http://127.0.0.1${url}`, { headers: { accept: 'text/html' } }),
  );
  return { html: await response.text(), csp: response.headers.get('content-security-policy') ?? '' };
}

describe('the server-drawn endpoint tree (ADR 0038)', () => {
  it("draws Alyx's real schema into the shell of every signed-in page of the instance, and no other", async () => {
    const upstream = await alyx(() => json(ALYX_OPENAPI));
    const prerender = createNavigationPrerender([instance(upstream.url)], renderer);
    await prerender.warm();
    const { app } = createApp({ instances: [instance(upstream.url)], distDir, prerender });

    for (const url of ['/alyx', '/alyx/sessions?subject=KS022', '/alyx/sessions/abc/~/edit']) {
      const { html } = await shellOf(app, url);
      expect(html, url).toContain('data-prerendered');
      expect(html).toContain('role="tree"');
      // Real links, so the tree is usable before the app's code arrives.
      expect(html).toContain('href="/alyx/sessions"');
      expect(html).toContain('href="/alyx/subjects"');
      expect(html.match(/role="treeitem"/g)?.length).toBeGreaterThan(40);
    }
    for (const url of ['/', '/alyx/~/login?next=%2Falyx', '/other']) {
      expect((await shellOf(app, url)).html, url).not.toContain('data-prerendered');
    }
    expect(upstream.reads()).toBe(1);
  });

  it('lets the CSP allow its inline gate script by hash, and no other inline script', async () => {
    const upstream = await alyx(() => json(ALYX_OPENAPI));
    const prerender = createNavigationPrerender([instance(upstream.url)], renderer);
    await prerender.warm();
    const { app } = createApp({ instances: [instance(upstream.url)], distDir, prerender });
    const { html, csp } = await shellOf(app, '/alyx');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((match) => match[1] ?? '')
      .filter((text) => !text.startsWith('[') && !text.startsWith('{'));
    expect(inline).toEqual([renderer.PRERENDER_GATE_SCRIPT]);
    const hash = `'sha256-${createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64')}'`;
    expect(gateScriptHash(renderer)).toBe(hash);
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe(`script-src 'self' ${hash}`);
  });

  it('draws nothing for a schema that is missing, too big, slow, not JSON, or redirected, and says so once', async () => {
    const cases: Record<string, () => Response | Promise<Response>> = {
      missing: () => new Response('Not found', { status: 404 }),
      big: () => json(`{"openapi":"3.0.3","pad":"${'x'.repeat(300_000)}"}`),
      slow: () => new Promise<Response>((resolve) => setTimeout(() => resolve(json(ALYX_OPENAPI)), 2_000)),
      garbage: () => json('{"openapi": "3.0.3", paths'),
      redirected: () => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } }),
    };
    const instances = await Promise.all(
      Object.entries(cases).map(async ([name, answer]) => instance((await alyx(answer)).url, name)),
    );
    const logged: string[] = [];
    const prerender = createNavigationPrerender(instances, renderer, {
      maxBytes: 200_000,
      timeoutMs: 300,
      log: (message) => logged.push(message),
    });
    await prerender.warm();
    for (const { name } of instances) expect(prerender.shellFor(`/${name}`), name).toBeNull();
    // A refusal or an oversized body is an answer; a timeout, garbage or a redirect is worth a line.
    expect(logged.map((line) => /for (\w+)/.exec(line)?.[1]).sort()).toEqual([
      'garbage',
      'redirected',
      'slow',
    ]);
    await prerender.warm();
    expect(logged.length).toBe(3);
  });

  it('reads a stale schema again in the background and keeps the last good tree when that read fails', async () => {
    let answer: () => Response = () => json(ALYX_OPENAPI);
    const upstream = await alyx(() => answer());
    const prerender = createNavigationPrerender([instance(upstream.url)], renderer, {
      maxAgeMs: 50,
      log: () => undefined,
    });
    await prerender.warm();
    const first = prerender.shellFor('/alyx');
    expect(first).not.toBeNull();
    answer = () => new Response('down', { status: 503 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    // Stale: served as it is while the new read goes out.
    expect(prerender.shellFor('/alyx')?.key).toBe(first?.key);
    await expect.poll(() => upstream.reads()).toBe(2);
    await prerender.warm();
    expect(prerender.shellFor('/alyx')?.key).toBe(first?.key);
  });

  it('ignores instances the browser reaches directly', async () => {
    const upstream = await alyx(() => json(ALYX_OPENAPI));
    const prerender = createNavigationPrerender([{ ...instance(upstream.url), proxy: false }], renderer);
    await prerender.warm();
    expect(prerender.shellFor('/alyx')).toBeNull();
    expect(upstream.reads()).toBe(0);
  });
});

describe('injectPrerender', () => {
  it('puts the head tags after the title and the frame in #root, taking `$&` literally', () => {
    const html = injectPrerender(INDEX, { head: '<style>$&</style>', body: '<p>$&$1</p>' });
    expect(html).toContain('<title>Alyx Explorer</title><style>$&</style><script type="module"');
    expect(html).toContain('<div id="root"><p>$&$1</p></div>');
  });

  it('leaves a shell without #root as it is', () => {
    expect(injectPrerender('<html><head></head><body></body></html>', { head: 'h', body: 'b' })).toBe(
      '<html><head></head><body></body></html>',
    );
  });
});
