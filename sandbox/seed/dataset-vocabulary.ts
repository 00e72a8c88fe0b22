/** ALF dataset types and the files a session of each kind produces (sandbox-written vocabulary). */
import type { SessionKind } from './vocabulary.ts';

export interface DatasetTypeSpec {
  name: string;
  description: string;
  pattern: string;
}

export const DATASET_TYPES: readonly DatasetTypeSpec[] = [
  {
    name: 'trials.table',
    description: 'All per-trial behavioural variables in one table.',
    pattern: '*trials.table*.pqt',
  },
  {
    name: 'trials.goCueTrigger_times',
    description: '[ntrials] Time of the go cue trigger (s).',
    pattern: '*trials.goCueTrigger_times*',
  },
  {
    name: 'trials.stimOnTrigger_times',
    description: '[ntrials] Time of the stimulus trigger (s).',
    pattern: '*trials.stimOnTrigger_times*',
  },
  {
    name: 'trials.intervals',
    description: '[ntrials, 2] Trial start and end times (s).',
    pattern: '*trials.intervals*',
  },
  {
    name: 'wheel.position',
    description: '[nsamples] Absolute wheel position (rad).',
    pattern: '*wheel.position*',
  },
  {
    name: 'wheel.timestamps',
    description: '[nsamples] Wheel sample times (s).',
    pattern: '*wheel.timestamps*',
  },
  {
    name: 'wheelMoves.intervals',
    description: '[nmoves, 2] Onset and offset of wheel movements (s).',
    pattern: '*wheelMoves.intervals*',
  },
  {
    name: 'wheelMoves.peakAmplitude',
    description: '[nmoves] Peak amplitude of each wheel movement (rad).',
    pattern: '*wheelMoves.peakAmplitude*',
  },
  {
    name: '_iblrig_taskData.raw',
    description: 'Per-trial state machine data from the rig.',
    pattern: '_iblrig_taskData.raw*.jsonable',
  },
  {
    name: '_iblrig_taskSettings.raw',
    description: 'Task settings of the session.',
    pattern: '_iblrig_taskSettings.raw*.json',
  },
  {
    name: '_iblrig_encoderEvents.raw',
    description: 'Rotary encoder events.',
    pattern: '_iblrig_encoderEvents.raw*.ssv',
  },
  {
    name: '_iblrig_Camera.raw',
    description: 'Raw compressed video of a camera.',
    pattern: '_iblrig_*Camera.raw*.mp4',
  },
  { name: 'camera.times', description: '[nframes] Frame times (s).', pattern: '*Camera.times*' },
  { name: 'camera.dlc', description: 'DeepLabCut pose estimation per frame.', pattern: '*Camera.dlc*.pqt' },
  { name: 'licks.times', description: '[nlicks] Lick times (s).', pattern: '*licks.times*' },
  {
    name: 'spikes.times',
    description: '[nspikes] Spike times (s), synchronised to the session clock.',
    pattern: '*spikes.times*.npy',
  },
  {
    name: 'spikes.clusters',
    description: '[nspikes] Cluster assignment of each spike.',
    pattern: '*spikes.clusters*.npy',
  },
  { name: 'spikes.amps', description: '[nspikes] Spike amplitudes (V).', pattern: '*spikes.amps*.npy' },
  {
    name: 'spikes.depths',
    description: '[nspikes] Spike depth along the probe (um).',
    pattern: '*spikes.depths*.npy',
  },
  {
    name: 'clusters.metrics',
    description: 'Quality metrics of each cluster.',
    pattern: '*clusters.metrics*.pqt',
  },
  {
    name: 'clusters.channels',
    description: '[nclusters] Peak channel of each cluster.',
    pattern: '*clusters.channels*.npy',
  },
  {
    name: 'clusters.waveforms',
    description: '[nclusters, nsamples, nch] Template waveforms.',
    pattern: '*clusters.waveforms*.npy',
  },
  {
    name: 'channels.localCoordinates',
    description: '[nch, 2] Channel position on the probe (um).',
    pattern: '*channels.localCoordinates*.npy',
  },
  {
    name: 'channels.brainLocationIds_ccf_2017',
    description: '[nch] Allen CCF 2017 region id per channel.',
    pattern: '*channels.brainLocationIds_ccf_2017*.npy',
  },
  {
    name: 'ephysData.raw.ap',
    description: 'Raw action-potential band, compressed.',
    pattern: '*ephysData*.ap.cbin',
  },
  {
    name: 'ephysData.raw.lf',
    description: 'Raw local-field-potential band, compressed.',
    pattern: '*ephysData*.lf.cbin',
  },
  {
    name: 'ephysData.raw.meta',
    description: 'SpikeGLX metadata of a raw ephys file.',
    pattern: '*ephysData*.meta',
  },
  {
    name: 'ephysData.raw.ch',
    description: 'Chunk table of a compressed raw ephys file.',
    pattern: '*ephysData*.ch',
  },
  {
    name: '_iblqc_ephysTimeRms',
    description: 'RMS of the raw signal over time, per channel.',
    pattern: '_iblqc_ephysTimeRms*.npy',
  },
  {
    name: 'passiveGabor.table',
    description: 'Passive protocol gabor presentations.',
    pattern: '*passiveGabor.table*.pqt',
  },
  {
    name: 'iblsorter_parameters',
    description: 'Spike sorting parameters.',
    pattern: '*iblsorter_parameters*.yaml',
  },
];

export interface DatasetTemplate {
  name: string;
  type: string;
  format: string;
  collection: string;
  /** Size range in bytes. */
  size: readonly [number, number];
}

const t = (
  name: string,
  type: string,
  format: string,
  collection: string,
  size: readonly [number, number],
): DatasetTemplate => ({
  name,
  type,
  format,
  collection,
  size,
});

const RAW_BEHAVIOUR: readonly DatasetTemplate[] = [
  t(
    '_iblrig_taskData.raw.jsonable',
    '_iblrig_taskData.raw',
    'jsonable',
    'raw_behavior_data',
    [400_000, 9_000_000],
  ),
  t(
    '_iblrig_taskSettings.raw.json',
    '_iblrig_taskSettings.raw',
    'json',
    'raw_behavior_data',
    [6_000, 14_000],
  ),
  t(
    '_iblrig_encoderEvents.raw.ssv',
    '_iblrig_encoderEvents.raw',
    'ssv',
    'raw_behavior_data',
    [200_000, 3_000_000],
  ),
];

const TRIALS: readonly DatasetTemplate[] = [
  t('_ibl_trials.table.pqt', 'trials.table', 'parquet', 'alf', [40_000, 160_000]),
  t('_ibl_trials.goCueTrigger_times.npy', 'trials.goCueTrigger_times', 'npy', 'alf', [2_000, 8_000]),
  t('_ibl_trials.stimOnTrigger_times.npy', 'trials.stimOnTrigger_times', 'npy', 'alf', [2_000, 8_000]),
  t('_ibl_wheel.position.npy', 'wheel.position', 'npy', 'alf', [1_000_000, 9_000_000]),
  t('_ibl_wheel.timestamps.npy', 'wheel.timestamps', 'npy', 'alf', [1_000_000, 9_000_000]),
  t('_ibl_wheelMoves.intervals.npy', 'wheelMoves.intervals', 'npy', 'alf', [8_000, 40_000]),
];

const VIDEO: readonly DatasetTemplate[] = [
  t(
    '_iblrig_leftCamera.raw.mp4',
    '_iblrig_Camera.raw',
    'mp4',
    'raw_video_data',
    [300_000_000, 2_500_000_000],
  ),
  t('_ibl_leftCamera.times.npy', 'camera.times', 'npy', 'alf', [800_000, 3_000_000]),
];

const EPHYS_SESSION: readonly DatasetTemplate[] = [
  t(
    '_iblrig_rightCamera.raw.mp4',
    '_iblrig_Camera.raw',
    'mp4',
    'raw_video_data',
    [300_000_000, 2_500_000_000],
  ),
  t('_iblrig_bodyCamera.raw.mp4', '_iblrig_Camera.raw', 'mp4', 'raw_video_data', [100_000_000, 900_000_000]),
  t('_ibl_leftCamera.dlc.pqt', 'camera.dlc', 'parquet', 'alf', [20_000_000, 90_000_000]),
  t('_ibl_wheelMoves.peakAmplitude.npy', 'wheelMoves.peakAmplitude', 'npy', 'alf', [4_000, 20_000]),
  t('licks.times.npy', 'licks.times', 'npy', 'alf', [20_000, 90_000]),
  t('_ibl_passiveGabor.table.pqt', 'passiveGabor.table', 'parquet', 'alf', [10_000, 30_000]),
];

/** Per-probe datasets; `{probe}` is replaced by `probe00`/`probe01`. */
const PROBE: readonly DatasetTemplate[] = [
  t('spikes.times.npy', 'spikes.times', 'npy', 'alf/{probe}/pykilosort', [20_000_000, 200_000_000]),
  t('spikes.clusters.npy', 'spikes.clusters', 'npy', 'alf/{probe}/pykilosort', [10_000_000, 100_000_000]),
  t('spikes.amps.npy', 'spikes.amps', 'npy', 'alf/{probe}/pykilosort', [20_000_000, 200_000_000]),
  t('spikes.depths.npy', 'spikes.depths', 'npy', 'alf/{probe}/pykilosort', [20_000_000, 200_000_000]),
  t('clusters.metrics.pqt', 'clusters.metrics', 'parquet', 'alf/{probe}/pykilosort', [100_000, 900_000]),
  t('clusters.channels.npy', 'clusters.channels', 'npy', 'alf/{probe}/pykilosort', [2_000, 20_000]),
  t(
    'clusters.waveforms.npy',
    'clusters.waveforms',
    'npy',
    'alf/{probe}/pykilosort',
    [10_000_000, 80_000_000],
  ),
  t(
    'channels.localCoordinates.npy',
    'channels.localCoordinates',
    'npy',
    'alf/{probe}/pykilosort',
    [6_272, 6_272],
  ),
  t(
    'channels.brainLocationIds_ccf_2017.npy',
    'channels.brainLocationIds_ccf_2017',
    'npy',
    'alf/{probe}/pykilosort',
    [3_200, 3_200],
  ),
  t('_iblsorter_parameters.yaml', 'iblsorter_parameters', 'yaml', 'alf/{probe}/pykilosort', [1_000, 3_000]),
  t(
    '_spikeglx_ephysData_g0_t0.imec.ap.cbin',
    'ephysData.raw.ap',
    'cbin',
    'raw_ephys_data/{probe}',
    [20_000_000_000, 60_000_000_000],
  ),
  t(
    '_spikeglx_ephysData_g0_t0.imec.ap.meta',
    'ephysData.raw.meta',
    'meta',
    'raw_ephys_data/{probe}',
    [8_000, 12_000],
  ),
  t(
    '_spikeglx_ephysData_g0_t0.imec.ap.ch',
    'ephysData.raw.ch',
    'ch',
    'raw_ephys_data/{probe}',
    [30_000, 90_000],
  ),
  t(
    '_spikeglx_ephysData_g0_t0.imec.lf.cbin',
    'ephysData.raw.lf',
    'cbin',
    'raw_ephys_data/{probe}',
    [1_000_000_000, 4_000_000_000],
  ),
  t(
    '_iblqc_ephysTimeRmsAP.rms.npy',
    '_iblqc_ephysTimeRms',
    'npy',
    'raw_ephys_data/{probe}',
    [400_000, 1_600_000],
  ),
];

/** The datasets a session of this kind produces; ephys sessions get them per probe. */
export function sessionDatasets(kind: SessionKind, probes: readonly string[]): DatasetTemplate[] {
  switch (kind) {
    case 'habituation':
      return [...RAW_BEHAVIOUR];
    case 'training':
      return [...RAW_BEHAVIOUR, ...TRIALS];
    case 'biased':
      return [...RAW_BEHAVIOUR, ...TRIALS, ...VIDEO];
    case 'ephys':
      return [
        ...RAW_BEHAVIOUR,
        ...TRIALS,
        ...VIDEO,
        ...EPHYS_SESSION,
        ...probes.flatMap((probe) =>
          PROBE.map((d) => ({
            ...d,
            collection: d.collection.replace('{probe}', probe),
            name: d.name.replace('imec.', `${probe.replace('probe0', 'imec')}.`),
          })),
        ),
      ];
  }
}
