import type { RecordSink, StoredRow } from '../resources/types.ts';

/**
 * Insertion order of the seeded resources: every row's references point to resources earlier in
 * the list (or to rows earlier in the same batch), so flushing in this order keeps integrity.
 */
export const SEED_ORDER = [
  'data-repository-type',
  'data-repository',
  'labs',
  'users',
  'projects',
  'locations',
  'procedures',
  'water-type',
  'data-formats',
  'dataset-types',
  'revisions',
  'tags',
  'brain-regions',
  'subjects',
  'surgeries',
  'water-restriction',
  'sessions',
  'weighings',
  'water-administrations',
  'datasets',
  'files',
  'insertions',
  'trajectories',
  'channels',
  'tasks',
  'notes',
] as const;

export type SeedResource = (typeof SEED_ORDER)[number];

/**
 * Collects generated rows and hands them to the sink in dependency order whenever enough have
 * piled up, so generating a million datasets never holds more than one chunk in memory.
 */
export class RowBuffer {
  private readonly rows = new Map<SeedResource, StoredRow[]>();
  private pending = 0;
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly sink: RecordSink,
    private readonly chunkSize = 20_000,
  ) {}

  add(resource: SeedResource, row: StoredRow): void {
    let list = this.rows.get(resource);
    if (!list) {
      list = [];
      this.rows.set(resource, list);
    }
    list.push(row);
    this.pending++;
    this.counts[resource] = (this.counts[resource] ?? 0) + 1;
  }

  async maybeFlush(): Promise<void> {
    if (this.pending >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    for (const resource of SEED_ORDER) {
      const list = this.rows.get(resource);
      if (!list || list.length === 0) continue;
      this.rows.set(resource, []);
      await this.sink.insertMany(resource, list);
    }
    this.pending = 0;
  }
}
