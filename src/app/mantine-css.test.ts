// The app imports Mantine's stylesheets per component instead of the whole styles.css, so that the
// first screen loads only what it renders. These tests read src/ and Mantine's own ESM sources to
// check that every Mantine component a module uses has its stylesheets (and those of the components
// it is built from) imported by that module or by the shell's global styles module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const srcDir = join(repoRoot, 'src');
const mantineDir = join(repoRoot, 'node_modules/@mantine/core');
const GLOBAL_MODULE = 'src/app/mantine-styles.ts';
const BASE_SHEETS = ['baseline', 'default-css-variables', 'global'];
const SHEET_IMPORT = /^import\s+'@mantine\/core\/styles\/([\w-]+)\.layer\.css';/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Value (not type) names a module imports from '@mantine/core', by their Mantine export name. */
function mantineImports(code: string): string[] {
  const names: string[] = [];
  for (const match of code.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@mantine\/core';/g)) {
    if (match[1]) continue;
    for (const raw of (match[2] ?? '').split(',')) {
      const specifier = raw.trim();
      if (specifier && !specifier.startsWith('type '))
        names.push(specifier.split(/\s+as\s+/)[0] ?? specifier);
    }
  }
  return names;
}

const sheetImports = (code: string): string[] => [...code.matchAll(SHEET_IMPORT)].map((m) => m[1] ?? '');

/** Mantine's public exports → the ESM file defining each. */
function mantineExports(): Map<string, string> {
  const esm = join(mantineDir, 'esm');
  const index = readFileSync(join(esm, 'index.mjs'), 'utf8');
  const files = new Map<string, string>();
  for (const match of index.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
    for (const name of (match[1] ?? '').split(',')) {
      const local = name
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (local) files.set(local, resolve(esm, match[2] ?? ''));
    }
  }
  return files;
}

/**
 * The stylesheets a Mantine export needs: one per CSS module (`X.module.mjs` ↔ `styles/X.css`)
 * reachable through its relative imports, so a Button needs UnstyledButton and Loader too.
 */
function makeSheetsOf(): (file: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  const walk = (file: string, seen: Set<string>, sheets: Set<string>): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const module = /([^/]+)\.module\.mjs$/.exec(file);
    if (module?.[1]) sheets.add(module[1]);
    for (const match of readFileSync(file, 'utf8').matchAll(/from\s*"(\.[^"]+)"/g)) {
      walk(resolve(dirname(file), match[1] ?? ''), seen, sheets);
    }
  };
  return (file) => {
    let sheets = cache.get(file);
    if (!sheets) {
      sheets = new Set();
      walk(file, new Set(), sheets);
      cache.set(file, sheets);
    }
    return sheets;
  };
}

/** The component file beside a stylesheet's CSS module (`Combobox.module.mjs` → `Combobox.mjs`). */
function componentFile(sheet: string): string | undefined {
  const find = (dir: string): string | undefined => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === `${sheet}.module.mjs`) return join(dir, `${sheet}.mjs`);
      if (statSync(path).isDirectory()) {
        const found = find(path);
        if (found) return found;
      }
    }
    return undefined;
  };
  return find(join(mantineDir, 'esm/components'));
}

/** Stylesheet names in the order @mantine/core/styles.css has them: dependencies first. */
function mantineOrder(): Map<string, number> {
  const all = readFileSync(join(mantineDir, 'styles.css'), 'utf8');
  const order = new Map<string, number>(BASE_SHEETS.map((name, index) => [name, index - BASE_SHEETS.length]));
  for (const file of readdirSync(join(mantineDir, 'styles'))) {
    const name = /^([\w-]+)\.layer\.css$/.exec(file)?.[1];
    if (!name || BASE_SHEETS.includes(name)) continue;
    const firstClass = /\.m_[0-9a-f]+/.exec(readFileSync(join(mantineDir, 'styles', file), 'utf8'))?.[0];
    if (firstClass) order.set(name, all.indexOf(firstClass));
  }
  return order;
}

const modules = sourceFiles(srcDir).map((path) => ({
  file: relative(repoRoot, path),
  code: readFileSync(path, 'utf8'),
}));
const globalSheets = sheetImports(readFileSync(join(repoRoot, GLOBAL_MODULE), 'utf8'));

describe('Mantine stylesheets', () => {
  it('imports per-component layered stylesheets, never the whole bundle or unlayered files', () => {
    const offending = modules
      .filter(({ code }) =>
        /['"]@mantine\/core\/styles(\.css|\.layer\.css|\/[\w-]+(?<!\.layer)\.css)['"]/.test(code),
      )
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });

  it('loads the global styles module with the providers, and it holds Mantine’s base styles', () => {
    const providers = readFileSync(join(srcDir, 'app/providers.tsx'), 'utf8');
    expect(providers).toMatch(/^import '\.\/mantine-styles\.ts';$/m);
    expect(globalSheets.slice(0, 2)).toEqual(['baseline', 'global']);
    // The theme's variables come from MantineProvider itself instead of default-css-variables.css.
    const provider = readFileSync(join(srcDir, 'app/mantine-provider.tsx'), 'utf8');
    expect(provider).toMatch(/<MantineProvider[^>]*deduplicateCssVariables=\{false\}/);
  });

  it('has, for every Mantine component a module uses, its stylesheets in that module or the global one', () => {
    const exportsFiles = mantineExports();
    const sheetsOf = makeSheetsOf();
    const missing: string[] = [];
    let checked = 0;
    for (const { file, code } of modules) {
      const available = new Set([...globalSheets, ...sheetImports(code)]);
      for (const name of mantineImports(code)) {
        const source = exportsFiles.get(name);
        if (!source) {
          missing.push(`${file}: ${name} is not an export of @mantine/core's index`);
          continue;
        }
        checked += 1;
        for (const sheet of sheetsOf(source)) {
          if (!available.has(sheet))
            missing.push(`${file}: ${name} needs @mantine/core/styles/${sheet}.layer.css`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('has in the global module the stylesheets of the components its components are built from', () => {
    // The global sheets are linked before any chunk's, so a global Combobox sheet with a lazily
    // loaded Popover sheet would let Popover's padding override Combobox's on a Select's dropdown.
    const sheetsOf = makeSheetsOf();
    const problems: string[] = [];
    for (const sheet of globalSheets) {
      if (BASE_SHEETS.includes(sheet)) continue;
      const component = componentFile(sheet);
      if (!component) {
        problems.push(`no Mantine component for ${sheet}`);
        continue;
      }
      for (const dependency of sheetsOf(component)) {
        if (!globalSheets.includes(dependency))
          problems.push(`${sheet} is built on ${dependency}, which is not global`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps each module’s stylesheet imports in Mantine’s order, known and not repeated from the global module', () => {
    const order = mantineOrder();
    const problems: string[] = [];
    for (const { file, code } of modules) {
      const sheets = sheetImports(code);
      const positions = sheets.map((sheet) => order.get(sheet));
      sheets.forEach((sheet, index) => {
        if (positions[index] === undefined) problems.push(`${file}: no Mantine stylesheet ${sheet}`);
        if (file !== GLOBAL_MODULE && globalSheets.includes(sheet))
          problems.push(`${file}: ${sheet} is already global`);
      });
      const known = positions.filter((p): p is number => p !== undefined);
      if (known.some((p, index) => index > 0 && p < (known[index - 1] ?? -Infinity))) {
        problems.push(`${file}: stylesheets out of Mantine's order (${sheets.join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
