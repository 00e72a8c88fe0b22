import type { ColumnDeclaration, ColumnType, SqlFragment } from '../resources/types.ts';
import type { Model, ModelIndex } from '../db/models.ts';
import { quoteIdent } from '../db/models.ts';
import { detailError, ServerError } from './errors.ts';
import { MAX_RELATION_HOPS } from './lookup-bounds.ts';
import { COMPARATORS, compare, jsonRoot, likeOn, toList, truthy } from './lookup-sql.ts';
import { pyStr } from './lookup-values.ts';

const LOOKUPS = new Set([
  'exact',
  'iexact',
  'contains',
  'icontains',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'isnull',
  'range',
  'regex',
  'iregex',
]);
const JSON_ONLY_LOOKUPS = new Set(['has_key', 'has_keys', 'has_any_keys', 'contained_by']);
const DATE_TRANSFORMS = new Set(['date', 'year', 'month', 'day', 'week_day', 'hour', 'minute']);

const FIELD_CLASS: Record<ColumnType, string> = {
  uuid: 'UUIDField',
  string: 'CharField',
  text: 'TextField',
  integer: 'IntegerField',
  float: 'FloatField',
  boolean: 'BooleanField',
  date: 'DateField',
  datetime: 'DateTimeField',
  json: 'JSONField',
};

interface Reverse {
  model: Model;
  column: ColumnDeclaration;
  kind: 'fk' | 'm2m';
}

/**
 * Compiles Django ORM lookup paths (`session__subject__nickname__icontains`) to a boolean SQL
 * expression over alias `t`, with `$?` placeholders. Relations become EXISTS subqueries, so
 * to-many traversal never duplicates rows (Alyx applies `.distinct()`).
 */
export class LookupCompiler {
  private aliasCount = 0;
  private hops = 0;

  constructor(private readonly models: ModelIndex) {}

  compile(model: Model, path: string, value: unknown, negate = false, alias = 't'): SqlFragment {
    this.hops = 0;
    const fragment = this.path(model, path.split('__'), alias, value);
    return negate ? { sql: `NOT COALESCE((${fragment.sql}), false)`, params: fragment.params } : fragment;
  }

  /** Each relation hop nests a correlated subquery; a long chain multiplies the work per row. */
  private hop(): string {
    this.hops += 1;
    if (this.hops > MAX_RELATION_HOPS)
      throw detailError(400, `Lookup path too long (more than ${MAX_RELATION_HOPS} relations).`);
    return this.nextAlias();
  }

  private nextAlias(): string {
    this.aliasCount += 1;
    return `r${this.aliasCount}`;
  }

  private reverseOf(model: Model, name: string): Reverse | undefined {
    return this.models.referencing(model.name).find((ref) => reverseName(ref.model, ref.column) === name);
  }

  private fieldChoices(model: Model): string {
    const names = new Set<string>([...model.columns.values()].filter((c) => !c.secret).map((c) => c.name));
    for (const ref of this.models.referencing(model.name)) names.add(reverseName(ref.model, ref.column));
    return [...names].sort().join(', ');
  }

  private path(model: Model, segments: string[], alias: string, value: unknown): SqlFragment {
    const [head = '', ...rest] = segments;
    const name = head === 'pk' ? 'id' : head;
    const column = model.columns.get(name);
    // Django admin's DisallowedModelAdminLookup (a SuspiciousOperation, so 400) — Alyx itself
    // lets `django=` reach password hashes; the sandbox refuses (ADR 0011).
    if (column?.secret) throw detailError(400, `Filtering by ${name} not allowed`);
    if (!column && name.endsWith('_id')) {
      const relation = model.columns.get(name.slice(0, -3));
      if (relation?.foreignKey)
        return this.scalar(
          `${alias}.${quoteIdent(relation.name)}`,
          this.relatedPk(relation),
          rest,
          value,
          relation.name,
        );
    }
    if (!column) {
      const reverse = this.reverseOf(model, name);
      if (reverse) return this.reverse(reverse, rest, alias, value);
      throw new ServerError(
        `Cannot resolve keyword '${head}' into field. Choices are: ${this.fieldChoices(model)}`,
      );
    }
    const target = column.foreignKey?.target ?? column.manyToMany?.target;
    if (target) {
      const targetModel = this.models.get(target);
      const [next] = rest;
      const terminal =
        rest.length === 0 ||
        (rest.length === 1 && next !== undefined && LOOKUPS.has(next) && !targetModel?.columns.has(next));
      if (terminal || !targetModel) {
        if (column.manyToMany)
          return this.arrayTerminal(
            `${alias}.${quoteIdent(column.name)}`,
            this.relatedPk(column),
            rest,
            value,
            column.name,
          );
        return this.scalar(
          `${alias}.${quoteIdent(column.name)}`,
          this.relatedPk(column),
          rest,
          value,
          column.name,
        );
      }
      const inner = this.hop();
      const sub = this.path(targetModel, rest, inner, value);
      const join = column.manyToMany
        ? `${inner}.id = ANY(${alias}.${quoteIdent(column.name)})`
        : `${inner}.id = ${alias}.${quoteIdent(column.name)}`;
      return {
        sql: `EXISTS (SELECT 1 FROM ${quoteIdent(targetModel.table)} ${inner} WHERE ${join} AND (${sub.sql}))`,
        params: sub.params,
      };
    }
    if (column.type === 'json') return this.json(`${alias}.${quoteIdent(column.name)}`, rest, value);
    return this.scalar(`${alias}.${quoteIdent(column.name)}`, column.type, rest, value, column.name);
  }

  private relatedPk(column: ColumnDeclaration): ColumnType {
    const target = this.models.get(column.foreignKey?.target ?? column.manyToMany?.target ?? '');
    if (target) return target.resource.primaryKey === 'integer' ? 'integer' : 'uuid';
    return column.type;
  }

  private reverse(reverse: Reverse, rest: string[], alias: string, value: unknown): SqlFragment {
    const inner = this.hop();
    const col = `${inner}.${quoteIdent(reverse.column.name)}`;
    const join = reverse.kind === 'm2m' ? `${alias}.id = ANY(${col})` : `${col} = ${alias}.id`;
    const from = `FROM ${quoteIdent(reverse.model.table)} ${inner} WHERE ${join}`;
    if (rest.length === 1 && rest[0] === 'isnull') {
      return {
        sql: truthy(value) ? `NOT EXISTS (SELECT 1 ${from})` : `EXISTS (SELECT 1 ${from})`,
        params: [],
      };
    }
    const [next] = rest;
    const segments =
      rest.length === 0 ||
      (rest.length === 1 && next !== undefined && LOOKUPS.has(next) && !reverse.model.columns.has(next))
        ? ['id', ...rest]
        : rest;
    const sub = this.path(reverse.model, segments, inner, value);
    return { sql: `EXISTS (SELECT 1 ${from} AND (${sub.sql}))`, params: sub.params };
  }

  /** Lookups on a many-to-many column's own pks (e.g. `projects__in`, `users,<uuid>`). */
  private arrayTerminal(
    expr: string,
    type: ColumnType,
    rest: string[],
    value: unknown,
    fieldName: string,
  ): SqlFragment {
    const lookup = rest[0] ?? 'exact';
    if (lookup === 'isnull') {
      const empty = `(${expr} IS NULL OR cardinality(${expr}) = 0)`;
      return { sql: truthy(value) ? empty : `NOT ${empty}`, params: [] };
    }
    const sub = this.scalar('e.v', type, rest, value, fieldName);
    return { sql: `EXISTS (SELECT 1 FROM unnest(${expr}) AS e(v) WHERE ${sub.sql})`, params: sub.params };
  }

  private scalar(
    expr: string,
    type: ColumnType,
    rest: string[],
    value: unknown,
    fieldName: string,
  ): SqlFragment {
    let sqlExpr = expr;
    let current = type;
    let index = 0;
    while (
      index < rest.length &&
      DATE_TRANSFORMS.has(rest[index] ?? '') &&
      (current === 'datetime' || current === 'date')
    ) {
      const transform = rest[index] as string;
      if (transform === 'date') {
        sqlExpr = `(${sqlExpr})::date`;
        current = 'date';
      } else {
        const part = transform === 'week_day' ? 'DOW' : transform.toUpperCase();
        sqlExpr = `(EXTRACT(${part} FROM ${sqlExpr})${transform === 'week_day' ? ' + 1' : ''})::bigint`;
        current = 'integer';
      }
      index += 1;
    }
    const lookup = rest[index] ?? 'exact';
    if (!LOOKUPS.has(lookup) || rest.length > index + 1) {
      throw new ServerError(
        `Unsupported lookup '${rest.slice(index).join('__')}' for ${FIELD_CLASS[current]} or join on the field not permitted.`,
      );
    }
    return compare(sqlExpr, current, lookup, value, fieldName);
  }

  private json(expr: string, rest: string[], value: unknown): SqlFragment {
    const keys = [...rest];
    let lookup = 'exact';
    const last = keys[keys.length - 1];
    if (last !== undefined && (LOOKUPS.has(last) || JSON_ONLY_LOOKUPS.has(last))) {
      lookup = last;
      keys.pop();
    }
    if (keys.length === 0) return jsonRoot(expr, lookup, value);
    const node = `(${expr} #> $?::text[])`;
    const text = `(${expr} #>> $?::text[])`;
    switch (lookup) {
      case 'exact':
        return { sql: `${node} = $?::jsonb`, params: [keys, JSON.stringify(value ?? null)] };
      case 'isnull': {
        const parent = keys.slice(0, -1);
        const has = `COALESCE((${expr} #> $?::text[]) ? $?, false)`;
        return { sql: truthy(value) ? `NOT ${has}` : has, params: [parent, keys[keys.length - 1]] };
      }
      case 'has_key':
        return { sql: `COALESCE(${node} ? $?, false)`, params: [keys, pyStr(value)] };
      case 'has_keys':
      case 'has_any_keys':
        return {
          sql: `COALESCE(${node} ${lookup === 'has_keys' ? '?&' : '?|'} $?::text[], false)`,
          params: [keys, toList(value).map(pyStr)],
        };
      case 'in':
        return {
          sql: `${node} IN (SELECT jsonb_array_elements($?::jsonb))`,
          params: [keys, JSON.stringify(toList(value))],
        };
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return { sql: `${node} ${COMPARATORS[lookup]} $?::jsonb`, params: [keys, JSON.stringify(value)] };
      case 'range': {
        const [low, high] = toList(value);
        return {
          sql: `${node} BETWEEN $?::jsonb AND $?::jsonb`,
          params: [keys, JSON.stringify(low), JSON.stringify(high)],
        };
      }
      case 'contains':
        if (typeof value === 'object' && value !== null)
          return { sql: `${node} @> $?::jsonb`, params: [keys, JSON.stringify(value)] };
        return likeOn(text, 'contains', value, [keys]);
      case 'contained_by':
        return { sql: `${node} <@ $?::jsonb`, params: [keys, JSON.stringify(value)] };
      default: {
        const textual = compare(text, 'text', lookup, value, keys.join('__'));
        return { sql: textual.sql, params: [keys, ...textual.params] };
      }
    }
  }
}

function reverseName(model: Model, column: ColumnDeclaration): string {
  return column.relatedName ?? model.resource.modelLabel.split('.').pop() ?? model.name;
}
