import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

// Django's own hash format, so users loaded from a `dumpdata` fixture keep working passwords.
const ALGORITHM = 'pbkdf2_sha256';
// Few iterations: these are demo accounts on loopback, and seeding thousands must stay fast.
const SANDBOX_ITERATIONS = 1000;

export function hashPassword(plain: string, iterations = SANDBOX_ITERATIONS): string {
  const salt = randomBytes(12).toString('base64url');
  const hash = pbkdf2Sync(plain, salt, iterations, 32, 'sha256').toString('base64');
  return `${ALGORITHM}$${iterations}$${salt}$${hash}`;
}

export function verifyPassword(plain: string, encoded: string): boolean {
  const [algorithm, iterations, salt, hash] = encoded.split('$');
  if (algorithm !== ALGORITHM || !iterations || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = pbkdf2Sync(plain, salt, Number(iterations), expected.length, 'sha256');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
