import type { RecordSink, ResourceDeclaration, StoredRow } from '../resources/types.ts';

/**
 * A RecordSink that checks what it receives against the declarations: every FK and m2m value
 * must point at a row inserted earlier (or earlier in the same batch, for self references), and
 * every key must be a declared column. Counts rows; keeps none, so it can watch a large seed.
 */
export class CheckingSink implements RecordSink {
  readonly counts = new Map<string, number>();
  readonly problems: string[] = [];
  /** Resources written that have no declaration (not checked, only counted). */
  readonly undeclared = new Set<string>();
  private readonly pks = new Map<string, Set<string>>();
  private readonly byName: Map<string, ResourceDeclaration>;

  constructor(
    resources: readonly ResourceDeclaration[],
    private readonly maxProblems = 20,
  ) {
    this.byName = new Map(resources.map((r) => [r.name, r]));
  }

  private report(problem: string): void {
    if (this.problems.length < this.maxProblems && !this.problems.includes(problem))
      this.problems.push(problem);
  }

  private exists(resource: string, value: unknown): boolean {
    return this.pks.get(resource)?.has(String(value)) ?? false;
  }

  insertMany(resource: string, rows: readonly StoredRow[]): Promise<void> {
    this.counts.set(resource, (this.counts.get(resource) ?? 0) + rows.length);
    let own = this.pks.get(resource);
    if (!own) {
      own = new Set();
      this.pks.set(resource, own);
    }
    const declaration = this.byName.get(resource);
    if (!declaration) {
      this.undeclared.add(resource);
      for (const row of rows) own.add(String(row.id));
      return Promise.resolve();
    }
    const columns = new Map(declaration.columns.map((c) => [c.name, c]));
    for (const row of rows) {
      if (own.has(String(row.id))) this.report(`${resource}: duplicate id ${String(row.id)}`);
      own.add(String(row.id));
    }
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) {
        if (key === 'id') continue;
        const column = columns.get(key);
        if (!column) {
          this.report(`${resource}.${key}: not a declared column`);
          continue;
        }
        const fkTarget = column.foreignKey?.target;
        if (fkTarget && value !== null && value !== undefined && !this.exists(fkTarget, value)) {
          this.report(`${resource}.${key}: ${String(value)} not in ${fkTarget} (row ${String(row.id)})`);
        }
        const m2mTarget = column.manyToMany?.target;
        if (m2mTarget) {
          if (!Array.isArray(value)) this.report(`${resource}.${key}: not an array`);
          else
            for (const v of value as unknown[])
              if (!this.exists(m2mTarget, v))
                this.report(`${resource}.${key}: ${String(v)} not in ${m2mTarget}`);
        }
        if (
          column.choices &&
          value !== null &&
          value !== undefined &&
          !(column.blank && value === '') &&
          !column.choices.some((c) => c.value === value)
        ) {
          this.report(`${resource}.${key}: ${String(value)} is not a declared choice`);
        }
        if (value === null && column.nullable !== true && !column.foreignKey)
          this.report(`${resource}.${key}: null in a non-nullable column`);
      }
    }
    return Promise.resolve();
  }

  has(resource: string, pk: unknown): boolean {
    return this.exists(resource, pk);
  }
}
