import { BRAIN_REGIONS, nestedSet } from './brain-regions.ts';
import { DATASET_TYPES } from './dataset-vocabulary.ts';
import { userRow } from './demo-accounts.ts';
import { BASE_DATE, addDays, isoDateTime, type Random } from './random.ts';
import type { RowBuffer } from './row-buffer.ts';
import {
  DATA_FORMATS,
  DATA_REPOSITORY_TYPES,
  LABS,
  PROCEDURES,
  PROJECTS,
  REVISIONS,
  TAGS,
  USERS,
  WATER_TYPES,
} from './vocabulary.ts';

/** Ids of the reference rows, by name, for the generators of subjects and sessions. */
export interface Reference {
  labs: string[];
  /** Users who do lab work, per lab index (the public account never appears in data). */
  labUsers: string[][];
  users: Map<string, string>;
  projects: string[];
  /** Locations per lab index; the last one of each lab is its surgery room. */
  locations: string[][];
  procedures: Map<string, string>;
  waterTypes: string[];
  /** Per lab index: the lab's own file server. */
  labServers: string[];
  cloud: string;
  personal: string;
  dataFormats: Map<string, string>;
  datasetTypes: Map<string, string>;
  revisions: Map<string, string>;
  tags: Map<string, string>;
}

function idOf(ids: Map<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`seed: no id for ${name}`);
  return id;
}

const byName = <T extends { name: string }>(rng: Random, items: readonly T[]): Map<string, string> =>
  new Map(items.map((item) => [item.name, rng.uuid()]));

export function seedReference(rng: Random, out: RowBuffer): Reference {
  const repoTypes = byName(
    rng,
    DATA_REPOSITORY_TYPES.map((name) => ({ name })),
  );
  for (const [name, id] of repoTypes) out.add('data-repository-type', { id, name, json: null });

  const labServers = LABS.map((lab) => {
    const id = rng.uuid();
    out.add('data-repository', {
      id,
      name: `${lab.name}_server`,
      timezone: lab.timezone,
      globus_path: `/mnt/s0/Data/Subjects/`,
      hostname: `${lab.name}-server.sandbox.example.org`,
      data_url: null,
      repository_type: repoTypes.get('Fileserver'),
      globus_endpoint_id: rng.uuid(),
      globus_is_personal: false,
      json: null,
    });
    return id;
  });
  const cloud = rng.uuid();
  out.add('data-repository', {
    id: cloud,
    name: 'sandbox_cloud',
    timezone: 'UTC',
    globus_path: '/public/Subjects/',
    hostname: 'data.sandbox.example.org',
    data_url: 'https://data.sandbox.example.org/public/Subjects/',
    repository_type: repoTypes.get('AWS S3 bucket'),
    globus_endpoint_id: rng.uuid(),
    globus_is_personal: false,
    json: { bucket_name: 'sandbox-public-data', region: 'us-east-1' },
  });
  const personal = rng.uuid();
  out.add('data-repository', {
    id: personal,
    name: 'alice_laptop',
    timezone: 'Europe/London',
    globus_path: '/home/alice/Downloads/FlatIron/Subjects/',
    hostname: 'alice-laptop.local',
    data_url: null,
    repository_type: repoTypes.get('Personal computer'),
    globus_endpoint_id: rng.uuid(),
    globus_is_personal: true,
    json: null,
  });

  const labs = LABS.map((lab, i) => {
    const id = rng.uuid();
    out.add('labs', {
      id,
      name: lab.name,
      institution: lab.institution,
      address: lab.address,
      timezone: lab.timezone,
      reference_weight_pct: lab.referenceWeightPct,
      zscore_weight_pct: lab.zscoreWeightPct,
      repositories: [labServers[i], cloud],
      json: { lat: lab.lat, lng: lab.lng },
    });
    return id;
  });

  const users = new Map<string, string>();
  const labUsers: string[][] = LABS.map(() => []);
  USERS.forEach((spec, i) => {
    const id = rng.uuid();
    users.set(spec.username, id);
    if (!spec.isPublicUser) labUsers[spec.lab]?.push(id);
    const lab = spec.isPublicUser || spec.isSuperuser ? [] : [labs[spec.lab]];
    out.add('users', {
      ...userRow(id, spec, isoDateTime(addDays(BASE_DATE, -500 + i * 17)), rng.hex(40)),
      lab,
    });
  });

  const projects = PROJECTS.map((project, i) => {
    const id = rng.uuid();
    const members = i === 3 ? [...users.values()] : rng.sample([...users.values()], 4);
    out.add('projects', {
      id,
      name: project.name,
      description: project.description,
      users: members,
      json: null,
    });
    return id;
  });

  const locations = LABS.map((lab, labIndex) =>
    lab.rooms.map((room) => {
      const id = rng.uuid();
      out.add('locations', { id, name: room, lab: labs[labIndex], json: null });
      return id;
    }),
  );

  const procedures = byName(rng, PROCEDURES);
  for (const p of PROCEDURES)
    out.add('procedures', {
      id: idOf(procedures, p.name),
      name: p.name,
      description: p.description,
      json: null,
    });

  const waterTypes = WATER_TYPES.map((name) => {
    const id = rng.uuid();
    out.add('water-type', { id, name, json: null });
    return id;
  });

  const dataFormats = byName(rng, DATA_FORMATS);
  for (const f of DATA_FORMATS) {
    out.add('data-formats', {
      id: idOf(dataFormats, f.name),
      name: f.name,
      description: f.description,
      file_extension: f.extension,
      matlab_loader_function: '',
      python_loader_function: f.loader,
      json: null,
    });
  }

  const datasetTypes = byName(rng, DATASET_TYPES);
  const creator = users.get('kwame');
  for (const d of DATASET_TYPES) {
    out.add('dataset-types', {
      id: idOf(datasetTypes, d.name),
      name: d.name,
      description: d.description,
      filename_pattern: d.pattern,
      created_by: d.name.startsWith('_iblrig') ? null : creator,
      json: null,
    });
  }

  const revisions = byName(rng, REVISIONS);
  REVISIONS.forEach((rev, i) => {
    out.add('revisions', {
      id: idOf(revisions, rev.name),
      name: rev.name,
      description: rev.description,
      created_datetime: isoDateTime(addDays(BASE_DATE, 120 + i * 200)),
      json: null,
    });
  });

  const tags = byName(rng, TAGS);
  for (const tag of TAGS) {
    out.add('tags', {
      id: idOf(tags, tag.name),
      name: tag.name,
      description: tag.description,
      protected: tag.protected,
      public: tag.public,
      hash: tag.protected ? rng.hex(32) : null,
      json: null,
    });
  }

  const tree = nestedSet(BRAIN_REGIONS);
  for (const region of BRAIN_REGIONS) {
    const position = tree.get(region.id);
    out.add('brain-regions', {
      id: region.id,
      acronym: region.acronym,
      name: region.name,
      parent: region.parent,
      description: '',
      lft: position?.lft ?? null,
      rght: position?.rght ?? null,
      tree_id: 1,
      level: position?.level ?? null,
    });
  }

  return {
    labs,
    labUsers,
    users,
    projects,
    locations,
    procedures,
    waterTypes,
    labServers,
    cloud,
    personal,
    dataFormats,
    datasetTypes,
    revisions,
    tags,
  };
}
