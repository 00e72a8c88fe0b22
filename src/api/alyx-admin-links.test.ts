import { describe, expect, it } from 'vitest';
import { ADMIN_MODELS, adminLinks } from './alyx-admin-links.ts';

const ROOT = 'https://alyx.example.org';
const SUBJECT_ID = '01228d85-2b15-4263-9bbf-b9bb534db7e3';

describe('adminLinks', () => {
  it("gives a subject its admin change and history pages and Alyx's water history and weighing plot", () => {
    expect(adminLinks(ROOT, 'subjects', 'KS005', { id: SUBJECT_ID, nickname: 'KS005' })).toEqual([
      {
        id: 'change',
        label: 'Change page (Django admin)',
        href: `${ROOT}/admin/subjects/subject/${SUBJECT_ID}/change/`,
      },
      {
        id: 'history',
        label: 'History (Django admin)',
        href: `${ROOT}/admin/subjects/subject/${SUBJECT_ID}/history/`,
      },
      {
        id: 'water-history',
        label: 'Water history',
        href: `${ROOT}/admin-actions/water-history/${SUBJECT_ID}`,
      },
      {
        id: 'weighing-plot',
        label: 'Weighing plot',
        href: `${ROOT}/admin-actions/weighing-plot/${SUBJECT_ID}`,
      },
    ]);
  });

  it('uses the primary key, never the nickname, and only change/history for other endpoints', () => {
    const links = adminLinks(`${ROOT}/`, 'sessions', SUBJECT_ID, { id: SUBJECT_ID.toUpperCase() });
    expect(links.map((link) => link.href)).toEqual([
      `${ROOT}/admin/actions/session/${SUBJECT_ID}/change/`,
      `${ROOT}/admin/actions/session/${SUBJECT_ID}/history/`,
    ]);
    expect(adminLinks(ROOT, 'subjects', 'KS005', { nickname: 'KS005' })).toEqual([]);
  });

  it('takes the lookup as the key where Alyx shows no id (weighings, datasets), integer ids too', () => {
    expect(adminLinks(ROOT, 'weighings', SUBJECT_ID, { url: 'x' })[0]?.href).toBe(
      `${ROOT}/admin/actions/weighing/${SUBJECT_ID}/change/`,
    );
    expect(adminLinks(ROOT, 'datasets', SUBJECT_ID, undefined)[0]?.href).toBe(
      `${ROOT}/admin/data/dataset/${SUBJECT_ID}/change/`,
    );
    expect(adminLinks(ROOT, 'brain-regions', '997', { id: 997 })[0]?.href).toBe(
      `${ROOT}/admin/experiments/brainregion/997/change/`,
    );
    // A name lookup is no key: labs are known only by name.
    expect(adminLinks(ROOT, 'labs', 'cortexlab', { name: 'cortexlab' })).toEqual([]);
    expect(adminLinks(ROOT, 'sessions', 'abc', { id: 'abc' })).toEqual([]);
  });

  it('refuses hostile ids and endpoints outside the table, and instances without an admin', () => {
    for (const id of ['../../evil', 'javascript:alert(1)', `${SUBJECT_ID}/../x`, '1e3', -1, 1.5, null]) {
      expect(adminLinks(ROOT, 'sessions', String(id), { id })).toEqual([]);
    }
    expect(adminLinks(ROOT, 'constructor', SUBJECT_ID, { id: SUBJECT_ID })).toEqual([]);
    expect(adminLinks(ROOT, 'water-restriction', SUBJECT_ID, { id: SUBJECT_ID })).toEqual([]);
    expect(adminLinks(undefined, 'sessions', SUBJECT_ID, { id: SUBJECT_ID })).toEqual([]);
  });

  it('names real Django models: lowercase app labels and model names', () => {
    for (const { app, model } of Object.values(ADMIN_MODELS)) {
      expect(app).toMatch(/^[a-z]+$/);
      expect(model).toMatch(/^[a-z]+$/);
    }
  });
});
