import { isoDateTime, type Random } from './random.ts';
import type { RowBuffer } from './row-buffer.ts';
import type { SessionInfo } from './session-data.ts';

interface TaskSpec {
  name: string;
  executable: string;
  level: number;
  parents: readonly string[];
  gpu?: number;
  ram?: number;
}

const BEHAVIOUR: readonly TaskSpec[] = [
  {
    name: 'TrainingRegisterRaw',
    executable: 'ibllib.pipes.behavior_tasks.TrainingRegisterRaw',
    level: 0,
    parents: [],
  },
  {
    name: 'TrainingTrials',
    executable: 'ibllib.pipes.behavior_tasks.ChoiceWorldTrialsBpod',
    level: 1,
    parents: ['TrainingRegisterRaw'],
  },
  {
    name: 'TrainingStatus',
    executable: 'ibllib.pipes.behavior_tasks.TrainingStatus',
    level: 2,
    parents: ['TrainingTrials'],
  },
];

const VIDEO: readonly TaskSpec[] = [
  { name: 'VideoCompress', executable: 'ibllib.pipes.video_tasks.VideoCompress', level: 0, parents: [] },
];

const EPHYS: readonly TaskSpec[] = [
  {
    name: 'EphysRegisterRaw',
    executable: 'ibllib.pipes.ephys_tasks.EphysRegisterRaw',
    level: 0,
    parents: [],
  },
  { name: 'EphysPulses', executable: 'ibllib.pipes.ephys_tasks.EphysPulses', level: 0, parents: [] },
  {
    name: 'EphysCompressNP1',
    executable: 'ibllib.pipes.ephys_tasks.EphysCompressNP1',
    level: 0,
    parents: [],
  },
  {
    name: 'RawEphysQC',
    executable: 'ibllib.pipes.ephys_tasks.RawEphysQC',
    level: 1,
    parents: ['EphysCompressNP1'],
  },
  {
    name: 'EphysTrials',
    executable: 'ibllib.pipes.behavior_tasks.ChoiceWorldTrialsNidq',
    level: 1,
    parents: ['EphysPulses'],
  },
  {
    name: 'PassiveTask',
    executable: 'ibllib.pipes.behavior_tasks.PassiveTaskNidq',
    level: 1,
    parents: ['EphysPulses'],
  },
  {
    name: 'SpikeSorting',
    executable: 'ibllib.pipes.ephys_tasks.SpikeSorting',
    level: 2,
    parents: ['EphysCompressNP1', 'EphysPulses'],
    gpu: 1,
    ram: 32,
  },
  { name: 'VideoCompress', executable: 'ibllib.pipes.video_tasks.VideoCompress', level: 0, parents: [] },
  {
    name: 'DLC',
    executable: 'ibllib.pipes.video_tasks.DLC',
    level: 1,
    parents: ['VideoCompress'],
    gpu: 1,
    ram: 16,
  },
];

/** Alyx task statuses (stored ints). */
const STATUS = {
  waiting: 20,
  held: 25,
  started: 30,
  errored: 40,
  abandoned: 45,
  empty: 50,
  incomplete: 55,
  complete: 60,
} as const;

const TRACEBACKS = [
  `Traceback (most recent call last):
  File "/home/iblrig/Documents/PYTHON/ibllib/ibllib/pipes/tasks.py", line 131, in run
    self.outputs = self._run(**kwargs)
  File "/home/iblrig/Documents/PYTHON/ibllib/ibllib/pipes/ephys_tasks.py", line 412, in _run
    sync, chmap = self.get_sync()
  File "/home/iblrig/Documents/PYTHON/ibllib/ibllib/io/extractors/ephys_fpga.py", line 733, in get_sync_and_chn_map
    raise FileNotFoundError(f'No sync file found in {session_path}')
FileNotFoundError: No sync file found in /mnt/s0/Data/Subjects`,
  `Traceback (most recent call last):
  File "/home/iblrig/Documents/PYTHON/ibllib/ibllib/pipes/tasks.py", line 131, in run
    self.outputs = self._run(**kwargs)
  File "/home/iblrig/Documents/PYTHON/ibllib/ibllib/pipes/behavior_tasks.py", line 298, in _run
    trials, output_files = self.extract_behaviour(save=True)
  File "/home/iblrig/Documents/PYTHON/ibllib/ibllib/io/extractors/biased_trials.py", line 212, in extract_all
    assert len(bpod_trials) == n_trials, 'Bpod trial count mismatch'
AssertionError: Bpod trial count mismatch`,
];

function logFor(rng: Random, name: string, status: number, start: number): string {
  const stamp = isoDateTime(start).replace('T', ' ');
  const head = `${stamp} INFO     tasks.py:96    Starting job ${name}\n${stamp} INFO     tasks.py:101   Running on machine: sandbox-server-0${rng.int(1, 4)}\n${stamp} INFO     tasks.py:102   running ibllib version 2.36.1`;
  if (status === STATUS.errored) return `${head}\n${stamp} ERROR    tasks.py:145   ${rng.pick(TRACEBACKS)}`;
  if (status === STATUS.complete) return `${head}\n${stamp} INFO     tasks.py:177   Job ${name} complete`;
  if (status === STATUS.empty)
    return `${head}\n${stamp} WARNING  tasks.py:160   No output files registered for ${name}`;
  return status === STATUS.waiting || status === STATUS.held ? '' : head;
}

export function seedTasks(
  rng: Random,
  session: SessionInfo,
  repository: string | undefined,
  out: RowBuffer,
): void {
  const specs =
    session.kind === 'ephys'
      ? EPHYS
      : session.kind === 'habituation'
        ? BEHAVIOUR.slice(0, 1)
        : session.kind === 'biased'
          ? [...BEHAVIOUR, ...VIDEO]
          : BEHAVIOUR;
  const graph = session.kind === 'ephys' ? 'EphysExtractionPipeline' : 'TrainingExtractionPipeline';
  const ids = new Map<string, string>();
  const statuses = new Map<string, number>();
  const start = session.startMs + rng.int(2, 6) * 3_600_000;
  for (const spec of specs) {
    const copies = spec.name === 'SpikeSorting' ? session.probes : [''];
    for (const probe of copies) {
      const name = probe ? `${spec.name}_${probe}` : spec.name;
      const id = rng.uuid();
      ids.set(name, id);
      if (!ids.has(spec.name)) ids.set(spec.name, id);
      const parentBlocked = spec.parents.some(
        (p) => (statuses.get(p) ?? STATUS.complete) !== STATUS.complete,
      );
      const status = parentBlocked
        ? STATUS.waiting
        : rng.weighted([
            [STATUS.complete, 85],
            [STATUS.errored, 6],
            [STATUS.empty, 3],
            [STATUS.incomplete, 2],
            [STATUS.started, 1],
            [STATUS.waiting, 2],
            [STATUS.held, 1],
          ] as const);
      if (!statuses.has(spec.name) || status !== STATUS.complete) statuses.set(spec.name, status);
      const ran = status !== STATUS.waiting && status !== STATUS.held;
      const taskStart = start + spec.level * 1_800_000 + rng.int(0, 600_000);
      out.add('tasks', {
        id,
        name,
        session: session.id,
        parents: spec.parents.map((p) => ids.get(p)).filter((p): p is string => p !== undefined),
        data_repository: repository ?? null,
        status,
        priority: spec.gpu ? 90 : rng.pick([30, 60, 100]),
        io_charge: rng.pick([20, 50, 80]),
        level: spec.level,
        gpu: spec.gpu ?? 0,
        cpu: spec.gpu ? 4 : 1,
        ram: spec.ram ?? 2,
        time_out_secs: spec.gpu ? 21_600 : 3_600,
        time_elapsed_secs: ran ? rng.float(spec.gpu ? 1200 : 4, spec.gpu ? 14_000 : 300, 2) : null,
        executable: spec.executable,
        graph,
        log: ran ? logFor(rng, name, status, taskStart) : null,
        version: ran ? '2.36.1' : '',
        datetime: isoDateTime(taskStart),
        arguments: probe ? { probe_name: probe } : {},
      });
    }
  }
}
