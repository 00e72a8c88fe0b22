import type { Density } from './density.ts';
import { seedInsertions } from './ephys.ts';
import { addDays, isoDateTime, type Random } from './random.ts';
import type { Reference } from './reference.ts';
import type { RowBuffer } from './row-buffer.ts';
import { seedSessionData, type SessionInfo } from './session-data.ts';
import type { SubjectPlan } from './subjects.ts';
import { seedTasks } from './tasks.ts';
import { NARRATIVES, NOTE_TEXTS, PROTOCOLS, QC, type SessionKind } from './vocabulary.ts';

const HOUR = 3_600_000;

const TRIALS: Record<SessionKind, readonly [number, number]> = {
  habituation: [40, 150],
  training: [250, 900],
  biased: [500, 1100],
  ephys: [450, 800],
};

function extendedQc(rng: Random, kind: SessionKind, qc: number): Record<string, unknown> | null {
  if (kind === 'habituation') return null;
  const score = (): number => Math.min(1, rng.float(qc >= QC.fail ? 0.6 : 0.9, 1.02, 4));
  const extended: Record<string, unknown> = {
    task: score(),
    behavior: qc >= QC.fail ? 0 : 1,
    _task_iti_delays: score(),
    _task_goCue_delays: score(),
    _task_stimOn_goCue_delays: score(),
    _task_response_feedback_delays: score(),
    _task_wheel_move_before_feedback: score(),
    _task_n_trial_events: score(),
  };
  if (kind !== 'training')
    extended.videoLeft = rng.weighted([
      ['PASS', 6],
      ['WARNING', 2],
      ['FAIL', 1],
    ] as const);
  if (kind === 'ephys') {
    extended.videoRight = rng.weighted([
      ['PASS', 6],
      ['WARNING', 2],
      ['FAIL', 1],
    ] as const);
    extended.videoBody = rng.weighted([
      ['PASS', 5],
      ['WARNING', 3],
      ['NOT_SET', 1],
    ] as const);
    extended.dlcLeft = rng.weighted([
      ['PASS', 6],
      ['FAIL', 1],
    ] as const);
  }
  return extended;
}

/** Locations: behaviour rigs first, the ephys rig second to last, the surgery room last. */
function rigFor(ref: Reference, labIndex: number, kind: SessionKind, rng: Random): string | null {
  const rooms = ref.locations[labIndex] ?? [];
  if (kind === 'ephys') return rooms[rooms.length - 2] ?? null;
  return rng.pick(rooms.slice(0, Math.max(1, rooms.length - 2)));
}

/** Sessions of one subject with their weighings, water, datasets, insertions, tasks and notes. */
export function seedSessions(
  rng: Random,
  ref: Reference,
  subject: SubjectPlan,
  density: Density,
  out: RowBuffer,
): void {
  let previousDay = -1;
  let number = 0;
  let previousEnd = 0;
  const labUsers = ref.labUsers[subject.labIndex] ?? [];
  const released = subject.projects.includes(ref.projects[0] ?? '');
  subject.kinds.forEach((kind, i) => {
    // Now and then a mouse does a second run the same day: same date, next session number.
    const again = i > 0 && kind !== 'ephys' && kind === subject.kinds[i - 1] && rng.chance(0.03);
    const day = again ? previousDay : (subject.days[i] ?? 0);
    number = again ? number + 1 : 1;
    previousDay = day;
    const id = rng.uuid();
    const startMs = again
      ? previousEnd + rng.int(30, 120) * 60_000
      : day + rng.int(8 * 60, 16 * 60) * 60_000 + rng.int(0, 59_999);
    const [minTrials, maxTrials] = TRIALS[kind];
    const nTrials = rng.int(minTrials, maxTrials);
    const progress = subject.kinds.length > 1 ? i / (subject.kinds.length - 1) : 1;
    const performance = Math.min(0.95, 0.45 + progress * 0.4 + rng.normal(0, 0.05));
    const qc =
      kind === 'habituation'
        ? QC.notSet
        : rng.weighted([
            [QC.pass, 45],
            [QC.warning, 25],
            [QC.fail, 12],
            [QC.critical, 3],
            [QC.notSet, 15],
          ] as const);
    const user = rng.chance(0.8) ? subject.responsibleUser : rng.pick(labUsers);
    const endMs = startMs + rng.int(30, 95) * 60_000;
    previousEnd = endMs;
    const procedures = [
      ref.procedures.get(kind === 'habituation' ? 'Handling habituation' : 'Behavior training/tasks'),
    ];
    if (kind === 'ephys') procedures.push(ref.procedures.get('Acute electrophysiological recording'));

    out.add('sessions', {
      id,
      subject: subject.id,
      users: user === subject.responsibleUser ? [user] : [user, subject.responsibleUser],
      location: rigFor(ref, subject.labIndex, kind, rng),
      procedures,
      lab: subject.labId,
      projects: subject.projects,
      type: 'Experiment',
      task_protocol: PROTOCOLS[kind],
      number,
      start_time: isoDateTime(startMs),
      end_time: isoDateTime(endMs),
      narrative: rng.chance(0.15) ? rng.pick(NARRATIVES) : '',
      parent_session: null,
      n_trials: nTrials,
      n_correct_trials: kind === 'habituation' ? null : Math.round(nTrials * performance),
      qc,
      extended_qc: extendedQc(rng, kind, qc),
      auto_datetime: isoDateTime(endMs + rng.int(1, 12) * HOUR),
      json: { IS_MOCK: false, IBLRIG_VERSION: '8.12.10', PYBPOD_BOARD: `bpod_${rng.hex(4)}` },
      name: '',
    });

    const restricted = subject.baseWeight * Math.min(0.98, rng.float(0.82, 0.93, 3) + progress * 0.03);
    if (rng.chance(0.9)) {
      out.add('weighings', {
        id: rng.uuid(),
        subject: subject.id,
        date_time: isoDateTime(startMs - rng.int(10, 60) * 60_000),
        weight: Math.round(restricted * 10) / 10,
        user,
        name: '',
        json: null,
      });
    }
    out.add('water-administrations', {
      id: rng.uuid(),
      subject: subject.id,
      date_time: isoDateTime(endMs + rng.int(1, 10) * 60_000),
      water_administered: Math.round((nTrials * 0.0025 * performance + rng.float(0, 0.3)) * 1000) / 1000,
      water_type:
        kind === 'habituation'
          ? ref.waterTypes[0]
          : rng.weighted([
              [ref.waterTypes[0], 3],
              [ref.waterTypes[1], 2],
            ] as const),
      user,
      session: id,
      adlib: false,
      name: '',
      json: null,
    });

    const probes = kind === 'ephys' ? (rng.chance(0.8) ? ['probe00', 'probe01'] : ['probe00']) : [];
    const info: SessionInfo = { id, kind, startMs, number, user, probes, released };
    const byProbe = seedSessionData(rng, ref, subject, info, density, out);
    if (kind === 'ephys') seedInsertions(rng, info, byProbe, density, out);
    if (rng.chance(density.tasks)) seedTasks(rng, info, ref.labServers[subject.labIndex], out);
    if (rng.chance(0.04)) {
      out.add('notes', {
        id: rng.uuid(),
        user,
        date_time: isoDateTime(addDays(endMs, rng.int(0, 20))),
        content_type: 'actions.session',
        object_id: id,
        text: rng.pick(NOTE_TEXTS),
        image: null,
        name: '',
        json: null,
      });
    }
  });
}
