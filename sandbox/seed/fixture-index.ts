import type { ResourceDeclaration } from '../resources/types.ts';
import type { DumpObject } from './dump-reader.ts';

/**
 * Alyx models the sandbox has no endpoint for, whose rows are folded into a string column of
 * another resource (subject species, strain, line…): the field of the row that becomes the string.
 */
const LABEL_MODELS: Record<string, string> = {
  'subjects.species': 'nickname',
  'subjects.strain': 'name',
  'subjects.line': 'name',
  'subjects.litter': 'name',
  'subjects.source': 'name',
  'subjects.allele': 'nickname',
  'experiments.probemodel': 'probe_model',
  'experiments.coordinatesystem': 'name',
  'actions.cullreason': 'name',
  'actions.cullmethod': 'name',
};

/** What the first pass over a dump learns: which rows exist, and the labels of folded models. */
export class FixtureIndex {
  /** Resource by Django model label. */
  readonly resourceOf = new Map<string, ResourceDeclaration>();
  /** pks present in the dump, per resource. */
  readonly pks = new Map<string, Set<string>>();
  /** Display string of rows of LABEL_MODELS, by pk. */
  readonly labels = new Map<string, string>();
  /** `subjects.zygosity` rows folded into `subjects.genotype`. */
  readonly genotypes = new Map<string, { allele: string; zygosity: number }[]>();
  /** `misc.labmembership` rows folded into `users.lab`. */
  readonly memberships = new Map<string, string[]>();
  /** `contenttypes.contenttype` pk → `app.model`, for note content types dumped as integers. */
  readonly contentTypes = new Map<string, string>();
  private readonly zygosities: { subject: string; allele: string; zygosity: number }[] = [];

  constructor(resources: readonly ResourceDeclaration[]) {
    for (const resource of resources) {
      // Several endpoints may show one model (views like water-restricted subjects): the table is the widest.
      const seen = this.resourceOf.get(resource.modelLabel);
      if (resource.columns.length > (seen?.columns.length ?? 0))
        this.resourceOf.set(resource.modelLabel, resource);
    }
  }

  /** Whether a row is consumed by folding rather than loaded. */
  isFolded(model: string): boolean {
    return (
      model in LABEL_MODELS ||
      model === 'subjects.zygosity' ||
      model === 'misc.labmembership' ||
      model === 'contenttypes.contenttype'
    );
  }

  observe(obj: DumpObject): void {
    const resource = this.resourceOf.get(obj.model);
    if (resource) {
      let set = this.pks.get(resource.name);
      if (!set) {
        set = new Set();
        this.pks.set(resource.name, set);
      }
      set.add(String(obj.pk));
    }
    const labelField = LABEL_MODELS[obj.model];
    if (labelField) {
      const label = obj.fields[labelField] ?? obj.fields.name;
      if (typeof label === 'string' && label !== '') this.labels.set(String(obj.pk), label);
    }
    const f = obj.fields;
    if (obj.model === 'subjects.zygosity' && typeof f.subject === 'string' && typeof f.allele === 'string') {
      this.zygosities.push({ subject: f.subject, allele: f.allele, zygosity: Number(f.zygosity) });
    }
    if (
      obj.model === 'misc.labmembership' &&
      typeof f.user === 'string' &&
      typeof f.lab === 'string' &&
      !f.end_date
    ) {
      this.memberships.set(f.user, [...(this.memberships.get(f.user) ?? []), f.lab]);
    }
    if (
      obj.model === 'contenttypes.contenttype' &&
      typeof f.app_label === 'string' &&
      typeof f.model === 'string'
    ) {
      this.contentTypes.set(String(obj.pk), `${f.app_label}.${f.model}`);
    }
  }

  /** Called after the first pass: alleles are labelled only once all rows are seen. */
  finish(): void {
    for (const z of this.zygosities) {
      const list = this.genotypes.get(z.subject) ?? [];
      list.push({ allele: this.labels.get(z.allele) ?? z.allele, zygosity: z.zygosity });
      this.genotypes.set(z.subject, list);
    }
    this.zygosities.length = 0;
  }

  has(resource: string, pk: unknown): boolean {
    return pk !== null && pk !== undefined && (this.pks.get(resource)?.has(String(pk)) ?? false);
  }
}
