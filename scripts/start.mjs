// `npm start` / `npm run dev`: the sandbox (when no instance is configured), the build, and the app server
// (or, with --dev, the Vite dev server), as child processes of this one. Plain Node so it runs before any build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm start [-- options]

  --dev          run the Vite dev server (hot reload) instead of building and serving the production build
  --no-build     serve the existing dist/ without rebuilding
  --memory       sandbox: keep the database in memory (discarded on exit)
  --data DIR     sandbox: keep the database in DIR (default .sandbox-data/)
  --reset        sandbox: wipe its database first
  --scale N      sandbox: demo data size (default 1: 200 subjects, 2,000 sessions)
  --fixture FILE sandbox: load an Alyx dumpdata file (.json or .json.gz) instead of demo data, into
                 its own database (.sandbox-data/fixtures/NAME unless --data or --memory is given)
  --throttle R   sandbox: rate limit per user, e.g. 100/minute
  --faults       sandbox: enable fault injection
  --discovery X  sandbox: which discovery documents to serve: all, openapi, coreapi or root
  --help         show this help

Environment: PORT (5173), HOST (127.0.0.1), SANDBOX_PORT (8000), SANDBOX_HOST (127.0.0.1),
SANDBOX_START_TIMEOUT (seconds, 180), EXPLORER_DIST (dist), ALYX_URL + ALYX_NAME, EXPLORER_ALLOWED_HOSTS,
EXPLORER_CONFIG or ./explorer.config.json (with any of these three no sandbox is started).`;

const DEMO_ACCOUNTS = [
  ['admin', 'admin', 'superuser'],
  ['alice', 'alice', 'ordinary user, can write'],
  ['public', 'public', 'read-only (GET only)'],
];

const SANDBOX_FLAGS = new Set(['--memory', '--faults', '--reset']);
const SANDBOX_FLAGS_WITH_VALUE = new Set(['--data', '--discovery', '--scale', '--fixture', '--throttle']);

/** npm runs scripts in the package root; paths the user typed are relative to where they typed them. */
function userPath(file) {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function fixtureDataDir(fixture) {
  const name = path
    .basename(fixture)
    .replace(/\.gz$/, '')
    .replace(/\.json$/, '');
  return path.join('.sandbox-data', 'fixtures', name.replace(/[^\w.-]+/g, '_') || 'dump');
}

function parseArgs(argv) {
  const options = { dev: false, build: true, sandboxArgs: [] };
  let fixture = null;
  let dataChosen = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--dev') {
      options.dev = true;
    } else if (arg === '--no-build') {
      options.build = false;
    } else if (SANDBOX_FLAGS.has(arg)) {
      options.sandboxArgs.push(arg);
      if (arg === '--memory') dataChosen = true;
    } else if (SANDBOX_FLAGS_WITH_VALUE.has(arg) && argv[i + 1] !== undefined) {
      let value = argv[i + 1];
      if (arg === '--fixture') {
        value = userPath(value);
        if (!existsSync(value)) fail(`no such fixture file: ${value}`);
        fixture = value;
      }
      if (arg === '--data') {
        value = userPath(value);
        dataChosen = true;
      }
      options.sandboxArgs.push(arg, value);
      i += 1;
    } else if (SANDBOX_FLAGS_WITH_VALUE.has(arg)) {
      fail(`${arg} needs a value\n\n${USAGE}`);
    } else {
      fail(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  // A dump goes into a database of its own: the demo data's database is not empty, so it would be ignored.
  if (fixture && !dataChosen) {
    const dir = fixtureDataDir(fixture);
    mkdirSync(path.dirname(path.join(root, dir)), { recursive: true });
    options.sandboxArgs.push('--data', dir);
  }
  return options;
}

function fail(message) {
  console.error(`start: ${message}`);
  stopChildren('SIGTERM');
  process.exit(1);
}

/** Path of a package's CLI script in the local node_modules, run with this very Node (no npx, works on Windows). */
function binScript(pkg, name) {
  const manifestPath = path.join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(manifestPath)) fail(`${pkg} is not installed: run npm install first`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin?.[name];
  if (!relative) fail(`${pkg} has no ${name} command`);
  return path.join(root, 'node_modules', pkg, relative);
}

const children = new Map();
/** Children that run to completion (config check, build): not in their own process group, stopped by pid. */
const tasks = new Set();
let stopping = false;

function pipeLines(stream, label, sink) {
  readline.createInterface({ input: stream }).on('line', (line) => sink.write(`[${label}] ${line}\n`));
}

/** Starts a long-running child; its death (unless we are stopping) stops everything with a non-zero code. */
function startChild(label, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl+C reaches only this script, which forwards one signal to each child.
    detached: process.platform !== 'win32',
  });
  children.set(label, child);
  pipeLines(child.stdout, label, process.stdout);
  pipeLines(child.stderr, label, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(label);
    if (stopping) {
      if (children.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    console.error(`start: ${label} exited (${signal ?? `code ${code}`}); stopping`);
    process.exitCode = code || 1;
    shutdown('SIGTERM');
  });
  return child;
}

/** Runs a child to completion (build, config check) and resolves with its exit code and captured stdout. */
function runChild(label, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tasks.add(child);
    let stdout = '';
    if (capture) child.stdout.on('data', (chunk) => (stdout += chunk));
    else pipeLines(child.stdout, label, process.stdout);
    pipeLines(child.stderr, label, process.stderr);
    child.on('exit', (code) => {
      tasks.delete(child);
      resolve({ code: code ?? 1, stdout });
    });
  });
}

function stopChildren(signal) {
  for (const task of tasks) task.kill(signal);
  for (const child of children.values()) {
    try {
      if (child.exitCode === null && child.pid !== undefined)
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
    } catch {
      // already gone
    }
  }
}

function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  if (children.size === 0) process.exit(process.exitCode ?? 0);
  stopChildren(signal);
  setTimeout(() => {
    stopChildren('SIGKILL');
    process.exit(process.exitCode ?? 1);
  }, 10_000).unref();
}

function portInUse(host, port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, host);
  });
}

async function waitForHttp(url, label, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!children.has(label)) fail(`${label} exited before answering at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000), headers: { accept: 'application/json' } });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  fail(`${label} did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

function urlHost(host) {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function printBanner(config, explorerUrl, dev) {
  const lines = ['', `Alyx Explorer${dev ? ' (dev server)' : ''} is running at ${explorerUrl}`, ''];
  for (const instance of config.instances) {
    const how = instance.proxy
      ? `proxied at ${explorerUrl.replace(/\/$/, '')}${instance.baseUrl}`
      : 'called directly by the browser';
    lines.push(`  instance ${instance.name.padEnd(10)} ${instance.url}  (${how})`);
  }
  if (config.sandbox) {
    lines.push('', '  Demo accounts, for a sandbox on loopback only:', '', '    username  password  role');
    for (const [user, password, role] of DEMO_ACCOUNTS)
      lines.push(`    ${user.padEnd(9)} ${password.padEnd(9)} ${role}`);
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const tsx = binScript('tsx', 'tsx');
  const vite = binScript('vite', 'vite');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('exit', () => stopChildren('SIGTERM'));

  // One source of truth for the configuration: the app server validates it and reports it.
  const check = await runChild('config', [tsx, 'server/main.ts', '--check'], { capture: true });
  if (check.code !== 0) fail('invalid configuration (see above)');
  const config = JSON.parse(check.stdout.trim().split('\n').pop());
  if (await portInUse(config.host, config.port)) {
    fail(
      `port ${config.port} on ${config.host} is already in use: set PORT to another port or stop the other process`,
    );
  }

  // A fresh secret per run: the sandbox trusts X-Forwarded-* only from the proxy that holds it.
  const proxyKey = config.sandbox ? randomBytes(32).toString('hex') : undefined;
  if (config.sandbox) {
    const instance = config.instances[0];
    const port = new URL(instance.url).port || '80';
    const host = process.env.SANDBOX_HOST?.trim() || '127.0.0.1';
    if (await portInUse(host, Number(port))) {
      fail(
        `the sandbox port ${port} on ${host} is already in use (another sandbox?): set SANDBOX_PORT to another port or stop the other process`,
      );
    }
    startChild('sandbox', [tsx, 'sandbox/main.ts', '--port', port, ...options.sandboxArgs], {
      SANDBOX_PORT: port,
      SANDBOX_HOST: host,
      SANDBOX_PROXY_KEY: proxyKey,
    });
  }

  if (options.build && !options.dev) {
    console.log('start: building the explorer (vite build; skip with --no-build)');
    const build = await runChild('build', [vite, 'build']);
    if (build.code !== 0) fail('the build failed (see above)');
  }

  if (config.sandbox) {
    const sandboxUrl = config.instances[0].url;
    console.log(`start: waiting for the sandbox at ${sandboxUrl}`);
    await waitForHttp(`${sandboxUrl}/`, 'sandbox', Number(process.env.SANDBOX_START_TIMEOUT ?? 180) * 1000);
  }

  // The explorer builds its sandbox instance from the environment, proxy key included (server/config.ts).
  const env = {
    PORT: String(config.port),
    HOST: config.host,
    ...(proxyKey ? { SANDBOX_PROXY_KEY: proxyKey } : {}),
  };
  if (options.dev) {
    startChild('vite', [vite, '--host', config.host, '--port', String(config.port), '--strictPort'], env);
  } else {
    startChild('explorer', [tsx, 'server/main.ts'], env);
  }
  const explorerUrl = `http://${urlHost(config.host)}:${config.port}/`;
  await waitForHttp(`${explorerUrl}__explorer/instances`, options.dev ? 'vite' : 'explorer', 60_000);
  printBanner(config, explorerUrl, options.dev);
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
