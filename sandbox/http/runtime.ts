import { readdir } from 'node:fs/promises';
import type { Database } from '../db/database.ts';
import type { ModelIndex } from '../db/models.ts';
import type { ResourceDeclaration } from '../resources/types.ts';
import type { FaultStore } from './faults.ts';
import type { Throttle } from './throttle.ts';

export type DiscoverySource = 'root' | 'openapi' | 'coreapi';

/** Everything a request handler needs; one per sandbox. */
export interface Runtime {
  resources: readonly ResourceDeclaration[];
  models: ModelIndex;
  db: Database;
  publicUrl?: string | null;
  discovery: ReadonlySet<DiscoverySource>;
  throttle?: Throttle;
  faults?: FaultStore;
}

const SCHEMA_DIR = new URL('../schema/', import.meta.url);
let schemaModules: Promise<Record<string, unknown>[]> | undefined;

async function loadSchemaModules(): Promise<Record<string, unknown>[]> {
  let files: string[];
  try {
    files = (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  } catch {
    return [];
  }
  const modules: Record<string, unknown>[] = [];
  for (const file of files) modules.push((await import(/* @vite-ignore */ new URL(file, SCHEMA_DIR).href)) as Record<string, unknown>);
  return modules;
}

/**
 * A function exported by one of the document builders in `sandbox/schema/` (root list, OpenAPI,
 * coreapi, OPTIONS metadata), or undefined while none exports it.
 */
export async function schemaExport<T>(name: string): Promise<T | undefined> {
  schemaModules ??= loadSchemaModules();
  for (const module of await schemaModules) {
    const value = module[name];
    if (typeof value === 'function') return value as T;
  }
  return undefined;
}
