import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerBase } from './explorer-base.ts';
import { buildUnderBase } from './nginx-harness.ts';

describe('EXPLORER_BASE', () => {
  it('defaults to the root and normalises slashes', () => {
    expect(explorerBase(undefined)).toBe('/');
    expect(explorerBase('')).toBe('/');
    expect(explorerBase('/')).toBe('/');
    expect(explorerBase('explorer')).toBe('/explorer/');
    expect(explorerBase('/alyx/explorer')).toBe('/alyx/explorer/');
  });

  it.each(['/../etc/', '/a b/', '/x"onload="/', 'https://evil.example/', '/./'])(
    'refuses %s (it lands in HTML attributes and URLs)',
    (value) => {
      expect(() => explorerBase(value)).toThrow(/EXPLORER_BASE/);
    },
  );
});

// A real production build under a sub-path: every URL the HTML and the code ask for carries the base.
describe('a build with EXPLORER_BASE=/explorer/', () => {
  let outDir: string;
  let html: string;
  let code: string;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'explorer-base-'));
    await buildUnderBase(outDir, '/explorer/');
    html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const assets = path.join(outDir, 'assets');
    code = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join(assets, name), 'utf8'))
      .join('\n');
  }, 300_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('points every script, stylesheet, preload and icon of the shell under /explorer/', () => {
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((url) => !url?.startsWith('/explorer/'))).toEqual([]);
    expect(html).toMatch(/rel="modulepreload"[^>]*href="\/explorer\/assets\//);
  });

  it('bakes the base into the code (router basename, instance table URL, chunk preloads)', () => {
    // Booleans, not matchers on the code: a failure would print megabytes of it.
    expect(/[`"']\/explorer\/[`"']/.test(code)).toBe(true);
    expect(/[`"']\/assets\//.test(code)).toBe(false);
  });
});
