import type { RecordSink } from '../resources/types.ts';
import { primeDemoHashes } from './demo-accounts.ts';
import { densityFor } from './density.ts';
import { Random } from './random.ts';
import { seedReference } from './reference.ts';
import { RowBuffer } from './row-buffer.ts';
import { seedSessions } from './sessions.ts';
import { allocateSessions, seedSubject } from './subjects.ts';

export const SUBJECTS_PER_SCALE = 200;
export const SESSIONS_PER_SCALE = 2000;
const SEED = 20240108;

export interface SeedOptions {
  /** Multiplies subjects, sessions and everything hanging off them (1 → 200 subjects, 2,000 sessions). */
  scale: number;
  /** Rows buffered before a flush to the sink. */
  chunkSize?: number;
}

/**
 * Fills a sandbox with deterministic demo data: the same scale always yields the same rows
 * (except the salts of the demo accounts' password hashes, drawn once per process). Returns row counts per resource.
 */
export async function seedDemoData(sink: RecordSink, opts: SeedOptions): Promise<Record<string, number>> {
  const scale = Math.max(1, Math.floor(opts.scale));
  await primeDemoHashes();
  const root = new Random(SEED);
  const out = new RowBuffer(sink, opts.chunkSize);
  const ref = seedReference(root.fork('reference'), out);
  await out.flush();

  const subjects = SUBJECTS_PER_SCALE * scale;
  const sessionCounts = allocateSessions(root.fork('allocation'), subjects, SESSIONS_PER_SCALE * scale);
  const density = densityFor(scale);
  const labCounters: number[] = [];
  const subjectStream = root.fork('subjects');
  const sessionStream = root.fork('sessions');
  for (let i = 0; i < subjects; i++) {
    const plan = seedSubject(
      subjectStream.fork(`subject:${i}`),
      ref,
      labCounters,
      sessionCounts[i] ?? 0,
      out,
    );
    seedSessions(sessionStream.fork(`sessions:${i}`), ref, plan, density, out);
    await out.maybeFlush();
  }
  await out.flush();
  return { ...out.counts };
}
