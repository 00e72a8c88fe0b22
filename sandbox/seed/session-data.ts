import { sessionDatasets } from './dataset-vocabulary.ts';
import type { Density } from './density.ts';
import { isoDate, isoDateTime, pad, type Random } from './random.ts';
import type { Reference } from './reference.ts';
import type { RowBuffer } from './row-buffer.ts';
import type { SubjectPlan } from './subjects.ts';
import { LABS, QC, type SessionKind } from './vocabulary.ts';

export interface SessionInfo {
  id: string;
  kind: SessionKind;
  startMs: number;
  number: number;
  user: string;
  probes: string[];
  /** Brain-wide-map sessions get their processed datasets tagged for the release. */
  released: boolean;
}

const IBLLIB_VERSIONS = ['2.32.3', '2.34.0', '2.36.1', '2.39.0'] as const;

/** Emits the session's datasets with their file records; returns dataset ids per probe. */
export function seedSessionData(
  rng: Random,
  ref: Reference,
  subject: SubjectPlan,
  session: SessionInfo,
  density: Density,
  out: RowBuffer,
): Map<string, string[]> {
  const lab = LABS[subject.labIndex]?.name ?? 'lab';
  const sessionPath = `${subject.nickname}/${isoDate(session.startMs)}/${pad(session.number, 3)}`;
  const version = rng.pick(IBLLIB_VERSIONS);
  const byProbe = new Map<string, string[]>();
  const templates = sessionDatasets(session.kind, session.probes);
  // Now and then a probe was re-sorted: its spike datasets exist twice, the old revision no longer default.
  const resorted = session.kind === 'ephys' && rng.chance(0.15);
  const releaseTag = ref.tags.get('Brainwide map 2024');
  const publicTag = ref.tags.get('Public release 2025');
  const reviewTag = ref.tags.get('needs review');

  for (const template of templates) {
    const revisions = resorted && template.collection.endsWith('pykilosort') ? [null, '2025-01-20'] : [null];
    for (const revision of revisions) {
      const id = rng.uuid();
      const created = session.startMs + rng.int(2, 40) * 3_600_000 + rng.int(0, 3_599_999);
      const raw = template.collection.startsWith('raw');
      const tags: string[] = [];
      if (session.released && !raw && releaseTag) tags.push(releaseTag);
      if (session.released && !raw && publicTag && rng.chance(0.5)) tags.push(publicTag);
      if (reviewTag && rng.chance(0.005)) tags.push(reviewTag);
      const folder = revision ? `${template.collection}/#${revision}#` : template.collection;
      out.add('datasets', {
        id,
        name: template.name,
        session: session.id,
        collection: template.collection,
        dataset_type: ref.datasetTypes.get(template.type),
        data_format: ref.dataFormats.get(template.format),
        file_size: rng.int(template.size[0], template.size[1]),
        hash: rng.hex(32),
        version,
        revision: revision ? ref.revisions.get(revision) : null,
        default_dataset: resorted && template.collection.endsWith('pykilosort') ? revision !== null : true,
        tags,
        qc: raw
          ? QC.notSet
          : rng.weighted([
              [QC.notSet, 50],
              [QC.pass, 35],
              [QC.warning, 10],
              [QC.fail, 5],
            ] as const),
        created_by: session.user,
        created_datetime: isoDateTime(created),
        auto_datetime: isoDateTime(created + 60_000),
        json: null,
      });
      const probe = session.probes.find((p) => template.collection.includes(p));
      if (probe) byProbe.set(probe, [...(byProbe.get(probe) ?? []), id]);

      const relativePath = `${sessionPath}/${folder}/${template.name}`;
      out.add('files', {
        id: rng.uuid(),
        dataset: id,
        data_repository: ref.labServers[subject.labIndex],
        relative_path: relativePath,
        exists: rng.chance(0.97),
        name: '',
        json: null,
      });
      if (!raw && rng.chance(density.cloudCopy)) {
        out.add('files', {
          id: rng.uuid(),
          dataset: id,
          data_repository: ref.cloud,
          relative_path: `${lab}/Subjects/${relativePath}`,
          exists: true,
          name: '',
          json: null,
        });
      }
      if (rng.chance(0.005)) {
        out.add('files', {
          id: rng.uuid(),
          dataset: id,
          data_repository: ref.personal,
          relative_path: `${lab}/Subjects/${relativePath}`,
          exists: rng.chance(0.5),
          name: '',
          json: null,
        });
      }
    }
  }
  return byProbe;
}
