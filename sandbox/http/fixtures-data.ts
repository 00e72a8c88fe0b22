import type { Sandbox } from '../app.ts';
import { IDS } from './test-helpers.ts';

export const SUBJECTS = {
  ks1: '30000000-0000-4000-8000-000000000001',
  ks2: '30000000-0000-4000-8000-000000000002',
  zm1: '30000000-0000-4000-8000-000000000003',
};

export function sessionId(i: number): string {
  return `40000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

/** Labs, projects, 3 subjects, 30 sessions and a small brain-region tree for list/filter tests. */
export async function loadListData(sandbox: Sandbox): Promise<void> {
  await sandbox.sink.insertMany('labs', [
    { id: IDS.labA, name: 'cortexlab', timezone: 'Europe/London', json: { lat: 51.5 } },
    { id: IDS.labB, name: 'mainenlab', timezone: 'Europe/Lisbon' },
  ]);
  await sandbox.sink.insertMany('projects', [
    { id: IDS.projX, name: 'ibl_neuropixel_brainwide_01', users: [IDS.alice] },
    { id: IDS.projY, name: 'matlab_legacy', users: [] },
  ]);
  await sandbox.sink.insertMany('subjects', [
    {
      id: SUBJECTS.ks1,
      nickname: 'KS001',
      lab: IDS.labA,
      responsible_user: IDS.alice,
      projects: [IDS.projX],
      birth_date: '2020-01-15',
      litter_size: 4,
    },
    {
      id: SUBJECTS.ks2,
      nickname: 'KS002',
      lab: IDS.labA,
      responsible_user: IDS.admin,
      projects: [IDS.projX, IDS.projY],
      litter_size: 6,
    },
    {
      id: SUBJECTS.zm1,
      nickname: 'ZM_001',
      lab: IDS.labB,
      responsible_user: IDS.admin,
      projects: [],
      alive_flag: false,
    },
  ]);
  const subjects = [SUBJECTS.ks1, SUBJECTS.ks2, SUBJECTS.zm1];
  await sandbox.sink.insertMany(
    'sessions',
    Array.from({ length: 30 }, (_, i) => ({
      id: sessionId(i),
      subject: subjects[i % 3],
      start_time: `2021-03-${String(1 + i).padStart(2, '0')}T10:00:00${i === 0 ? '.5' : ''}`,
      number: i % 4,
      qc: [0, 10, 30, 40, 50][i % 5],
      extended_qc: i % 2 === 0 ? { alignment_resolved: true, pct: i } : { pct: i },
      users: i % 2 === 0 ? [IDS.alice, IDS.admin] : [IDS.alice],
      json: i === 3 ? { extended_qc: { alignment_resolved: true } } : null,
    })),
  );
  await sandbox.sink.insertMany('brain-regions', [
    { id: 997, acronym: 'root', name: 'root', parent: null },
    { id: 8, acronym: 'grey', name: 'Basic cell groups and regions', parent: 997 },
    { id: 567, acronym: 'CH', name: 'Cerebrum', parent: 8 },
  ]);
}
