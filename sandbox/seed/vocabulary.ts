/** IBL-like vocabulary for the demo data, written for the sandbox (not copied from any database). */

export interface LabSpec {
  name: string;
  institution: string;
  address: string;
  timezone: string;
  referenceWeightPct: number;
  zscoreWeightPct: number;
  lat: number;
  lng: number;
  /** How the lab nicknames its mice; `n` is the lab's running number. */
  nickname: (n: number) => string;
  rooms: readonly string[];
}

export const LABS: readonly LabSpec[] = [
  {
    name: 'cortexlab',
    institution: 'University College London',
    address: 'Cruciform Building, Gower Street, London WC1E 6BT, UK',
    timezone: 'Europe/London',
    referenceWeightPct: 0.8,
    zscoreWeightPct: 0,
    lat: 51.5246,
    lng: -0.1339,
    nickname: (n) => `KS${String(n).padStart(3, '0')}`,
    rooms: ['cortexlab_rig_1', 'cortexlab_rig_2', 'cortexlab_ephys_rig', 'cortexlab_surgery_room'],
  },
  {
    name: 'mainenlab',
    institution: 'Champalimaud Centre for the Unknown',
    address: 'Av. Brasília, 1400-038 Lisboa, Portugal',
    timezone: 'Europe/Lisbon',
    referenceWeightPct: 0.85,
    zscoreWeightPct: 0,
    lat: 38.6934,
    lng: -9.2215,
    nickname: (n) => (n % 3 === 0 ? `ZM_${1000 + n}` : `ZFM-${String(1900 + n).padStart(5, '0')}`),
    rooms: [
      'mainenlab_behavior_box_1',
      'mainenlab_behavior_box_2',
      'mainenlab_ephys_rig',
      'mainenlab_surgery',
    ],
  },
  {
    name: 'churchlandlab',
    institution: 'Cold Spring Harbor Laboratory',
    address: '1 Bungtown Road, Cold Spring Harbor, NY 11724, USA',
    timezone: 'America/New_York',
    referenceWeightPct: 0.8,
    zscoreWeightPct: 0.75,
    lat: 40.8595,
    lng: -73.4682,
    nickname: (n) => `CSHL${String(n).padStart(3, '0')}`,
    rooms: ['churchlandlab_rig_a', 'churchlandlab_rig_b', 'churchlandlab_ephys', 'churchlandlab_surgery'],
  },
  {
    name: 'danlab',
    institution: 'University of California, Berkeley',
    address: 'Li Ka Shing Center, Berkeley, CA 94720, USA',
    timezone: 'America/Los_Angeles',
    referenceWeightPct: 0.85,
    zscoreWeightPct: 0,
    lat: 37.8735,
    lng: -122.2649,
    nickname: (n) => `DY_${String(n).padStart(3, '0')}`,
    rooms: ['danlab_behavior_1', 'danlab_ephys_rig', 'danlab_surgery'],
  },
];

export interface UserSpec {
  username: string;
  firstName: string;
  lastName: string;
  /** Index into LABS; the demo accounts belong to every lab's data through their role instead. */
  lab: number;
  isStaff?: boolean;
  isSuperuser?: boolean;
  isPublicUser?: boolean;
  isStockManager?: boolean;
  /** Demo accounts get this password (hashed); other users get an unusable password. */
  password?: string;
}

export const USERS: readonly UserSpec[] = [
  {
    username: 'admin',
    firstName: 'Sandbox',
    lastName: 'Admin',
    lab: 0,
    isStaff: true,
    isSuperuser: true,
    password: 'admin',
  },
  { username: 'alice', firstName: 'Alice', lastName: 'Moreau', lab: 0, isStaff: true, password: 'alice' },
  {
    username: 'public',
    firstName: 'Public',
    lastName: 'Reader',
    lab: 0,
    isPublicUser: true,
    password: 'public',
  },
  { username: 'kwame', firstName: 'Kwame', lastName: 'Asante', lab: 0, isStaff: true, isStockManager: true },
  { username: 'ines', firstName: 'Inês', lastName: 'Carvalho', lab: 1, isStaff: true },
  { username: 'tomas', firstName: 'Tomás', lastName: 'Ribeiro', lab: 1, isStaff: true },
  { username: 'priya', firstName: 'Priya', lastName: 'Raman', lab: 2, isStaff: true, isStockManager: true },
  { username: 'dmitri', firstName: 'Dmitri', lastName: 'Volkov', lab: 2, isStaff: true },
  { username: 'mei', firstName: 'Mei', lastName: 'Tanaka', lab: 3, isStaff: true },
  { username: 'samuel', firstName: 'Samuel', lastName: 'Okafor', lab: 3, isStaff: true },
];

export const DEMO_ACCOUNTS = ['admin', 'alice', 'public'] as const;

export const PROJECTS = [
  {
    name: 'ibl_neuropixel_brainwide_01',
    description: 'Brain-wide map: Neuropixels recordings during the biased choice task.',
  },
  { name: 'ibl_behaviour_pilot', description: 'Behavioural training pilot across labs.' },
  {
    name: 'sandbox_widefield',
    description: 'Widefield calcium imaging during the choice task (demo project).',
  },
  { name: 'sandbox_practice', description: 'Practice sessions and rig tests; safe to edit.' },
] as const;

export const PROCEDURES = [
  { name: 'Behavior training/tasks', description: 'Training on a behavioural task with water as reward.' },
  { name: 'Handling habituation', description: 'Habituation to handling and head fixation.' },
  { name: 'Headplate implant', description: 'Implantation of a head plate under general anaesthesia.' },
  { name: 'Craniotomy', description: 'Opening of the skull over the recording site.' },
  {
    name: 'Acute electrophysiological recording',
    description: 'Neuropixels recording through a craniotomy.',
  },
  { name: 'Fiber photometry', description: '' },
  { name: 'Imaging', description: 'Widefield or two-photon imaging through a cleared skull or window.' },
  { name: 'Perfusion', description: 'Transcardial perfusion for histology.' },
] as const;

export const WATER_TYPES = ['Water', 'Water 10% Sucrose', 'Hydrogel', 'Water 2% Citric Acid'] as const;

export const DATA_FORMATS = [
  { name: 'npy', extension: '.npy', description: 'NumPy binary format', loader: 'numpy.load' },
  { name: 'parquet', extension: '.pqt', description: 'Apache Parquet table', loader: 'pandas.read_parquet' },
  { name: 'json', extension: '.json', description: 'JSON document', loader: 'json.load' },
  { name: 'jsonable', extension: '.jsonable', description: 'One JSON object per line', loader: '' },
  { name: 'mp4', extension: '.mp4', description: 'MPEG-4 video', loader: '' },
  {
    name: 'cbin',
    extension: '.cbin',
    description: 'mtscomp-compressed binary',
    loader: 'mtscomp.decompress',
  },
  { name: 'meta', extension: '.meta', description: 'SpikeGLX metadata', loader: '' },
  { name: 'ch', extension: '.ch', description: 'mtscomp chunk table', loader: '' },
  { name: 'tsv', extension: '.tsv', description: 'Tab-separated values', loader: 'pandas.read_csv' },
  { name: 'ssv', extension: '.ssv', description: 'Space-separated values', loader: '' },
  { name: 'bin', extension: '.bin', description: 'Raw binary', loader: 'numpy.fromfile' },
  { name: 'yaml', extension: '.yaml', description: 'YAML document', loader: 'yaml.safe_load' },
] as const;

export const DATA_REPOSITORY_TYPES = ['Fileserver', 'AWS S3 bucket', 'Personal computer'] as const;

export const REVISIONS = [
  { name: '2024-05-06', description: 'Re-extraction of trials with the corrected stimulus-on times.' },
  { name: '2025-01-20', description: 'Spike sorting re-run with the new drift correction.' },
  { name: 'ks2.5', description: 'Kilosort 2.5 reference output.' },
] as const;

export const TAGS = [
  {
    name: 'Brainwide map 2024',
    description: 'Datasets frozen for the 2024 brain-wide map release.',
    protected: true,
    public: false,
  },
  {
    name: 'Public release 2025',
    description: 'Datasets shared on the public database.',
    protected: false,
    public: true,
  },
  { name: 'needs review', description: 'Flagged for manual review.', protected: false, public: false },
] as const;

export const TASK_PROTOCOL_VERSION = '8.12.10';

export const PROTOCOLS = {
  habituation: `_iblrig_tasks_habituationChoiceWorld${TASK_PROTOCOL_VERSION}`,
  training: `_iblrig_tasks_trainingChoiceWorld${TASK_PROTOCOL_VERSION}`,
  biased: `_iblrig_tasks_biasedChoiceWorld${TASK_PROTOCOL_VERSION}`,
  ephys: `_iblrig_tasks_ephysChoiceWorld${TASK_PROTOCOL_VERSION}/_iblrig_tasks_passiveChoiceWorld${TASK_PROTOCOL_VERSION}`,
} as const;

export type SessionKind = keyof typeof PROTOCOLS;

export const NARRATIVES = [
  'Mouse was calm; licked well from the spout throughout.',
  'Wheel slipped twice at the start, fixed after 5 minutes.',
  'Low engagement in the second half, stopped early.',
  'Good session. Bias blocks clearly visible in the psychometric.',
  'Craniotomy clean, no bleeding. Probe inserted slowly (5 um/s), waited 10 min before recording.',
  'Brief noise on the left camera around trial 200.',
  'Weight below threshold in the morning; gave 0.5 mL extra after the session.',
  'Rig recalibrated before the session (valve 3.1 uL/ms).',
] as const;

export const NOTE_TEXTS = [
  'Check the video timestamps against the FPGA before re-extracting.',
  'Histology done; tracks traced by two annotators.',
  'Eye looked slightly irritated, applied eye cream.',
  'Moved to a new cage with littermates.',
  'Re-sorted with the updated channel map.',
  'Session excluded from the release: the passive protocol crashed.',
] as const;

export const PROBE_MODELS = ['3B2', '3A', 'NP2.1', 'NP2.4'] as const;

/** Alyx trajectory provenances (stored ints). */
export const PROVENANCE = { planned: 10, micromanipulator: 30, histology: 50, aligned: 70 } as const;

/** Alyx/ONE QC values (stored ints). */
export const QC = { notSet: 0, pass: 10, warning: 30, fail: 40, critical: 50 } as const;
