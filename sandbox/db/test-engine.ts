import { randomBytes } from 'node:crypto';
import type { SandboxOptions } from '../config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/**
 * The engine tests run on: PGlite in memory, or — with SANDBOX_TEST_DATABASE_URL — a PostgreSQL
 * server, each database in a throwaway schema dropped on close (scripts/test.mjs sets it up).
 */
export const TEST_DATABASE_URL = process.env.SANDBOX_TEST_DATABASE_URL?.trim() || undefined;
export const TEST_ENGINE: Database['engine'] = TEST_DATABASE_URL ? 'postgres' : 'pglite';

function throwawaySchema(): string {
  return `sandbox_test_${randomBytes(6).toString('hex')}`;
}

/** createSandbox options that select the test engine. */
export function testStorage(): Pick<SandboxOptions, 'postgres'> {
  return TEST_DATABASE_URL
    ? { postgres: { url: TEST_DATABASE_URL, schema: throwawaySchema(), dropSchemaOnClose: true } }
    : {};
}

export function openTestDatabase(): Promise<Database> {
  return TEST_DATABASE_URL
    ? openPostgres(TEST_DATABASE_URL, { schema: throwawaySchema(), dropSchemaOnClose: true })
    : openPglite(null);
}
