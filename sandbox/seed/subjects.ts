import { BASE_DATE, addDays, isoDate, isoDateTime, type Random } from './random.ts';
import type { Reference } from './reference.ts';
import type { RowBuffer } from './row-buffer.ts';
import { LABS, NOTE_TEXTS, type SessionKind } from './vocabulary.ts';

/** What the session generator needs to know about a subject. */
export interface SubjectPlan {
  id: string;
  nickname: string;
  labIndex: number;
  labId: string;
  responsibleUser: string;
  projects: string[];
  /** Training days, in order; each is a weekday (ms at midnight UTC). */
  days: number[];
  kinds: SessionKind[];
  /** Free-feeding weight in grams. */
  baseWeight: number;
}

/** The demo data spans two years from BASE_DATE. */
export const SPAN_DAYS = 730;

const GENOTYPES = [
  { line: 'C57BL/6J', strain: 'C57BL/6J', genotype: [] },
  {
    line: 'Ai95-Emx1',
    strain: 'C57BL/6J',
    genotype: [
      { allele: 'Ai95', zygosity: 1 },
      { allele: 'Emx1-IRES-Cre', zygosity: 1 },
    ],
  },
  { line: 'PV-Cre', strain: 'C57BL/6J', genotype: [{ allele: 'Pvalb-IRES-Cre', zygosity: 2 }] },
  { line: 'Thy1-GCaMP6s', strain: 'C57BL/6J', genotype: [{ allele: 'Thy1-GCaMP6s', zygosity: 1 }] },
] as const;

function weekdaysFrom(start: number, count: number, rng: Random): number[] {
  const days: number[] = [];
  let day = start;
  while (days.length < count) {
    const weekday = new Date(day).getUTCDay();
    // Weekends off, and now and then a day missed for rig maintenance or illness.
    if (weekday !== 0 && weekday !== 6 && !rng.chance(0.05)) days.push(day);
    day = addDays(day, 1);
  }
  return days;
}

/** Habituation, then training, then biased blocks; mice that make it far enough end on the ephys rig. */
function sessionKinds(count: number, ephys: boolean): SessionKind[] {
  const kinds: SessionKind[] = [];
  const nEphys = ephys ? Math.min(4, Math.max(1, Math.floor(count / 5))) : 0;
  const nHabituation = Math.min(3, count);
  const rest = count - nHabituation - nEphys;
  const nTraining = Math.ceil(rest * 0.6);
  for (let i = 0; i < count; i++) {
    if (i < nHabituation) kinds.push('habituation');
    else if (i < nHabituation + nTraining) kinds.push('training');
    else if (i < count - nEphys) kinds.push('biased');
    else kinds.push('ephys');
  }
  return kinds;
}

/** Splits `total` sessions over subjects by random weights, exactly (largest remainder). */
export function allocateSessions(rng: Random, subjects: number, total: number): number[] {
  const weights = Array.from({ length: subjects }, () =>
    rng.weighted<number>([
      [0, 8],
      [rng.float(0.3, 0.7), 30],
      [rng.float(0.8, 1.4), 42],
      [rng.float(1.6, 2.6), 20],
    ]),
  );
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let remaining = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (remaining <= 0) break;
    if (weights[i] === 0) continue;
    counts[i] = (counts[i] ?? 0) + 1;
    remaining--;
  }
  return counts;
}

/**
 * Emits a subject with the actions that belong to it alone (surgeries, water restriction,
 * notes) and returns the plan its sessions follow.
 */
export function seedSubject(
  rng: Random,
  ref: Reference,
  labCounters: number[],
  sessionCount: number,
  out: RowBuffer,
): SubjectPlan {
  const labIndex = rng.weighted(LABS.map((_, i) => [i, i === 0 ? 3 : 2] as const));
  const lab = LABS[labIndex] ?? LABS[0];
  if (!lab) throw new Error('no labs');
  labCounters[labIndex] = (labCounters[labIndex] ?? 0) + 1;
  const nickname = lab.nickname(labCounters[labIndex] ?? 1);
  const id = rng.uuid();
  const labUsers = ref.labUsers[labIndex] ?? [];
  const responsibleUser = rng.pick(labUsers);
  const sex = rng.weighted([
    ['M', 48],
    ['F', 48],
    ['U', 4],
  ] as const);
  const baseWeight = rng.float(sex === 'F' ? 18 : 21, sex === 'F' ? 24 : 28, 1);
  const ephys = sessionCount >= 10 && rng.chance(0.6);
  const duration = Math.ceil(sessionCount * 1.5) + 21;
  const trainingStart = addDays(BASE_DATE, rng.int(0, Math.max(0, SPAN_DAYS - duration)));
  const birth = addDays(trainingStart, -rng.int(56, 110));
  const days = weekdaysFrom(trainingStart, sessionCount, rng);
  const lastDay = days[days.length - 1] ?? trainingStart;
  const end = addDays(BASE_DATE, SPAN_DAYS);
  const deathCandidate = ephys ? addDays(lastDay, rng.int(1, 4)) : addDays(lastDay, rng.int(20, 200));
  const dead = (ephys || sessionCount === 0 || rng.chance(0.3)) && deathCandidate < end;
  const genotype = rng.weighted(GENOTYPES.map((g, i) => [g, i === 0 ? 4 : 1] as const));
  const projects = rng.chance(0.25)
    ? rng.sample(ref.projects, 2)
    : [rng.pick(ref.projects.slice(0, ephys ? 1 : 3))];

  out.add('subjects', {
    id,
    nickname,
    name: '',
    lab: ref.labs[labIndex],
    responsible_user: responsibleUser,
    sex,
    birth_date: isoDate(birth),
    death_date: dead ? isoDate(deathCandidate) : null,
    wean_date: isoDate(addDays(birth, 21)),
    genotype_date: genotype.genotype.length > 0 ? isoDate(addDays(birth, 30)) : null,
    species: 'Laboratory mouse',
    strain: genotype.strain,
    line: genotype.line,
    litter: null,
    source: rng.pick(['Charles River', 'Jackson Laboratory', 'Bred in-house']),
    genotype: genotype.genotype.map((g) => ({ ...g })),
    projects,
    cage: String(rng.int(100000, 999999)),
    request: null,
    ear_mark: rng.pick(['', 'L', 'R', 'LR', 'TL', 'BR']),
    protocol_number: rng.pick(['1', '2', '3']),
    description: rng.chance(0.1) ? 'Slightly smaller than littermates at weaning.' : '',
    adverse_effects: '',
    actual_severity: dead ? rng.pick([2, 3]) : null,
    to_be_genotyped: false,
    to_be_culled: !dead && rng.chance(0.03),
    reduced_date: null,
    json: rng.chance(0.2)
      ? {
          history: {
            cage: [{ date_time: isoDateTime(addDays(birth, 30)), value: String(rng.int(100000, 999999)) }],
          },
        }
      : null,
  });

  const kinds = sessionKinds(sessionCount, ephys);
  const plan: SubjectPlan = {
    id,
    nickname,
    labIndex,
    labId: ref.labs[labIndex] ?? '',
    responsibleUser,
    projects,
    days,
    kinds,
    baseWeight,
  };
  if (sessionCount > 0) seedSubjectActions(rng, ref, plan, trainingStart, lastDay, dead, out);
  if (rng.chance(0.1)) {
    out.add('notes', {
      id: rng.uuid(),
      user: rng.pick(labUsers),
      date_time: isoDateTime(addDays(trainingStart, -rng.int(1, 30)) + rng.int(8, 18) * 3_600_000),
      content_type: 'subjects.subject',
      object_id: id,
      text: rng.pick(NOTE_TEXTS),
      image: null,
      name: '',
      json: null,
    });
  }
  return plan;
}

function seedSubjectActions(
  rng: Random,
  ref: Reference,
  plan: SubjectPlan,
  trainingStart: number,
  lastDay: number,
  dead: boolean,
  out: RowBuffer,
): void {
  const locations = ref.locations[plan.labIndex] ?? [];
  const surgeryRoom = locations[locations.length - 1] ?? null;
  const surgeon = rng.pick(ref.labUsers[plan.labIndex] ?? []);
  const implantAt = addDays(trainingStart, -rng.int(10, 16)) + rng.int(9, 15) * 3_600_000;
  out.add('surgeries', {
    id: rng.uuid(),
    subject: plan.id,
    name: '',
    narrative: rng.pick([
      'Headplate implant, metabond.',
      'Headplate + UV cement, no complications.',
      'Headplate implanted; slight bleeding, stopped quickly.',
    ]),
    start_time: isoDateTime(implantAt),
    end_time: isoDateTime(implantAt + rng.int(45, 90) * 60_000),
    outcome_type: 'r',
    implant_weight: rng.float(0.9, 1.6, 2),
    lab: plan.labId,
    location: surgeryRoom,
    users: [surgeon],
    procedures: [ref.procedures.get('Headplate implant')],
    json: null,
  });
  const firstEphys = plan.kinds.indexOf('ephys');
  const ephysDay = plan.days[firstEphys];
  if (firstEphys >= 0 && ephysDay !== undefined) {
    const at = addDays(ephysDay, -1) + rng.int(10, 16) * 3_600_000;
    out.add('surgeries', {
      id: rng.uuid(),
      subject: plan.id,
      name: '',
      narrative: 'Craniotomy over the planned insertion sites; covered with Kwik-Cast.',
      start_time: isoDateTime(at),
      end_time: isoDateTime(at + rng.int(30, 60) * 60_000),
      outcome_type: 'a',
      implant_weight: 0,
      lab: plan.labId,
      location: surgeryRoom,
      users: [surgeon],
      procedures: [ref.procedures.get('Craniotomy')],
      json: null,
    });
  }
  const restrictionEnd = addDays(lastDay, 1) + 18 * 3_600_000;
  const ongoing = !dead && restrictionEnd > addDays(BASE_DATE, SPAN_DAYS - 30);
  out.add('water-restriction', {
    id: rng.uuid(),
    subject: plan.id,
    name: '',
    start_time: isoDateTime(addDays(trainingStart, -rng.int(5, 8)) + 17 * 3_600_000),
    end_time: ongoing ? null : isoDateTime(restrictionEnd),
    water_type: ref.waterTypes[0],
    reference_weight: plan.baseWeight,
    narrative: '',
    lab: plan.labId,
    location: null,
    users: [plan.responsibleUser],
    procedures: [],
    json: null,
  });
}
