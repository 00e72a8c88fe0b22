import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

// A string, not `new URL(…)`: under Vitest's jsdom environment the global URL is jsdom's, which
// node:url's fileURLToPath rejects.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything that decides what a freshly seeded database holds: schema, declarations, generators, auth, start-up order. */
export const SEED_SOURCES: readonly string[] = [
  'sandbox/resources',
  'sandbox/seed',
  'sandbox/db',
  'sandbox/auth',
  'sandbox/app.ts',
].map((p) => join(REPO_ROOT, p));

const FILE_PREFIX = 'seed-';
const FILE_SUFFIX = '.tar.gz';
// Stale keys pile up while the seed is being edited; a handful covers several scales at once.
const KEEP_NEWEST = 6;

type Env = Record<string, string | undefined>;

/** `SANDBOX_SNAPSHOT=0` (or `false`) turns the cache off. */
export function snapshotsEnabled(env: Env = process.env): boolean {
  const value = env.SANDBOX_SNAPSHOT?.trim().toLowerCase();
  return value !== '0' && value !== 'false';
}

/** `SANDBOX_SNAPSHOT_DIR` overrides the cache folder (tests use it to stay off the shared cache). */
export function snapshotDir(env: Env = process.env): string {
  const override = env.SANDBOX_SNAPSHOT_DIR?.trim();
  return override ? override : join(REPO_ROOT, 'node_modules', '.cache', 'alyx-sandbox');
}

export function snapshotFile(dir: string, key: string): string {
  return join(dir, `${FILE_PREFIX}${key}${FILE_SUFFIX}`);
}

async function listFiles(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [root];
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

let pgliteVersion: Promise<string> | undefined;

function readPgliteVersion(): Promise<string> {
  pgliteVersion ??= readFile(
    join(REPO_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'),
    'utf8',
  )
    .then((text) => String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown'))
    .catch(() => 'unknown');
  return pgliteVersion;
}

/**
 * Hash of scale, PGlite version and the content of every non-test file under `sources`,
 * so any edit to data, schema or start-up order points at a new snapshot.
 */
export async function seedSnapshotKey(
  scale: number,
  sources: readonly string[] = SEED_SOURCES,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`scale=${scale}\npglite=${await readPgliteVersion()}\n`);
  const files = (await Promise.all(sources.map(listFiles))).flat();
  const named = files
    .map((file) => ({ file, name: relative(REPO_ROOT, file).split(sep).join('/') }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { file, name } of named) {
    const content = await readFile(file);
    hash.update(`${name}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex').slice(0, 24);
}

/** The data-dir tarball (uncompressed, ready for PGlite's `loadDataDir`), or null when there is none. */
export async function readSnapshot(file: string): Promise<Blob | null> {
  let packed: Buffer;
  try {
    packed = await readFile(file);
  } catch {
    return null;
  }
  try {
    return new Blob([await gunzipAsync(packed)]);
  } catch {
    await discardSnapshot(file);
    return null;
  }
}

/**
 * Dumps the data dir and publishes it with write-then-rename, so a concurrent reader sees
 * either no file or a whole one, and racing writers just replace each other's identical copy.
 */
export async function writeSnapshot(file: string, dumpDataDir: () => Promise<Blob>): Promise<void> {
  const tar = await dumpDataDir();
  const packed = await gzipAsync(Buffer.from(await tar.arrayBuffer()), { level: 1 });
  const dir = join(file, '..');
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, packed);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await pruneSnapshots(dir);
}

export async function discardSnapshot(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}

async function pruneSnapshots(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith(FILE_PREFIX) && n.endsWith(FILE_SUFFIX));
  if (names.length <= KEEP_NEWEST) return;
  const dated = await Promise.all(
    names.map(async (name) => ({
      name,
      mtime: await stat(join(dir, name)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(KEEP_NEWEST).map(({ name }) => discardSnapshot(join(dir, name))));
}

/** A snapshot may only seed a database that does not exist yet: memory, or a missing/empty data dir. */
export async function isBlankDataDir(dataDir: string | null | undefined): Promise<boolean> {
  if (!dataDir) return true;
  try {
    return (await readdir(dataDir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

export interface SeedSnapshot {
  file: string;
  /** The tarball to start from, or null on a cache miss (seed, then save to `file`). */
  tarball: Blob | null;
}

/** Where a seed snapshot for `scale` lives and, when cached, its content; null when the cache does not apply. */
export async function lookupSeedSnapshot(
  scale: number,
  dataDir: string | null | undefined,
  env: Env = process.env,
): Promise<SeedSnapshot | null> {
  if (!snapshotsEnabled(env) || !(await isBlankDataDir(dataDir))) return null;
  const file = snapshotFile(snapshotDir(env), await seedSnapshotKey(scale));
  return { file, tarball: await readSnapshot(file) };
}
