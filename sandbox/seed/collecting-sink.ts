import type { RecordSink, StoredRow } from '../resources/types.ts';

/** An in-memory RecordSink: keeps every row (or only counts), for tests and dry runs. */
export class CollectingSink implements RecordSink {
  readonly rows = new Map<string, StoredRow[]>();
  readonly counts = new Map<string, number>();
  /** Resources in the order of their first insert. */
  readonly order: string[] = [];

  constructor(private readonly keepRows = true) {}

  insertMany(resource: string, rows: readonly StoredRow[]): Promise<void> {
    if (!this.counts.has(resource)) this.order.push(resource);
    this.counts.set(resource, (this.counts.get(resource) ?? 0) + rows.length);
    if (this.keepRows) {
      const list = this.rows.get(resource) ?? [];
      for (const row of rows) list.push(row);
      this.rows.set(resource, list);
    }
    return Promise.resolve();
  }

  get(resource: string): StoredRow[] {
    return this.rows.get(resource) ?? [];
  }
}
