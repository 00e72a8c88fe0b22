import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Test-only: docs/deploy/*.conf run in a real nginx, and real app server processes behind it.

/** A docs/deploy file with its documented values swapped for the test's; a value missing from it fails loudly. */
export function renderRecipe(file: string, replacements: readonly (readonly [string, string])[]): string {
  let text = readFileSync(path.resolve('docs/deploy', file), 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from))
      throw new Error(`docs/deploy/${file} no longer contains ${JSON.stringify(from)}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A production build of the explorer for a sub-path, as `EXPLORER_BASE=… npm run build` makes it. */
export async function buildUnderBase(outDir: string, base: string): Promise<void> {
  const previous = process.env.EXPLORER_BASE;
  process.env.EXPLORER_BASE = base;
  try {
    const { build } = await import('vite');
    await build({
      configFile: path.resolve('vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.EXPLORER_BASE;
    else process.env.EXPLORER_BASE = previous;
  }
}

/** A directory nginx's workers can read too (they drop to `nobody` when the master runs as root). */
export function readableTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Started {
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Each running child with the signal that stops it and its own children. */
const running = new Map<ChildProcess, NodeJS.Signals>();
// Whatever happens to the test, nothing it started outlives the worker.
process.once('exit', () => {
  for (const [child, signal] of running) child.kill(signal);
});

function track(child: ChildProcess, output: () => string, name: string, lastSignal: NodeJS.Signals): Started {
  running.set(child, lastSignal);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  if (child.pid === undefined) throw new Error(`${name} did not start: ${output()}`);
  return {
    pid: child.pid,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const late = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    },
  };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string, name: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${output()}`);
    if (await portAnswers(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} did not listen on ${port} within 30 s: ${output()}`);
}

export interface Nginx extends Started {
  prefix: string;
}

/** nginx in the foreground with its own prefix: `site` goes inside http {}, as in Debian's sites-enabled. */
export async function startNginx(binary: string, site: string, port: number): Promise<Nginx> {
  const prefix = readableTempDir('nginx-recipe-');
  for (const dir of ['logs', 'temp']) mkdirSync(path.join(prefix, dir));
  writeFileSync(path.join(prefix, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${prefix}/temp/${name};`;
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${prefix}/logs/access.log;`,
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      `  include ${prefix}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(
    binary,
    ['-p', prefix, '-c', `${prefix}/nginx.conf`, '-e', `${prefix}/logs/error.log`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const errorLog = () => {
    try {
      return `${stderr}${readFileSync(path.join(prefix, 'logs/error.log'), 'utf8')}`;
    } catch {
      return stderr;
    }
  };
  // SIGTERM to the master: it stops its workers; a SIGKILL would orphan them.
  const started = track(child, errorLog, 'nginx', 'SIGTERM');
  const nginx: Nginx = {
    ...started,
    prefix,
    async kill(signal) {
      await started.kill(signal);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  try {
    await waitForPort(port, child, errorLog, 'nginx');
  } catch (error) {
    await nginx.kill();
    throw error;
  }
  return nginx;
}

/** `npm run serve` as a separate process (node --import tsx, no tsx CLI whose child a SIGKILL would orphan). */
export async function startAppServer(env: Record<string, string>, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = track(child, () => output, 'app server', 'SIGKILL');
  try {
    await waitForPort(port, child, () => output, `app server on ${port}`);
  } catch (error) {
    await started.kill('SIGKILL');
    throw error;
  }
  return started;
}
