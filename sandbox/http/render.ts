import type { ColumnDeclaration, RenderContext, SerializerField, StoredRow } from '../resources/types.ts';
import type { Queryable } from '../db/database.ts';
import type { Model, ModelIndex } from '../db/models.ts';
import { quoteIdent } from '../db/models.ts';

/** Django's `reverse()` keeps RFC 3986 sub-delims and `/~:@` literal in path arguments. */
export function quotePathSegment(value: string): string {
  return encodeURIComponent(value).replace(
    /%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40|7E)/gi,
    (_, hex: string) => String.fromCharCode(parseInt(hex, 16)),
  );
}

export function serializerFor(model: Model, view: 'list' | 'detail' | 'create') {
  const { serializers } = model.resource;
  if (view === 'create') return serializers.create ?? serializers.detail ?? serializers.list;
  return view === 'detail' ? (serializers.detail ?? serializers.list) : serializers.list;
}

/**
 * Renders stored rows with a serializer. Related rows are loaded once per page and resource
 * (no query per row), and computed fields get a RenderContext bound to the same connection.
 */
export class Renderer {
  private readonly cache = new Map<string, Map<string, StoredRow>>();
  readonly ctx: RenderContext;

  constructor(
    private readonly models: ModelIndex,
    private readonly db: Queryable,
    readonly baseUrl: string,
  ) {
    this.ctx = {
      baseUrl,
      query: <T>(sql: string, params?: unknown[]) => this.db.query<T>(sql, params ?? []),
      detailUrl: (resource, row) => this.detailUrl(resource, row),
      render: (resource, rows, view) => this.render(resource, rows, view),
    };
  }

  detailUrl(resource: string, row: StoredRow): string {
    const model = this.models.get(resource);
    const lookup = model?.resource.lookupField ?? 'id';
    const value = row[lookup] ?? row.id;
    return `${this.baseUrl}/${resource}/${quotePathSegment(String(value))}`;
  }

  async render(
    resource: string,
    rows: readonly StoredRow[],
    view: 'list' | 'detail' | 'create',
  ): Promise<Record<string, unknown>[]> {
    const model = this.models.require(resource);
    const serializer = serializerFor(model, view);
    const out: Record<string, unknown>[] = rows.map(() => ({}));
    for (const field of serializer.fields) {
      if (field.writeOnly) continue;
      const values = await this.fieldValues(model, field, rows);
      values.forEach((value, i) => {
        (out[i] as Record<string, unknown>)[field.name] = value;
      });
    }
    return out;
  }

  private async fieldValues(
    model: Model,
    field: SerializerField,
    rows: readonly StoredRow[],
  ): Promise<unknown[]> {
    if (field.computeMany) return field.computeMany(rows, this.ctx);
    if (field.compute) {
      const compute = field.compute;
      const values: unknown[] = [];
      for (const row of rows) values.push(await compute(row, this.ctx));
      return values;
    }
    const source = field.source ?? field.name;
    if (!source.includes('.') && !model.columns.has(source)) {
      if (field.name === 'url' && field.type === 'uri')
        return rows.map((row) => this.detailUrl(model.name, row));
      return rows.map(() => null);
    }
    const { column, values } = await this.followSource(model, source, rows);
    if (!column) return values.map(() => null);
    return this.format(column, field, values);
  }

  /** Resolves a (possibly dotted, FK-following) source to the final column and its raw values. */
  private async followSource(model: Model, source: string, rows: readonly StoredRow[]) {
    const segments = source.split('.');
    let owner: Model | undefined = model;
    let current: (StoredRow | undefined)[] = [...rows];
    for (const [index, segment] of segments.slice(0, -1).entries()) {
      const column: ColumnDeclaration | undefined = owner?.columns.get(segment);
      const target: Model | undefined = column?.foreignKey
        ? this.models.get(column.foreignKey.target)
        : undefined;
      if (!target) return { column: undefined, values: current.map(() => null) };
      const ids = current.map((row) => row?.[segment]);
      const loaded = await this.load(target, ids, segments[index + 1] as string);
      current = ids.map((id) => (id === null || id === undefined ? undefined : loaded.get(String(id))));
      owner = target;
    }
    const last = segments[segments.length - 1] as string;
    return { column: owner?.columns.get(last), values: current.map((row) => row?.[last] ?? null) };
  }

  private async format(
    column: ColumnDeclaration,
    field: SerializerField,
    values: unknown[],
  ): Promise<unknown[]> {
    const targetName = column.foreignKey?.target ?? column.manyToMany?.target;
    const relation = field.relation;
    if (targetName && relation && relation.kind !== 'pk') {
      const target = this.models.get(targetName);
      if (!target) return values;
      const ids = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
      const lookupField = target.resource.lookupField ?? 'id';
      const shown = relation.kind === 'slug' ? relation.slugField : lookupField;
      const loaded = shown !== 'id' ? await this.load(target, ids, shown) : new Map<string, StoredRow>();
      const one = (id: unknown): unknown => {
        if (id === null || id === undefined) return null;
        const row = loaded.get(String(id));
        if (relation.kind === 'slug') return row ? (row[relation.slugField] ?? null) : null;
        return this.detailUrl(targetName, row ?? ({ id } as StoredRow));
      };
      return values.map((v) => (Array.isArray(v) ? v.map(one) : column.manyToMany ? [] : one(v)));
    }
    if (column.manyToMany) return values.map((v) => (Array.isArray(v) ? v : []));
    if (column.choices && field.choiceRepresentation === 'label') {
      const labels = new Map(column.choices.map((c) => [String(c.value), c.label]));
      return values.map((v) => (v === null ? null : (labels.get(String(v)) ?? v)));
    }
    return values;
  }

  /**
   * Loads `column` (and the pk) of rows of `model` by pk, memoised for the lifetime of this
   * renderer (one request). Only the column shown is read: a page of 250 sessions links ~100
   * subjects at lab scale, and their whole rows were most of that request's database time.
   */
  async load(model: Model, ids: readonly unknown[], column: string): Promise<Map<string, StoredRow>> {
    const read = column !== 'id' && model.columns.has(column) ? ['id', column] : ['id'];
    const key = `${model.name}.${read.at(-1)}`;
    const cache = this.cache.get(key) ?? new Map<string, StoredRow>();
    this.cache.set(key, cache);
    const missing = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(String))].filter(
      (id) => !cache.has(id),
    );
    if (missing.length > 0) {
      const cast = model.resource.primaryKey === 'integer' ? 'bigint' : 'uuid';
      const found = await this.db.query<StoredRow>(
        `SELECT ${read.map(quoteIdent).join(', ')} FROM ${quoteIdent(model.table)} WHERE id = ANY($1::${cast}[])`,
        [missing.map((id) => (cast === 'bigint' ? Number(id) : id))],
      );
      for (const row of found) cache.set(String(row.id), row);
    }
    return cache;
  }
}
