import type { ColumnDeclaration, FilterDeclaration, FilterHelpers, SqlFragment } from '../resources/types.ts';
import type { Model, ModelIndex } from '../db/models.ts';
import { parseDjangoPairs } from './django-parser.ts';
import type { ApiError } from './errors.ts';
import { ServerError, validationError } from './errors.ts';
import { LookupCompiler } from './lookup.ts';
import { DATETIME_RE, isValidDate, normalizeUuid } from './lookup-values.ts';

type LookupKind = Extract<FilterDeclaration['kind'], { kind: 'lookup' }>;

/** Follows FK/m2m hops of a django path to the column it ends on (ignoring a trailing lookup). */
export function resolveColumn(models: ModelIndex, model: Model, path: string): ColumnDeclaration | undefined {
  let current: Model | undefined = model;
  let column: ColumnDeclaration | undefined;
  for (const segment of path.split('__')) {
    if (!current) return column;
    const next: ColumnDeclaration | undefined = current.columns.get(segment === 'pk' ? 'id' : segment);
    if (!next) return column;
    column = next;
    const target: string | undefined = next.foreignKey?.target ?? next.manyToMany?.target;
    current = target ? models.get(target) : undefined;
  }
  return column;
}

function invalid(name: string, message: string): ApiError {
  return validationError({ [name]: [message] });
}

/** django-filter form-field cleaning of one raw value, by the declared filter type. */
function cleanValue(filter: FilterDeclaration, raw: string): unknown {
  const name = filter.name;
  switch (filter.type) {
    case 'uuid': {
      const uuid = normalizeUuid(raw);
      if (!uuid) throw invalid(name, 'Enter a valid UUID.');
      return uuid;
    }
    case 'integer': {
      if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw invalid(name, 'Enter a whole number.');
      const number = Number(raw);
      if (filter.choices && !filter.choices.map(String).includes(String(number))) {
        throw invalid(name, `Select a valid choice. ${raw} is not one of the available choices.`);
      }
      return number;
    }
    case 'number': {
      const number = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(number)) throw invalid(name, 'Enter a number.');
      return number;
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      return undefined;
    }
    case 'date':
      if (!isValidDate(raw.trim())) throw invalid(name, 'Enter a valid date.');
      return raw.trim();
    case 'datetime':
      if (!DATETIME_RE.test(raw.trim())) throw invalid(name, 'Enter a valid date/time.');
      return raw.trim();
    default:
      if (filter.choices && filter.choices.length > 0 && !filter.choices.map(String).includes(raw)) {
        throw invalid(name, `Select a valid choice. ${raw} is not one of the available choices.`);
      }
      return raw;
  }
}

function and(fragments: SqlFragment[]): SqlFragment {
  if (fragments.length === 0) return { sql: 'true', params: [] };
  return {
    sql: fragments.map((f) => `(${f.sql})`).join(' AND '),
    params: fragments.flatMap((f) => f.params),
  };
}

function or(fragments: SqlFragment[]): SqlFragment {
  if (fragments.length === 0) return { sql: 'false', params: [] };
  return { sql: fragments.map((f) => `(${f.sql})`).join(' OR '), params: fragments.flatMap((f) => f.params) };
}

export class FilterCompiler {
  private readonly compiler: LookupCompiler;

  constructor(
    private readonly models: ModelIndex,
    private readonly model: Model,
  ) {
    this.compiler = new LookupCompiler(models);
  }

  readonly helpers: FilterHelpers = {
    lookup: (path, value, negate) => this.compiler.compile(this.model, path, value, negate),
  };

  /** WHERE fragments for the declared filters present (non-empty) in `params`. */
  compile(params: URLSearchParams): SqlFragment[] {
    const out: SqlFragment[] = [];
    // Some Alyx filters read a sibling parameter (`datasets` honours `dataset_qc_lte`).
    this.helpers.searchParams = params;
    for (const filter of this.model.resource.filters) {
      const values = params.getAll(filter.name).filter((v) => v !== '');
      const raw = values[values.length - 1];
      if (raw === undefined) continue;
      const fragment = this.one(filter, raw, values);
      if (fragment) out.push(fragment);
    }
    return out;
  }

  private one(filter: FilterDeclaration, raw: string, all: string[]): SqlFragment | undefined {
    const kind = filter.kind;
    switch (kind.kind) {
      case 'lookup':
        return this.lookupFilter(filter, kind, raw, all);
      case 'django':
        return and(parseDjangoPairs(raw).map((p) => this.helpers.lookup(p.field, p.value, p.negate)));
      case 'json':
        return and(
          parseDjangoPairs(raw).map((p) =>
            this.helpers.lookup(`${kind.field}__${p.field}`, p.value, p.negate),
          ),
        );
      case 'date_range': {
        const dates = raw.split(',');
        if (dates.length < 2) throw new ServerError('list index out of range');
        const column = resolveColumn(this.models, this.model, kind.field);
        const path =
          column?.type === 'datetime' && !kind.field.endsWith('__date') ? `${kind.field}__date` : kind.field;
        return and([
          this.helpers.lookup(`${path}__gte`, dates[0]),
          this.helpers.lookup(`${path}__lte`, dates[1]),
        ]);
      }
      case 'custom':
        return kind.build(raw, this.helpers);
    }
  }

  private lookupFilter(
    filter: FilterDeclaration,
    kind: LookupKind,
    raw: string,
    all: string[],
  ): SqlFragment | undefined {
    const lookup = kind.lookup ?? 'exact';
    const path = `${kind.field}__${lookup}`;
    if (filter.type === 'array') {
      const items = (kind.commaList ? raw.split(',') : all).map((item) => this.arrayItem(filter, item));
      if (kind.all) return and(items.map((item) => this.helpers.lookup(`${kind.field}__exact`, item)));
      return lookup === 'in'
        ? this.helpers.lookup(path, items)
        : or(items.map((item) => this.helpers.lookup(path, item)));
    }
    if (kind.commaList) {
      const items = raw.split(',').map((item) => this.labelOrValue(filter, kind, cleanValue(filter, item)));
      if (lookup === 'in') return this.helpers.lookup(path, items);
      const fragments = items.map((item) => this.helpers.lookup(path, item));
      return kind.all ? and(fragments) : or(fragments);
    }
    const value = cleanValue(filter, raw);
    if (value === undefined) return undefined;
    return this.helpers.lookup(path, this.labelOrValue(filter, kind, value));
  }

  private arrayItem(filter: FilterDeclaration, item: string): unknown {
    if (filter.items === 'uuid') {
      const uuid = normalizeUuid(item);
      if (!uuid) throw invalid(filter.name, `“${item}” is not a valid value.`);
      return uuid;
    }
    return item;
  }

  /** Alyx `enum_field_filter`: integer choice columns are filtered by label, case-insensitively. */
  private labelOrValue(filter: FilterDeclaration, kind: LookupKind, value: unknown): unknown {
    if (typeof value !== 'string') return value;
    const column = resolveColumn(this.models, this.model, kind.field);
    const choices = column?.choices;
    if (!choices || !choices.every((c) => typeof c.value === 'number')) return value;
    const match = choices.find((c) => c.label.toLowerCase() === value.toLowerCase());
    if (!match)
      throw new ServerError(`Invalid${filter.name}, choices are: ${choices.map((c) => c.label).join(', ')}`);
    return match.value;
  }
}

/** Numbers the `$?` placeholders of fragments joined with AND, starting after `offset` params. */
export function numberPlaceholders(fragment: SqlFragment, offset = 0): { sql: string; params: unknown[] } {
  let index = offset;
  const sql = fragment.sql.replace(/\$\?/g, () => {
    index += 1;
    return `$${index}`;
  });
  if (index - offset !== fragment.params.length) {
    throw new Error(
      `Filter SQL has ${index - offset} placeholders for ${fragment.params.length} params: ${fragment.sql}`,
    );
  }
  return { sql, params: fragment.params };
}

export { and as andFragments };
