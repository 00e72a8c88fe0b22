// `npm test`: the gate — typecheck and lint (import zones, formatting), then unit/integration tests
// (Vitest), then end-to-end tests (Playwright in real Chromium) — and one closing line
// `N passed, N failed` summing them all (typecheck and lint count as one check each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';
import { NGINX_HINT, findNginx, installNginx, nginxInstallUnavailable } from './find-nginx.mjs';
import { clusterUnavailable, startCluster } from './postgres-cluster.mjs';

const e2eOnly = process.argv.includes('--e2e-only');
const unitOnly = process.argv.includes('--unit-only');
const bin = (name) => join('node_modules', '.bin', name);
const results = 'test-results';
mkdirSync(results, { recursive: true });

// The sandbox tests that also run on a PostgreSQL server (SANDBOX_TEST_DATABASE_URL).
const POSTGRES_SUITES = [
  'sandbox/db/db.test.ts',
  'sandbox/http/write.test.ts',
  'sandbox/http/list.test.ts',
  'sandbox/http/auth.test.ts',
  'sandbox/http/hostile-inputs.test.ts',
  'sandbox/seed/fixture-sandbox.test.ts',
];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

if (!e2eOnly && !process.argv.includes('--no-static')) {
  const checks = [
    ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ['lint', bin('eslint'), ['.', '--max-warnings=0']],
    ['formatting', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ];
  for (const [name, command, args] of checks) {
    console.log(`\n${name}: ${[command, ...args].join(' ')}`);
    if (run(command, args) === 0) passed += 1;
    else {
      console.error(`${name} failed (see above).`);
      failed += 1;
    }
  }
}

// server/nginx-recipes.test.ts and e2e/nginx-origin.spec.ts run docs/deploy's nginx recipes in a
// real nginx: install it where we may.
if (!findNginx()) {
  const why = process.env.NGINX_PATH
    ? `NGINX_PATH=${process.env.NGINX_PATH} does not exist`
    : nginxInstallUnavailable();
  if (why) console.log(`\nnginx recipes skipped (${why}): ${NGINX_HINT}.`);
  else {
    try {
      installNginx();
    } catch (error) {
      console.error(`Could not install nginx-light: ${error.message}`);
    }
    if (!findNginx()) console.log(`\nnginx recipes skipped (installing nginx-light failed): ${NGINX_HINT}.`);
  }
}

if (!e2eOnly) {
  const out = join(results, 'vitest.json');
  rmSync(out, { force: true });
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const report = readJson(out);
  if (report) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (code !== 0 && !report.numFailedTests) broken = true;
  } else {
    console.error('Vitest produced no report.');
    broken = true;
  }
}

if (!e2eOnly) {
  let url = process.env.SANDBOX_TEST_DATABASE_URL;
  let cluster = null;
  const why = url ? null : clusterUnavailable();
  if (!url && why)
    console.log(
      `\nPostgreSQL pass skipped (${why}): set SANDBOX_TEST_DATABASE_URL=postgres://… or install postgresql and run as root.`,
    );
  if (!url && !why) {
    try {
      cluster = await startCluster();
      url = cluster.url;
    } catch (error) {
      console.error(error.message);
      failed += 1;
    }
  }
  if (url) {
    const out = join(results, 'vitest-postgres.json');
    rmSync(out, { force: true });
    console.log(
      `\nsandbox tests on PostgreSQL (${cluster ? 'throwaway cluster' : 'SANDBOX_TEST_DATABASE_URL'})`,
    );
    try {
      const code = run(
        bin('vitest'),
        ['run', ...POSTGRES_SUITES, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
        {
          SANDBOX_TEST_DATABASE_URL: url,
        },
      );
      const report = readJson(out);
      passed += report?.numPassedTests ?? 0;
      failed += report?.numFailedTests ?? 0;
      if (code !== 0 && !report?.numFailedTests) broken = true;
    } finally {
      cluster?.stop();
    }
  }
}

if (!unitOnly) {
  let chromium;
  try {
    chromium = findChromium();
  } catch (error) {
    console.error(error.message);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
  if (run(bin('vite'), ['build', '--logLevel', 'warn']) !== 0) {
    console.error('The production build failed; end-to-end tests need it.');
    broken = true;
  } else {
    const out = join(results, 'playwright.json');
    rmSync(out, { force: true });
    const code = run(bin('playwright'), ['test', '--reporter=list,json'], {
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    });
    const report = readJson(out);
    if (report?.stats) {
      passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected ?? 0;
      skipped += report.stats.skipped ?? 0;
      if (code !== 0 && !report.stats.unexpected) broken = true;
    } else {
      console.error('Playwright produced no report.');
      broken = true;
    }
  }
}

if (broken) failed += failed === 0 ? 1 : 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
