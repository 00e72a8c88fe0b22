import { queryOptions } from '@tanstack/react-query';
import type { Page } from '../http/client.ts';
import type { InstanceConfig } from '../instances.ts';
import { listQuery, type AlyxRecord } from './record-queries.ts';
import { describeOption } from './suggestion-descriptions.ts';

/** One value a picker offers, with what it is (`lab · sex · birth date` for a subject). */
export interface Suggestion {
  value: string;
  description: string;
}

const SUGGESTIONS = 50;
const WHOLE_LIST = 1000;

/**
 * Values Alyx's `django=` parser does not keep as strings (REST-CONVENTIONS §4.2): digit strings
 * become floats (so `0160` matches nothing), `true`/`false`/`None` become Python values, and
 * `[…]`/`(…)` are evaluated. Number-like text is matched widely, to be safe on any Alyx version.
 */
const CONVERTED =
  /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|true|false|none|nan|[+-]?inf(?:inity)?|[[(].*)$/i;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * A `django=` pair matching values of `field` that contain `text`, case-insensitively. Where
 * Alyx would convert the text, an `iregex` whose value starts with `.*` stays a string and
 * means the same (on real Alyx and on the sandbox).
 */
function containsLookup(field: string, text: string): string {
  return CONVERTED.test(text) ? `${field}__iregex,.*${escapeRegex(text)}` : `${field}__icontains,${text}`;
}

/** The distinct values of `field` in a page of `endpoint` (filtered here when the server could not search). */
export function suggestionsOf(
  page: Page<AlyxRecord>,
  endpoint: string,
  field: string,
  text: string,
  searchedOnServer: boolean,
): Suggestion[] {
  const described = new Map<string, string>();
  for (const row of page.results) {
    const value = row[field];
    if (typeof value === 'string' && value && !described.has(value)) {
      described.set(value, describeOption(endpoint, row, field));
    }
  }
  const needle = text.toLowerCase();
  return [...described.keys()]
    .filter((value) => searchedOnServer || !needle || value.toLowerCase().includes(needle))
    .sort()
    .slice(0, 200)
    .map((value) => ({ value, description: described.get(value) ?? '' }));
}

/**
 * The values a relation picker offers: searched on the server where the endpoint takes `django=`
 * (subjects can be thousands), else the whole (small) list filtered here. Commas cannot be
 * expressed in a `django=` value, so they are dropped from what is searched.
 */
export function suggestionsQuery(
  instance: InstanceConfig,
  endpoint: string,
  field: string,
  typed: string,
  searchable: boolean,
) {
  const text = typed.replace(/,/g, '').trim();
  const params = searchable
    ? { limit: SUGGESTIONS, ...(text ? { django: containsLookup(field, text) } : {}) }
    : { limit: WHOLE_LIST };
  const list = listQuery(instance, endpoint, params);
  return queryOptions({
    ...list,
    select: (page: Page<AlyxRecord>): Suggestion[] => suggestionsOf(page, endpoint, field, text, searchable),
    staleTime: 5 * 60_000,
  });
}
