// A throwaway PostgreSQL cluster for `npm test`'s second sandbox pass: Debian's postgresql,
// started as the postgres user in a temp dir on a free loopback port, stopped and removed after.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function debianBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(root, versions[versions.length - 1], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(command) {
  return spawnSync('runuser', ['-u', 'postgres', '--', 'sh', '-c', command], { encoding: 'utf8' });
}

/** Why a cluster cannot be started here, or null when it can. */
export function clusterUnavailable() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root';
  if (!debianBin()) return "Debian's postgresql is not installed";
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) return 'no postgres user';
  return null;
}

/** Starts a cluster; returns its URL and a stop function (which also removes its files). */
export async function startCluster() {
  const bin = debianBin();
  const dir = mkdtempSync(join(tmpdir(), 'alyx-sandbox-pg-'));
  chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), -1);
  const stop = () => {
    asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null 2>&1`);
    rmSync(dir, { recursive: true, force: true });
  };
  const port = await freePort();
  const init = asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres >${dir}/initdb.log 2>&1`);
  const start =
    init.status === 0
      ? asPostgres(
          `${bin}/pg_ctl -D ${dir}/data -w -l ${dir}/server.log -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null`,
        )
      : init;
  if (start.status !== 0) {
    stop();
    throw new Error(`could not start PostgreSQL in ${dir}: ${start.stderr || 'see initdb/server log'}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
