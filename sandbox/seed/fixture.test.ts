import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { resources } from '../resources/registry.ts';
import { CheckingSink } from './checking-sink.ts';
import { CollectingSink } from './collecting-sink.ts';
import { dependencyOrder, loadFixture } from './fixture.ts';
import { naiveDateTime } from './fixture-convert.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(repoRoot, '../shared/alyx/fixtures');
const haveShared = existsSync(fixtures);
if (!haveShared)
  console.info(
    `fixture tests skipped: ${fixtures} does not exist (no ../shared/alyx next to the repository)`,
  );
const declared = new Set(resources.map((r) => r.name));

describe('fixture helpers', () => {
  it('orders resources so that FK targets come first', () => {
    const order = dependencyOrder(resources);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('subjects'));
    expect(order.indexOf('subjects')).toBeLessThan(order.indexOf('sessions'));
    expect(order.indexOf('sessions')).toBeLessThan(order.indexOf('datasets'));
  });

  it('turns Django datetimes into naive UTC', () => {
    expect(naiveDateTime('2017-06-19T18:03:35.598')).toBe('2017-06-19T18:03:35.598');
    expect(naiveDateTime('2017-05-31T10:29:02.071468+02:00')).toBe('2017-05-31T08:29:02.071468');
    expect(naiveDateTime('2017-05-31T10:29:02Z')).toBe('2017-05-31T10:29:02');
    expect(naiveDateTime('')).toBeNull();
  });
});

describe.skipIf(!haveShared)('loadFixture on the shared Alyx dumps', () => {
  it('loads the anonymised database dump with integrity', async () => {
    const sink = new CollectingSink();
    const result = await loadFixture(sink, path.join(fixtures, 'all_dumped_anon.json.gz'));
    expect(result.loaded.subjects).toBe(968);
    expect(result.loaded.sessions).toBe(337);
    expect(result.loaded.labs).toBe(1);
    expect(result.loaded.locations).toBe(6);
    expect(result.loaded.users).toBe(29 + 3);
    for (const [resource, n] of Object.entries({
      weighings: 50,
      'water-administrations': 50,
      'water-restriction': 63,
      surgeries: 121,
      procedures: 21,
      'water-type': 2,
    })) {
      if (declared.has(resource)) expect(result.loaded[resource], resource).toBe(n);
    }
    expect(result.skipped['subjects.breedingpair']).toBe(58);
    expect(result.skipped['subjects.litter']).toBe(185);

    const subjects = sink.get('subjects');
    const first = subjects.find((s) => s.id === '01228d85-2b15-4263-9bbf-b9bb534db7e3');
    expect(first).toMatchObject({
      nickname: '01228d',
      sex: 'F',
      species: 'Laboratory mouse',
      birth_date: '2017-05-06',
      lab: '4027da48-7be3-43ec-a222-f75dffe36872',
    });
    expect(typeof first?.litter).toBe('string');
    expect(subjects.some((s) => Array.isArray(s.genotype) && s.genotype.length > 0)).toBe(true);

    // Replaying the loaded rows through a checking sink proves every reference resolves.
    const checking = new CheckingSink(resources);
    for (const resource of dependencyOrder(resources))
      await checking.insertMany(resource, sink.get(resource));
    expect(checking.problems.filter((p) => !p.includes('parent_session'))).toEqual([]);

    const users = sink.get('users');
    const admin = users.find((u) => u.username === 'admin');
    expect(verifyPassword('admin', String(admin?.password))).toBe(true);
    expect(users.find((u) => u.username === 'public')?.is_public_user).toBe(true);
  });

  it.each([
    ['data.datasettype.json', 'dataset-types'],
    ['data.dataformat.json', 'data-formats'],
    ['data.datarepositorytype.json', 'data-repository-type'],
    ['actions.proceduretype.json', 'procedures'],
    ['actions.watertype.json', 'water-type'],
    ['experiments.brainregion.json', 'brain-regions'],
  ])('loads the reference fixture %s', async (file, resource) => {
    const objects = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as unknown[];
    const sink = new CollectingSink();
    const result = await loadFixture(sink, path.join(fixtures, file));
    if (!declared.has(resource)) {
      expect(result.skipped).toEqual({ [file.replace(/\.json$/, '')]: objects.length });
      return;
    }
    expect(result.loaded[resource]).toBe(objects.length);
    expect(result.skipped).toEqual({});
    if (resource === 'brain-regions') {
      const regions = sink.get('brain-regions');
      expect(regions.find((r) => r.id === 614454277)).toMatchObject({ acronym: 'Su3', parent: 795 });
      expect(result.nulledReferences).toEqual({});
    }
  });
});
