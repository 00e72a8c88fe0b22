import { PROBE_PATHS } from './brain-regions.ts';
import type { Density } from './density.ts';
import { isoDateTime, type Random } from './random.ts';
import type { RowBuffer } from './row-buffer.ts';
import type { SessionInfo } from './session-data.ts';
import { PROBE_MODELS, PROVENANCE } from './vocabulary.ts';

const NP1_LATERAL = [43, 11, 59, 27] as const;
const CHANNELS = 384;

interface Track {
  x: number;
  y: number;
  z: number;
  depth: number;
  theta: number;
  phi: number;
  roll: number;
}

function jitter(rng: Random, track: Track, um: number): Track {
  return {
    x: Math.round(track.x + rng.normal(0, um)),
    y: Math.round(track.y + rng.normal(0, um)),
    z: Math.round(track.z + rng.normal(0, um / 4)),
    depth: Math.round(track.depth + rng.normal(0, um)),
    theta: Math.round((track.theta + rng.normal(0, 1)) * 10) / 10,
    phi: track.phi,
    roll: track.roll,
  };
}

/** Probe insertions of an ephys session, their trajectory estimates, and channels for some aligned ones. */
export function seedInsertions(
  rng: Random,
  session: SessionInfo,
  datasetsByProbe: Map<string, string[]>,
  density: Density,
  out: RowBuffer,
): void {
  for (const probe of session.probes) {
    const insertionId = rng.uuid();
    const model = rng.pick(PROBE_MODELS);
    const aligned = rng.chance(0.5);
    out.add('insertions', {
      id: insertionId,
      name: probe,
      session: session.id,
      model,
      serial: String(rng.int(18000000000, 19999999999)),
      json: {
        qc: rng.weighted([
          ['PASS', 5],
          ['WARNING', 2],
          ['FAIL', 1],
          ['NOT_SET', 2],
        ] as const),
        extended_qc: {
          tracing_exists: true,
          alignment_resolved: aligned,
          alignment_count: aligned ? rng.int(1, 3) : 0,
        },
        n_units: rng.int(150, 900),
      },
      chronic_insertion: null,
      datasets: datasetsByProbe.get(probe) ?? [],
      auto_datetime: isoDateTime(session.startMs + 86_400_000),
    });

    const pathIndex = rng.int(0, PROBE_PATHS.length - 1);
    const planned: Track = {
      x: rng.int(-2500, 2500),
      y: rng.int(-4500, 2000),
      z: rng.int(-200, 0),
      depth: rng.int(3500, 4200),
      theta: 15,
      phi: rng.pick([0, 180]),
      roll: 0,
    };
    const estimates: [number, Track][] = [[PROVENANCE.planned, planned]];
    if (rng.chance(0.9)) estimates.push([PROVENANCE.micromanipulator, jitter(rng, planned, 80)]);
    if (rng.chance(0.7)) estimates.push([PROVENANCE.histology, jitter(rng, planned, 250)]);
    const histology = estimates.find(([p]) => p === PROVENANCE.histology)?.[1];
    if (aligned && histology) estimates.push([PROVENANCE.aligned, jitter(rng, histology, 40)]);

    estimates.forEach(([provenance, track], i) => {
      const trajectoryId = rng.uuid();
      out.add('trajectories', {
        id: trajectoryId,
        probe_insertion: insertionId,
        ...track,
        provenance,
        coordinate_system: provenance === PROVENANCE.planned ? null : 'IBL-Allen',
        datetime: isoDateTime(session.startMs + (i + 1) * 7 * 86_400_000),
        json:
          provenance === PROVENANCE.aligned
            ? { [isoDateTime(session.startMs + 30 * 86_400_000)]: [[-0.0002, 0.0, 0.0038], 'sandbox'] }
            : null,
        chronic_insertion: null,
      });
      if (provenance === PROVENANCE.aligned && rng.chance(density.channels)) {
        seedChannels(trajectoryId, track, PROBE_PATHS[pathIndex] ?? [], out, rng);
      }
    });
  }
}

function seedChannels(
  trajectoryId: string,
  track: Track,
  path: readonly number[],
  out: RowBuffer,
  rng: Random,
): void {
  const theta = (track.theta * Math.PI) / 180;
  const phi = (track.phi * Math.PI) / 180;
  const dir = [Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), -Math.cos(theta)] as const;
  for (let i = 0; i < CHANNELS; i++) {
    const axial = 20 * Math.floor(i / 2) + 20;
    const fromEntry = Math.max(0, track.depth - axial);
    const region =
      path[Math.min(path.length - 1, Math.floor((fromEntry / track.depth) * path.length))] ?? 997;
    out.add('channels', {
      id: rng.uuid(),
      trajectory_estimate: trajectoryId,
      brain_region: region,
      name: '',
      json: null,
      axial,
      lateral: NP1_LATERAL[i % 4],
      x: Math.round((track.x + fromEntry * dir[0]) * 10) / 10,
      y: Math.round((track.y + fromEntry * dir[1]) * 10) / 10,
      z: Math.round((track.z + fromEntry * dir[2]) * 10) / 10,
    });
  }
}
