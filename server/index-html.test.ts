import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { ConfigError, loadInstances, publicInstances, type InstanceConfig } from './config.ts';

const INDEX =
  '<!doctype html><html><head><title>x</title><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body><div id="root"></div></body></html>';
// jsdom ships no types (and @types/jsdom is not a dependency): the one constructor this file uses.
const JSDOM_MODULE = 'jsdom';
const { JSDOM } = (await import(JSDOM_MODULE)) as unknown as {
  JSDOM: new (
    html: string,
    options: { runScripts: 'dangerously'; beforeParse: (window: Window) => void },
  ) => { window: Window };
};
const BREAKOUT = '</script><script>alert(1)</script><!--<script>';

let workDir: string;
let distDir: string;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'explorer-shell-'));
  distDir = path.join(workDir, 'dist');
  mkdirSync(path.join(distDir, 'assets'), { recursive: true });
  writeFileSync(path.join(distDir, 'index.html'), INDEX);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function shell(instances: InstanceConfig[]): Promise<{ body: string; etag: string | null }> {
  const { app } = createApp({ instances, distDir });
  const response = await app.fetch(
    new Request('http://localhost/some/deep/link', { headers: { accept: 'text/html' } }),
  );
  expect(response.status).toBe(200);
  return { body: await response.text(), etag: response.headers.get('etag') };
}

/** Parses the page as a browser would, running every inline script it holds; counts what ran. */
function render(html: string): { ran: string[]; document: Document } {
  const ran: string[] = [];
  const dom = new JSDOM(html, {
    runScripts: 'dangerously',
    beforeParse(window) {
      window.alert = (message?: unknown) => void ran.push(String(message));
    },
  });
  return { ran, document: dom.window.document };
}

describe('the instance table in the app shell', () => {
  // The config validator would refuse or normalise these (see below): the shell must hold whatever it is given.
  const hostile: InstanceConfig[] = [
    { name: `x${BREAKOUT}`, url: `http://alyx.test/${BREAKOUT}`, proxy: false },
    { name: "dollars$&$'$`$$", url: "http://alyx.test/$&$'", proxy: true, sandbox: true },
    { name: 'lines\u2028\u2029', url: 'http://alyx.test/&amp;&lt;', proxy: true },
  ];

  it('stays one inert JSON element that reads back exactly, whatever the names and URLs hold', async () => {
    const { body } = await shell(hostile);
    const { ran, document } = render(body);
    expect(ran).toEqual([]);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((s) => s.type)).toEqual(['module', 'application/json']);
    const table = document.getElementById('explorer-instances');
    expect(JSON.parse(table?.textContent ?? '')).toEqual(publicInstances(hostile));
    // The rest of the page is what the build wrote.
    expect(body.replace(/<script type="application\/json"[^]*?<\/script>/, '')).toBe(INDEX);
    expect(document.getElementById('root')).not.toBeNull();
  });

  it('never lets a `<` of the table through to the HTML parser', async () => {
    const { body } = await shell(hostile);
    expect(body.match(/<script/gi)).toHaveLength(2);
    expect(body.match(/<\/script/gi)).toHaveLength(2);
    expect(body).not.toContain('<!--');
    const json = /<script type="application\/json" id="explorer-instances">([^]*?)<\/script>/.exec(body)?.[1];
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('gets a new ETag when the instance table changes, so a cached shell never shows the old one', async () => {
    const a = await shell([{ name: 'one', url: 'http://alyx.test', proxy: true }]);
    const b = await shell([{ name: 'two', url: 'http://alyx.test', proxy: true }]);
    expect(a.etag).toBeTruthy();
    expect(a.etag).not.toBe(b.etag);
    expect((await shell([{ name: 'one', url: 'http://alyx.test', proxy: true }])).etag).toBe(a.etag);
  });

  it('from a config file, a script in a URL is refused or comes out percent-encoded', () => {
    const file = path.join(workDir, 'explorer.config.json');
    writeFileSync(
      file,
      JSON.stringify({ instances: [{ name: 'lab', url: `https://alyx.test/api/${BREAKOUT}` }] }),
    );
    let instances: InstanceConfig[] = [];
    try {
      instances = loadInstances({ EXPLORER_CONFIG: file }, workDir);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return;
    }
    expect(instances.map((i) => i.url).join('')).not.toMatch(/[<>]/);
  });
});
