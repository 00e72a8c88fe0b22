// Starts the end-to-end stack: one in-memory sandbox per discovery generation, then the production
// app server (dist/ must be built) proxying all of them. Playwright's webServer runs this.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostileServer } from './hostile-server.ts';
import { E2E_APP_PORT, E2E_APP_URL, E2E_HOSTILE, E2E_HOSTILE_URL, E2E_SANDBOXES } from './stack.ts';
import { waitForHttp } from './wait-for-http.ts';

const tsx = join('node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];
const hostile = startHostileServer(E2E_HOSTILE.port, E2E_APP_URL);

function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(tsx, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`e2e stack: ${args.join(' ')} exited with ${code}`);
      stop(1);
    }
  });
  return child;
}

function stop(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  hostile.close();
  process.exit(code);
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));

// One secret per run: the sandboxes trust X-Forwarded-* only from the proxy holding it.
const proxyKey = randomBytes(32).toString('hex');
for (const sandbox of E2E_SANDBOXES) {
  start(['sandbox/main.ts', '--memory', '--port', String(sandbox.port), ...sandbox.args], {
    SANDBOX_PROXY_KEY: proxyKey,
  });
}
for (const sandbox of E2E_SANDBOXES) {
  await waitForHttp(`http://127.0.0.1:${sandbox.port}/auth-token`, 200_000);
}

const configDir = mkdtempSync(join(tmpdir(), 'alyx-explorer-e2e-'));
const configPath = join(configDir, 'explorer.config.json');
writeFileSync(
  configPath,
  JSON.stringify({
    instances: [
      ...E2E_SANDBOXES.map((s) => ({
        name: s.instance,
        url: `http://127.0.0.1:${s.port}`,
        proxy: true,
        sandbox: true,
        proxyKey,
        ...s.config,
      })),
      // Last, so journeys that pick the first instances are unaffected; never given the key.
      { name: E2E_HOSTILE.instance, url: E2E_HOSTILE_URL, proxy: true },
    ],
  }),
);
start(['server/main.ts'], { PORT: String(E2E_APP_PORT), HOST: '127.0.0.1', EXPLORER_CONFIG: configPath });
