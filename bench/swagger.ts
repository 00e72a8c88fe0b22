// `npm run bench:swagger [-- --runs N] [--json PATH]`: the explorer next to Swagger UI on the same
// document. One plain loopback server plays Alyx and serves Alyx's real OpenAPI (../shared/alyx/
// openapi.json) to both: to the explorer's production build through its app server (server/main.ts,
// the same-origin proxy, as deployed), and to Swagger UI (swagger-ui-dist, its stock index.html), in
// the same headless Chromium, paired runs in alternating order, a fresh browser context each load.
// Explorer: token preset, navigation → endpoint tree painted. Swagger UI: navigation → first tag
// painted. A benchmark, not a test: it prints a table and, with --json, writes the figures.
import { waitForHttp } from '../e2e/support/wait-for-http.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(flag('--runs') ?? 7);
const APP_PORT = 5291;
const APP = `http://127.0.0.1:${APP_PORT}`;
const INSTANCE = 'alyx';
const SCHEMA = resolve('..', 'shared', 'alyx', 'openapi.json');
const SWAGGER_DIR = resolve('node_modules', 'swagger-ui-dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};
const children: ChildProcess[] = [];

/** Swagger UI's stock initializer, pointed at the loopback Alyx's schema. */
const SWAGGER_INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/api/schema?format=json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};`;

/** The plain loopback "Alyx": the schema at `/api/schema`, Swagger UI at `/swagger/`, a 404 for anything else. */
function plainServer(schema: string, misses: Map<string, number>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/schema' || path === '/api/schema/') {
      res.writeHead(200, { 'content-type': 'application/vnd.oai.openapi+json' }).end(schema);
      return;
    }
    if (path === '/swagger/swagger-initializer.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(SWAGGER_INITIALIZER);
      return;
    }
    if (path.startsWith('/swagger/')) {
      const name = path === '/swagger/' ? 'index.html' : path.slice('/swagger/'.length);
      const file = join(SWAGGER_DIR, name);
      if (/^[\w.-]+$/.test(name) && existsSync(file)) {
        res
          .writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' })
          .end(readFileSync(file));
        return;
      }
    }
    misses.set(`${req.method} ${path}`, (misses.get(`${req.method} ${path}`) ?? 0) + 1);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not found."}');
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
    }),
  );
}

const SHOWN_MESSAGE = 'alyx-bench:shown';

/**
 * Installed before any page script: the end of the first frame (rAF, then a task) showing the
 * explorer's endpoint tree or Swagger UI's first tag section. It says so on the console: waiting
 * with page.waitForFunction would make Playwright inject its ~44 ms utility script into the page
 * while it loads (seen in a Chromium trace), delaying the very paint being measured.
 */
const RECORDER = `(() => {
  window.__shown = null;
  const check = () => {
    if (window.__shown !== null) return;
    if (document.querySelector('[role="tree"] [role="treeitem"], #swagger-ui .opblock-tag')) {
      window.__shown = -1;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__shown = performance.now();
          console.debug(${JSON.stringify(SHOWN_MESSAGE)});
        };
        channel.port2.postMessage(null);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  ms: number;
  gzip: number;
  files: number;
  names: string[];
  timeline: Record<string, number>;
}

/** When each part of the explorer's boot arrived (ms since navigation start), from Resource Timing. */
function timeline(page: Page): Promise<Record<string, number>> {
  // A string, not a function: tsx would wrap the inner helpers in its `__name`, unknown in the page.
  return page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const code = resources.filter((e) => /\\.(js|css)$/.test(new URL(e.name).pathname));
    const find = (part) => resources.find((e) => new URL(e.name).pathname.includes(part));
    const instances = find('/__explorer/instances');
    const schema = find('/api/schema');
    return {
      html: nav ? nav.responseEnd : NaN,
      codeLast: Math.max(...code.map((e) => e.responseEnd)),
      instances: instances ? instances.responseEnd : -1,
      schemaStart: schema ? schema.startTime : NaN,
      schemaEnd: schema ? schema.responseEnd : NaN,
    };
  })()`);
}

async function load(browser: Browser, url: string, token?: string, profilePath?: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(RECORDER);
  if (token)
    // The token store's sessionStorage key, as the login form leaves it (src/api/auth/token-store.ts).
    await context.addInitScript(
      ([t, name]) => window.sessionStorage.setItem(`alyx-explorer:token:${name}`, t),
      [token, INSTANCE] as const,
    );
  const page = await context.newPage();
  const bodies: Promise<[string, number]>[] = [];
  page.on('response', (res) => {
    const name = new URL(res.url()).pathname;
    if (/\.(js|css)$/.test(name))
      bodies.push(
        res.body().then(
          (b) => [name, gzipSync(b).length],
          () => [name, 0],
        ),
      );
  });
  const cdp = profilePath ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const shown = page.waitForEvent('console', {
    predicate: (m) => m.text() === SHOWN_MESSAGE,
    timeout: 60_000,
  });
  // The explorer asks for the schema after its first paint; the timeline reports when.
  const schema = token
    ? page.waitForResponse((r) => new URL(r.url()).pathname.includes('/api/schema'))
    : null;
  await page.goto(url, { waitUntil: 'commit' });
  await shown;
  const ms = await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  if (cdp && profilePath) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profilePath, JSON.stringify(profile));
  }
  const sizes = await Promise.all(bodies);
  const result = {
    ms,
    gzip: sizes.reduce((a, [, b]) => a + b, 0),
    files: sizes.length,
    names: sizes.map(([name, size]) => `${name.split('/').at(-1) ?? ''} ${(size / 1024).toFixed(1)}`),
    timeline: schema ? await schema.then(() => timeline(page)) : {},
  };
  await context.close();
  return result;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  if (!existsSync(SCHEMA)) throw new Error(`${SCHEMA} not found: the side-by-side needs Alyx's real OpenAPI`);
  if (!existsSync('dist/index.html'))
    spawnSync(join('node_modules', '.bin', 'vite'), ['build'], { stdio: 'inherit' });
  const misses = new Map<string, number>();
  const alyx = await plainServer(readFileSync(SCHEMA, 'utf8'), misses);
  const configPath = join(mkdtempSync(join(os.tmpdir(), 'alyx-swagger-bench-')), 'instances.json');
  writeFileSync(configPath, JSON.stringify({ instances: [{ name: INSTANCE, url: alyx.url, proxy: true }] }));
  children.push(
    spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
      stdio: 'ignore',
      env: { ...process.env, PORT: String(APP_PORT), EXPLORER_CONFIG: configPath },
    }),
  );
  await waitForHttp(`${APP}/__explorer/instances`, 120_000);
  // Compress and cache the build's files before the first measured load, as a running server has.
  await fetch(`${APP}/`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const explorerUrl = `${APP}/${INSTANCE}`;
  const swaggerUrl = `${alyx.url}/swagger/`;
  // The token is only sent to the loopback Alyx, which does not check it.
  const token = 'bench-token';
  // One throwaway load of each, so the first pair does not pay for Chromium's own start-up.
  await load(browser, explorerUrl, token);
  await load(browser, swaggerUrl);
  misses.clear();

  const explorer: Load[] = [];
  const swagger: Load[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first, so neither always meets a warmer (or busier) machine.
    if (run % 2 === 0) {
      explorer.push(await load(browser, explorerUrl, token));
      swagger.push(await load(browser, swaggerUrl));
    } else {
      swagger.push(await load(browser, swaggerUrl));
      explorer.push(await load(browser, explorerUrl, token));
    }
  }
  // --profile FILE: one more explorer load under a CPU profile (open it in Chromium's devtools).
  const profilePath = flag('--profile');
  if (profilePath) await load(browser, explorerUrl, token, profilePath);
  await browser.close();
  alyx.server.close();

  const ratios = explorer.map((e, i) => e.ms / (swagger[i]?.ms ?? NaN));
  const steps = ['html', 'codeLast', 'instances', 'schemaStart', 'schemaEnd'] as const;
  const result = {
    runs: RUNS,
    load: os.loadavg(),
    explorerMs: median(explorer.map((e) => e.ms)),
    swaggerMs: median(swagger.map((e) => e.ms)),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    explorerGzip: explorer[0]?.gzip ?? NaN,
    explorerFiles: explorer[0]?.files ?? NaN,
    explorerNames: explorer[0]?.names ?? [],
    swaggerGzip: swagger[0]?.gzip ?? NaN,
    swaggerFiles: swagger[0]?.files ?? NaN,
    timeline: Object.fromEntries(steps.map((s) => [s, median(explorer.map((e) => e.timeline[s] ?? NaN))])),
    otherRequests: Object.fromEntries(misses),
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const t = result.timeline;
  console.log(
    [
      `Explorer vs Swagger UI 5.35.0, Alyx's real OpenAPI (${(readFileSync(SCHEMA).length / 1024).toFixed(0)} KB), ${RUNS} paired runs, load average ${result.load.map((l) => l.toFixed(1)).join(' ')}`,
      `| | explorer | Swagger UI |`,
      `| --- | --- | --- |`,
      `| navigation → tree / first tag painted (median) | ${Math.round(result.explorerMs)} ms | ${Math.round(result.swaggerMs)} ms |`,
      `| JS+CSS fetched for it, gzip | ${kb(result.explorerGzip)} (${result.explorerFiles} files) | ${kb(result.swaggerGzip)} (${result.swaggerFiles} files) |`,
      `ratio explorer / Swagger UI: median ${result.ratio.toFixed(2)}× (${result.ratioMin.toFixed(2)}–${result.ratioMax.toFixed(2)})`,
      `explorer timeline (medians, ms from navigation start): HTML ${Math.round(t.html ?? NaN)}, last JS/CSS ${Math.round(t.codeLast ?? NaN)}, ` +
        `${(t.instances ?? -1) < 0 ? 'instance table in the HTML (no request)' : `/__explorer/instances ${Math.round(t.instances ?? NaN)}`}, ` +
        `schema requested ${Math.round(t.schemaStart ?? NaN)}, received ${Math.round(t.schemaEnd ?? NaN)}, tree painted ${Math.round(result.explorerMs)}`,
      `other requests the loopback Alyx answered 404 during the runs: ${JSON.stringify(result.otherRequests)}`,
    ].join('\n'),
  );
  const jsonPath = flag('--json');
  if (jsonPath) {
    mkdirSync(resolve(jsonPath, '..'), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify(result));
  }
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
