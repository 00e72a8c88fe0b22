import { resolve } from 'node:path';
import { createSandbox } from './app.ts';
import { ConfigError, parseCli, USAGE } from './config.ts';
import type { CliConfig } from './config.ts';
import { listen } from './http/listen.ts';

function redactPassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

function banner(config: CliConfig, url: string, loaded: string): string {
  const data = config.databaseUrl
    ? `PostgreSQL ${redactPassword(config.databaseUrl)}`
    : config.dataDir
      ? resolve(config.dataDir)
      : 'in memory (nothing persists)';
  return [
    `Alyx sandbox listening on ${url}`,
    `  data: ${data}${loaded === 'seed' ? ` (seeded, scale ${config.scale})` : loaded === 'fixture' ? ` (loaded ${config.fixture})` : ''}`,
    `  discovery: ${config.discovery}${config.throttle ? `, throttle ${config.throttle}` : ''}${config.faults ? ', faults on (/__sandbox/faults)' : ''}`,
    '  demo accounts, for a sandbox on loopback only:',
    '    admin / admin    superuser',
    '    alice / alice    ordinary user, can write',
    '    public / public  read-only (GET only, like openalyx)',
  ].join('\n');
}

async function main(): Promise<void> {
  let config: CliConfig | 'help';
  try {
    config = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`sandbox: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (config === 'help') {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const sandbox = await createSandbox({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { postgres: { url: config.databaseUrl } } : {}),
    reset: config.reset,
    discovery: config.discovery,
    throttle: config.throttle,
    faults: config.faults,
    seed: { scale: config.scale },
    ...(config.fixture ? { fixture: config.fixture } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    allowedHosts: config.allowedHosts,
    bindHost: config.host,
    ...(config.proxyKey ? { proxyKey: config.proxyKey } : {}),
    ...(config.maxBodyBytes ? { maxBodyBytes: config.maxBodyBytes } : {}),
  });
  const server = await listen(sandbox, config.port, config.host);
  console.log(banner(config, server.url, sandbox.loaded));
  console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox…`);
    await server.close();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
