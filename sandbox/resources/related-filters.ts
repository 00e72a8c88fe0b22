import { checkPatternLength } from '../http/lookup-bounds.ts';
import { QC_CHOICES, choiceValue } from './choices.ts';
import { splitComma, table } from './sql.ts';
import type { FilterDeclaration, FilterHelpers, SqlFragment } from './types.ts';

/**
 * Custom filters shared by sessions and insertions. `scope` is an SQL condition tying a dataset
 * `d` to the filtered row `t` (the session's datasets, or the insertion's).
 */
const EXISTING_FILE = `EXISTS (SELECT 1 FROM ${table('files')} f JOIN ${table('data-repository')} r ON r.id = f.data_repository
  WHERE f.dataset = d.id AND f.exists AND NOT COALESCE(r.globus_is_personal, FALSE))`;

export function qcValue(input: string, parameter = 'qc'): number {
  const value = choiceValue(QC_CHOICES, input);
  // Alyx raises inside the filter method (a 500), with this exact text — missing space included.
  if (value === undefined)
    throw new Error(`Invalid${parameter}, choices are: ${QC_CHOICES.map((c) => c.label).join(', ')}`);
  return Number(value);
}

export function datasetFilters(scope: string): FilterDeclaration[] {
  return [
    {
      name: 'dataset_types',
      type: 'string',
      description: 'Comma-separated dataset type names; all must be present.',
      kind: {
        kind: 'custom',
        build: (value) =>
          allOf(
            splitComma(value),
            () =>
              `EXISTS (SELECT 1 FROM ${table('datasets')} d JOIN ${table('dataset-types')} dt ON dt.id = d.dataset_type WHERE ${scope} AND dt.name = $?)`,
          ),
      },
    },
    {
      name: 'datasets',
      type: 'string',
      description:
        'Comma-separated dataset names; all must be present with QC at most `dataset_qc_lte` (default FAIL) and an existing file on a non-personal repository.',
      kind: {
        kind: 'custom',
        build: (value, helpers) => {
          const qc = qcFrom(helpers);
          const names = splitComma(value);
          const parts = names.map(
            () =>
              `EXISTS (SELECT 1 FROM ${table('datasets')} d WHERE ${scope} AND d.name = $? AND d.qc <= $? AND ${EXISTING_FILE})`,
          );
          return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params: names.flatMap((n) => [n, qc]) };
        },
      },
    },
    {
      name: 'dataset_qc_lte',
      type: 'string',
      description:
        'QC name or integer; with `datasets`, bounds their QC; alone, keeps rows having a dataset at or below it.',
      kind: {
        kind: 'custom',
        build: (value, helpers) => {
          if (helpers.searchParams?.get('datasets')) return { sql: 'TRUE', params: [] };
          const qc = /^\d+$/.test(value.trim()) ? Number(value) : qcValue(value, 'dataset_qc_lte');
          return {
            sql: `EXISTS (SELECT 1 FROM ${table('datasets')} d WHERE ${scope} AND d.qc <= $?)`,
            params: [qc],
          };
        },
      },
    },
    {
      name: 'tag',
      type: 'string',
      description: 'Dataset tag name (icontains).',
      kind: {
        kind: 'custom',
        build: (value) => ({
          sql: `EXISTS (SELECT 1 FROM ${table('datasets')} d JOIN ${table('tags')} tg ON tg.id = ANY(d.tags) WHERE ${scope} AND tg.name ILIKE $?)`,
          params: [`%${escapeLike(checkedPattern(value))}%`],
        }),
      },
    },
  ];
}

function qcFrom(helpers: FilterHelpers): number {
  const raw = helpers.searchParams?.get('dataset_qc_lte');
  if (!raw) return 40;
  return /^\d+$/.test(raw.trim()) ? Number(raw) : qcValue(raw, 'dataset_qc_lte');
}

function allOf(values: string[], clause: () => string): SqlFragment {
  if (values.length === 0) return { sql: 'TRUE', params: [] };
  return { sql: values.map(() => clause()).join(' AND '), params: values };
}

function checkedPattern(value: string): string {
  checkPatternLength(value);
  return value;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `atlas_name` / `atlas_acronym` / `atlas_id`: rows with a channel in the region or any of its
 * descendants. `channelScope` ties a channel `c` (joined to its trajectory `tr`) to `t`.
 */
export function atlasFilters(channelScope: string): FilterDeclaration[] {
  const build =
    (match: string, param: (v: string) => unknown) =>
    (value: string): SqlFragment => ({
      sql: `EXISTS (WITH RECURSIVE region(id) AS (
        SELECT b.id FROM ${table('brain-regions')} b WHERE ${match}
        UNION SELECT b.id FROM ${table('brain-regions')} b JOIN region ON b.parent = region.id)
      SELECT 1 FROM ${table('channels')} c JOIN ${table('trajectories')} tr ON tr.id = c.trajectory_estimate
      WHERE ${channelScope} AND c.brain_region IN (SELECT id FROM region))`,
      params: [param(value)],
    });
  return [
    {
      name: 'atlas_acronym',
      type: 'string',
      kind: { kind: 'custom', build: build('lower(b.acronym) = lower($?)', (v) => v) },
    },
    {
      name: 'atlas_id',
      type: 'number',
      kind: { kind: 'custom', build: build('b.id = $?', (v) => Math.trunc(Number(v))) },
    },
    {
      name: 'atlas_name',
      type: 'string',
      kind: { kind: 'custom', build: build('b.name ILIKE $?', (v) => `%${escapeLike(checkedPattern(v))}%`) },
    },
  ];
}
