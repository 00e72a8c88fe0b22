import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The reference material folder (`../shared/alyx` next to the repo), absent in a fresh clone. */
export const SHARED_ALYX = path.resolve(process.cwd(), '../shared/alyx');

export function sharedJson(file: string): unknown {
  const full = path.join(SHARED_ALYX, file);
  if (!existsSync(full)) return undefined;
  return JSON.parse(readFileSync(full, 'utf8')) as unknown;
}

export function skipReason(file: string): string | undefined {
  return existsSync(path.join(SHARED_ALYX, file)) ? undefined : `${path.join(SHARED_ALYX, file)} not found`;
}
