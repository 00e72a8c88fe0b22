/**
 * How much detail each session gets. At scale 1 every session is complete (~10 datasets and
 * ~15 file records per session). Lean sessions (large scales) keep every dataset, so scale 50 has
 * Alyx's shape at lab size (100k sessions, 1.07M datasets), but each dataset gets one file record
 * (no cloud copy), and the heaviest extras (channels, task logs) stay roughly constant in total
 * instead of growing with the scale. Measured on 2 cores: scale 50 (~2.5M rows) seeds into PGlite on
 * disk, the default, in about 90 s with 600 MB RSS; `--memory` takes several minutes and 2.4 GB,
 * because the in-memory file system copies a table's file each time it grows (ADR 0036).
 */
export interface Density {
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
  if (scale <= LEAN_ABOVE_SCALE) return { cloudCopy: 0.6, channels: 0.3, tasks: 0.5 };
  return { cloudCopy: 0, channels: 0.3 / scale, tasks: 0.5 / scale };
}
