/**
 * How much detail each session gets. At scale 1 every session is complete (~10 datasets and
 * ~15 file records per session). Bulk COPY into in-memory PGlite runs at roughly 10–25k rows/s
 * on a 2-core machine, so a complete scale 50 (1M datasets, 1.5M files, ~3.5M rows) would take
 * several minutes and several GB; measured, the lean scale 50 below (100k sessions, ~400k
 * datasets, ~400k files, ~1.2M rows) seeds in about 2.5 minutes under load with 2.3 GB RSS.
 * Lean sessions keep their core datasets and one file record each, and the heaviest extras
 * (channels, task logs) stay roughly constant in total instead of growing with the scale.
 */
export interface Density {
  /** Keep every dataset of a session; otherwise only CORE_DATASET_TYPES. */
  allDatasets: boolean;
  /** Chance that a dataset also has a copy on the shared cloud repository. */
  cloudCopy: number;
  /** Chance that an aligned trajectory gets its 384 channels. */
  channels: number;
  /** Chance that a session has its pipeline tasks. */
  tasks: number;
}

/** Scales above this are seeded lean (see Density). */
export const LEAN_ABOVE_SCALE = 5;

export function densityFor(scale: number): Density {
  if (scale <= LEAN_ABOVE_SCALE) return { allDatasets: true, cloudCopy: 0.6, channels: 0.3, tasks: 0.5 };
  return { allDatasets: false, cloudCopy: 0, channels: 0.3 / scale, tasks: 0.5 / scale };
}

export const CORE_DATASET_TYPES: ReadonlySet<string> = new Set([
  'trials.table',
  '_iblrig_taskData.raw',
  '_iblrig_taskSettings.raw',
  'wheel.position',
  '_iblrig_Camera.raw',
  'spikes.times',
  'spikes.clusters',
  'clusters.metrics',
  'ephysData.raw.ap',
]);
