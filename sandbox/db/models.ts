import type { ColumnDeclaration, ResourceDeclaration } from '../resources/types.ts';

/** A resource with its storage facts resolved: table name, columns by name, the pk column. */
export interface Model {
  readonly resource: ResourceDeclaration;
  readonly name: string;
  readonly table: string;
  /** Stored columns including the synthetic `id` pk. */
  readonly columns: ReadonlyMap<string, ColumnDeclaration>;
  readonly pk: ColumnDeclaration;
}

/** A column of another model pointing at this one (for reverse traversal and onDelete). */
export interface Reference {
  readonly model: Model;
  readonly column: ColumnDeclaration;
  readonly kind: 'fk' | 'm2m';
}

export function tableName(resource: string): string {
  return resource.replace(/-/g, '_');
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** All declared models, indexed; built once per sandbox. */
export class ModelIndex {
  private readonly byName = new Map<string, Model>();

  constructor(resources: readonly ResourceDeclaration[]) {
    for (const resource of resources) {
      const pk: ColumnDeclaration = {
        name: 'id',
        type: resource.primaryKey === 'integer' ? 'integer' : 'uuid',
      };
      const columns = new Map<string, ColumnDeclaration>([['id', pk]]);
      for (const column of resource.columns) if (column.name !== 'id') columns.set(column.name, column);
      this.byName.set(resource.name, {
        resource,
        name: resource.name,
        table: tableName(resource.name),
        columns,
        pk,
      });
    }
  }

  get(name: string): Model | undefined {
    return this.byName.get(name);
  }

  require(name: string): Model {
    const model = this.byName.get(name);
    if (!model) throw new Error(`Unknown resource "${name}"`);
    return model;
  }

  all(): Model[] {
    return [...this.byName.values()];
  }

  /** Columns of every model that hold pks of `target`. */
  referencing(target: string): Reference[] {
    const out: Reference[] = [];
    for (const model of this.byName.values()) {
      for (const column of model.columns.values()) {
        if (column.foreignKey?.target === target) out.push({ model, column, kind: 'fk' });
        else if (column.manyToMany?.target === target) out.push({ model, column, kind: 'm2m' });
      }
    }
    return out;
  }

  /** SQL scalar type of a model's pk (what FK columns pointing at it store). */
  pkSqlType(name: string): string {
    return this.get(name)?.resource.primaryKey === 'integer' ? 'bigint' : 'uuid';
  }

  /** SQL type of a stored column: relations take the type of the target pk. */
  sqlType(column: ColumnDeclaration): string {
    if (column.foreignKey)
      return this.get(column.foreignKey.target)
        ? this.pkSqlType(column.foreignKey.target)
        : scalarSqlType(column);
    if (column.manyToMany)
      return `${this.get(column.manyToMany.target) ? this.pkSqlType(column.manyToMany.target) : scalarSqlType(column)}[]`;
    return scalarSqlType(column);
  }
}

export function scalarSqlType(column: Pick<ColumnDeclaration, 'type'>): string {
  switch (column.type) {
    case 'uuid':
      return 'uuid';
    case 'string':
    case 'text':
      return 'text';
    case 'integer':
      return 'bigint';
    case 'float':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp';
    case 'json':
      return 'jsonb';
  }
}
