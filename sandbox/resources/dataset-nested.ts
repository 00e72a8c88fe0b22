import { QC_CHOICES, choiceLabel } from './choices.ts';
import { groupBy, idArraySql, idsParam, num, table } from './sql.ts';
import type { RenderContext, StoredRow } from './types.ts';

/** ONE's `add_uuid_string`: `alf/spikes.times.npy` → `alf/spikes.times.<uuid>.npy`. */
export function addUuidString(relativePath: string, uuid: string): string {
  const slash = relativePath.lastIndexOf('/');
  const dot = relativePath.lastIndexOf('.');
  if (dot <= slash) return `${relativePath}.${uuid}`;
  return `${relativePath.slice(0, dot)}.${uuid}${relativePath.slice(dot)}`;
}

/** FileRecord.data_url: repository URL + relative path with the dataset uuid; null without an HTTP root. */
export function fileDataUrl(root: unknown, relativePath: unknown, datasetId: unknown): string | null {
  if (typeof root !== 'string' || root === '' || typeof relativePath !== 'string') return null;
  return root + addUuidString(relativePath, String(datasetId));
}

// Existing file on a non-personal repository: Alyx's FilterDatasetSerializer rule.
const EXISTING = `EXISTS (SELECT 1 FROM ${table('files')} f JOIN ${table('data-repository')} r ON r.id = f.data_repository
  WHERE f.dataset = d.id AND f.exists AND NOT COALESCE(r.globus_is_personal, FALSE))`;

// Dataset.data_url: the preferred existing record that has an HTTP root.
const BEST_URL = `LEFT JOIN LATERAL (
  SELECT r.data_url AS root, f.relative_path FROM ${table('files')} f JOIN ${table('data-repository')} r ON r.id = f.data_repository
  WHERE f.dataset = d.id AND f.exists AND r.data_url IS NOT NULL
  ORDER BY COALESCE(r.globus_is_personal, FALSE), r.name DESC LIMIT 1) best ON TRUE`;

const COLUMNS = `d.id, d.name, dt.name AS dataset_type, best.root, best.relative_path, d.file_size, d.hash,
  d.version, d.collection, d.revision, d.default_dataset, d.qc`;

/**
 * The embedded dataset lists: `SessionDetail.data_dataset_session_related` (by session) and
 * `ProbeInsertionDetail.datasets` (the insertion's datasets). Both keep only datasets with an
 * existing file record on a non-personal repository.
 */
export async function datasetSummaries(
  rows: readonly StoredRow[],
  ctx: RenderContext,
  scope: 'session' | 'insertion',
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const from =
    scope === 'session'
      ? `SELECT d.session AS owner, ${COLUMNS} FROM ${table('datasets')} d`
      : `SELECT pi.id AS owner, ${COLUMNS} FROM ${table('insertions')} pi JOIN ${table('datasets')} d ON d.id = ANY(pi.datasets)`;
  const where = scope === 'session' ? 'd.session' : 'pi.id';
  const found = await ctx.query(
    `${from} LEFT JOIN ${table('dataset-types')} dt ON dt.id = d.dataset_type ${BEST_URL}
     WHERE ${where} = ANY(${idArraySql('$1')}) AND ${EXISTING} ORDER BY d.id`,
    [idsParam(rows)],
  );
  const groups = groupBy(found, 'owner');
  return rows.map((row) =>
    (groups.get(String(row.id)) ?? []).map((d) => {
      const base = {
        id: d.id,
        name: d.name,
        dataset_type: d.dataset_type ?? null,
        data_url: fileDataUrl(d.root, d.relative_path, d.id),
        url: ctx.detailUrl('datasets', { id: String(d.id) }),
        file_size: num(d.file_size),
        hash: d.hash ?? null,
        version: d.version ?? null,
        collection: d.collection ?? null,
      };
      if (scope === 'insertion') return { ...base, qc: choiceLabel(QC_CHOICES, d.qc) };
      return {
        ...base,
        revision: d.revision ?? null,
        default_revision: d.default_dataset ? 'True' : 'False',
        qc: choiceLabel(QC_CHOICES, d.qc),
      };
    }),
  );
}

/** `Dataset.file_records`: every file record of each dataset. */
export async function fileRecordSummaries(
  rows: readonly StoredRow[],
  ctx: RenderContext,
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const found = await ctx.query(
    `SELECT f.dataset, f.id, r.name AS data_repository, r.globus_path, r.data_url AS root, f.relative_path, f.exists
     FROM ${table('files')} f LEFT JOIN ${table('data-repository')} r ON r.id = f.data_repository
     WHERE f.dataset = ANY(${idArraySql('$1')}) ORDER BY f.id`,
    [idsParam(rows)],
  );
  const groups = groupBy(found, 'dataset');
  return rows.map((row) =>
    (groups.get(String(row.id)) ?? []).map((f) => ({
      id: f.id,
      data_repository: f.data_repository ?? null,
      data_repository_path: f.globus_path ?? null,
      relative_path: f.relative_path,
      data_url: fileDataUrl(f.root, f.relative_path, row.id),
      exists: f.exists === true,
    })),
  );
}
