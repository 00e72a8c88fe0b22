import {
  procedures,
  surgeries,
  waterAdministrations,
  waterRestriction,
  waterType,
  weighings,
} from './actions.ts';
import { brainRegions } from './brain-regions.ts';
import {
  dataFormats,
  dataRepository,
  dataRepositoryType,
  datasetTypes,
  revisions,
  tags,
} from './data-catalog.ts';
import { datasets, files } from './datasets.ts';
import { channels, insertions, trajectories } from './experiments.ts';
import { tasks } from './jobs.ts';
import { labs, locations, notes, projects, users } from './misc.ts';
import { sessions } from './sessions.ts';
import { subjects } from './subjects.ts';
import type { ResourceDeclaration } from './types.ts';

/** Every endpoint of the sandbox, in the order of Alyx's schema (alphabetical by path). */
export const resources: readonly ResourceDeclaration[] = [
  brainRegions,
  channels,
  insertions,
  procedures,
  surgeries,
  tasks,
  trajectories,
  waterAdministrations,
  waterRestriction,
  waterType,
  weighings,
  dataFormats,
  dataRepository,
  dataRepositoryType,
  datasetTypes,
  datasets,
  files,
  labs,
  locations,
  notes,
  projects,
  revisions,
  sessions,
  subjects,
  tags,
  users,
].sort((a, b) => (a.name < b.name ? -1 : 1));

const byName = new Map(resources.map((r) => [r.name, r]));

export function resourceByName(name: string): ResourceDeclaration | undefined {
  return byName.get(name);
}
