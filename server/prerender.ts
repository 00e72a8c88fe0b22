import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiModel } from '../src/api/schema/model.ts';
import type { PrerenderedPage, PrerenderInstance } from '../src/app/prerender/render-navigation.tsx';
import type { InstanceConfig } from './config.ts';
import type { RenderSchema } from './prerender-worker.ts';

/** What the server-rendered bundle (dist-ssr/render-navigation.js, built by vite.config.ts) offers. */
export interface NavigationRenderer {
  prepareModel(openapi: unknown): ApiModel | null;
  renderNavigation(instance: PrerenderInstance, model: ApiModel): PrerenderedPage;
  prerenderedInstance(url: string): string | null;
  /** The inline script of every rendering's head, allowed by the CSP through its hash. */
  PRERENDER_GATE_SCRIPT: string;
}

/** The CSP source that allows the renderer's inline gate script, and nothing else inline. */
export function gateScriptHash(renderer: NavigationRenderer): string {
  return `'sha256-${createHash('sha256').update(renderer.PRERENDER_GATE_SCRIPT).digest('base64')}'`;
}

export interface PrerenderOptions {
  /** How long a schema is used before it is read again (in the background; the old one serves meanwhile). */
  maxAgeMs?: number;
  /** How soon an instance without a tree is asked again (it may still be starting, like the sandbox). */
  retryMs?: number;
  timeoutMs?: number;
  /** Alyx's OpenAPI is 318 KB; a schema past this is left to the browser. */
  maxBytes?: number;
  log?: (message: string) => void;
  /** Where schemas are parsed and drawn: main.ts passes a worker thread's (prerender-worker.ts); by default this thread. */
  render?: RenderSchema;
}

export interface PrerenderedShell extends PrerenderedPage {
  /** Changes with each rendering, so the app shell's cache and ETag follow the schema. */
  key: string;
}

export interface NavigationPrerender {
  /** CSP `script-src` sources the renderings need (the gate script's hash). */
  scriptSources: readonly string[];
  /** The rendering for the page at `url` (path and query), or null: no tree on that page, or none ready. */
  shellFor(url: string): PrerenderedShell | null;
  /** Reads every proxied instance's schema once (at start-up, so the first visitor gets the tree). */
  warm(): Promise<void>;
}

const DEFAULTS = { maxAgeMs: 5 * 60_000, retryMs: 10_000, timeoutMs: 5_000, maxBytes: 4 * 1024 * 1024 };

/** Where `vite build` writes the server-drawn page's bundle for a build in `outDir`: `dist` → `dist-ssr`. */
export function prerenderOutDir(outDir: string): string {
  const absolute = path.resolve(outDir);
  return path.join(path.dirname(absolute), `${path.basename(absolute)}-ssr`);
}

/** The file URL of the bundle beside the build, or null (a dev checkout built before it existed, or not built at all). */
export function navigationRendererHref(distDir: string): string | null {
  const file = path.join(prerenderOutDir(distDir), 'render-navigation.js');
  return existsSync(file) ? pathToFileURL(file).href : null;
}

/** The bundle at `href` (from navigationRendererHref), for this thread's own use of it. */
export async function loadNavigationRenderer(href: string): Promise<NavigationRenderer> {
  return (await import(href)) as NavigationRenderer;
}

/** Reads at most `maxBytes` of a body; null past it, so a hostile instance cannot fill the server's memory. */
async function boundedText(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return null;
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The endpoint tree in the HTML of every signed-in view (ADR 0038): Alyx serves its OpenAPI schema to
 * anyone (`SERVE_PUBLIC`), so the server reads it for each proxied instance, renders the tree with the
 * app's own components, and the browser paints it before any script has run. A schema that does not
 * come, or does not parse, only means no tree until the app draws it.
 */
export function createNavigationPrerender(
  instances: readonly InstanceConfig[],
  renderer: NavigationRenderer,
  options: PrerenderOptions = {},
): NavigationPrerender {
  const { maxAgeMs, retryMs, timeoutMs, maxBytes } = { ...DEFAULTS, ...options };
  const log = options.log ?? ((message: string) => console.warn(message));
  const byName = new Map(instances.filter((i) => i.proxy).map((i) => [i.name, i]));
  const shells = new Map<string, { shell: PrerenderedShell | null; readAt: number }>();
  const reading = new Map<string, Promise<void>>();
  const warned = new Set<string>();
  let renderings = 0;
  const render: RenderSchema =
    options.render ??
    (async (text, info) => {
      const model = renderer.prepareModel(JSON.parse(text));
      return model ? renderer.renderNavigation(info, model) : null;
    });

  async function read(instance: InstanceConfig): Promise<PrerenderedShell | null> {
    const response = await fetch(`${instance.url}/api/schema?format=json`, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const text = await boundedText(response, maxBytes);
    if (text === null) return null;
    const page = await render(text, { name: instance.name, kind: instance.kind, color: instance.color });
    return page ? { ...page, key: `${instance.name}:${++renderings}` } : null;
  }

  function refresh(instance: InstanceConfig): Promise<void> {
    const pending = reading.get(instance.name);
    if (pending) return pending;
    const work = read(instance)
      .catch((error: unknown) => {
        // Once per failing spell: an instance that is down is retried every few seconds.
        if (!warned.has(instance.name))
          log(`explorer: no server-drawn endpoint tree for ${instance.name} yet: ${String(error)}`);
        warned.add(instance.name);
        return null;
      })
      .then((shell) => {
        if (shell) warned.delete(instance.name);
        // A failed read keeps the last good tree: the app redraws it from its own discovery anyway.
        const previous = shells.get(instance.name)?.shell ?? null;
        shells.set(instance.name, { shell: shell ?? previous, readAt: Date.now() });
      })
      .finally(() => reading.delete(instance.name));
    reading.set(instance.name, work);
    return work;
  }

  return {
    scriptSources: [gateScriptHash(renderer)],
    shellFor(url) {
      const name = renderer.prerenderedInstance(url);
      const instance = name === null ? undefined : byName.get(name);
      if (!instance) return null;
      const entry = shells.get(instance.name);
      if (!entry || Date.now() - entry.readAt > (entry.shell ? maxAgeMs : retryMs)) void refresh(instance);
      return entry?.shell ?? null;
    },
    async warm() {
      await Promise.all([...byName.values()].map(refresh));
    },
  };
}

/**
 * The app shell with a rendering in it: its head tags first in `<head>` (after the title, before the
 * stylesheet, so the inline gate script does not wait for it), its frame inside `#root`.
 */
export function injectPrerender(html: string, shell: PrerenderedPage): string {
  const root = '<div id="root"></div>';
  const anchor = html.includes('</title>') ? '</title>' : '</head>';
  if (!html.includes(root) || !html.includes(anchor)) return html;
  // Functions, not strings: `$&` in the markup must not be read as replacement patterns.
  return html
    .replace(anchor, (tag) => (tag === '</title>' ? `${tag}${shell.head}` : `${shell.head}${tag}`))
    .replace(root, () => `<div id="root">${shell.body}</div>`);
}
