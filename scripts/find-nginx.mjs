// nginx for server/nginx-recipes.test.ts, which runs docs/deploy/*.conf in a real nginx. Found like
// find-chromium.mjs finds Chromium: NGINX_PATH, then Debian's binary; `npm test` as root on Debian
// installs nginx-light with apt-get. Without one the recipes test is skipped with one line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];
const APT_TIMEOUT_MS = 300_000;

export const NGINX_HINT =
  'set NGINX_PATH=/path/to/nginx, or install nginx-light (apt-get install -y nginx-light; npm test does so as root on Debian)';

/** The nginx binary to run, or null. */
export function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Why nginx cannot be installed here, or null when it can. */
export function nginxInstallUnavailable() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root';
  const isDebian = existsSync('/etc/debian_version') || /debian/i.test(readSafe('/etc/os-release'));
  return isDebian ? null : 'not Debian';
}

/**
 * Installs Debian's nginx-light, quietly and bounded in time. Its service is then stopped and
 * disabled where systemd runs it: the tests start their own nginx, and a test run must not leave a
 * web server on port 80.
 */
export function installNginx({ log = console.log } = {}) {
  log("No nginx found: installing Debian's nginx-light (apt-get install -y nginx-light)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', timeout: APT_TIMEOUT_MS });
  execFileSync('apt-get', ['install', '-y', '-qq', 'nginx-light'], {
    stdio: 'inherit',
    env,
    timeout: APT_TIMEOUT_MS,
  });
  if (existsSync('/run/systemd/system')) {
    spawnSync('systemctl', ['disable', '--now', 'nginx'], { stdio: 'ignore', timeout: 30_000 });
  }
  return findNginx();
}

function readSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
