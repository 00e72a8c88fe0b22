import { pbkdf2, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

// Django's own hash format, so users loaded from a `dumpdata` fixture keep working passwords.
const ALGORITHM = 'pbkdf2_sha256';
/** Django 5.2's PBKDF2PasswordHasher.iterations: a leaked sandbox hash is as costly to crack as Alyx's. */
export const DJANGO_ITERATIONS = 1_000_000;
// Hashes from real dumps carry their own (often lower) count; anything above this is refused
// rather than letting one login burn minutes of CPU.
const MAX_ITERATIONS = 10_000_000;

function encode(iterations: number, salt: string, hash: Buffer): string {
  return `${ALGORITHM}$${iterations}$${salt}$${hash.toString('base64')}`;
}

export function hashPassword(plain: string, iterations = DJANGO_ITERATIONS): string {
  const salt = randomBytes(12).toString('base64url');
  return encode(iterations, salt, pbkdf2Sync(plain, salt, iterations, 32, 'sha256'));
}

/** Same as hashPassword, on libuv's thread pool: the event loop keeps serving meanwhile. */
export async function hashPasswordAsync(plain: string, iterations = DJANGO_ITERATIONS): Promise<string> {
  const salt = randomBytes(12).toString('base64url');
  return encode(iterations, salt, await pbkdf2Async(plain, salt, iterations, 32, 'sha256'));
}

interface Parsed {
  iterations: number;
  salt: string;
  expected: Buffer;
}

function parse(encoded: string): Parsed | null {
  const [algorithm, iterations, salt, hash] = encoded.split('$');
  if (algorithm !== ALGORITHM || !iterations || !salt || !hash) return null;
  const count = Number(iterations);
  if (!Number.isInteger(count) || count < 1 || count > MAX_ITERATIONS) return null;
  return { iterations: count, salt, expected: Buffer.from(hash, 'base64') };
}

export function verifyPassword(plain: string, encoded: string): boolean {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const actual = pbkdf2Sync(plain, parsed.salt, parsed.iterations, parsed.expected.length, 'sha256');
  return actual.length === parsed.expected.length && timingSafeEqual(actual, parsed.expected);
}

/** verifyPassword off the event loop: a login at 1,000,000 iterations must not stall other requests. */
export async function verifyPasswordAsync(plain: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed || parsed.expected.length === 0) return false;
  const actual = await pbkdf2Async(plain, parsed.salt, parsed.iterations, parsed.expected.length, 'sha256');
  return actual.length === parsed.expected.length && timingSafeEqual(actual, parsed.expected);
}
