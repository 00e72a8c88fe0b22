/** A small slice of the Allen mouse brain ontology (CCF 2017 ids and acronyms), enough for channels and filters. */

export interface BrainRegionSpec {
  id: number;
  acronym: string;
  name: string;
  parent: number | null;
}

const r = (id: number, acronym: string, name: string, parent: number | null): BrainRegionSpec => ({
  id,
  acronym,
  name,
  parent,
});

export const BRAIN_REGIONS: readonly BrainRegionSpec[] = [
  r(997, 'root', 'root', null),
  r(8, 'grey', 'Basic cell groups and regions', 997),
  r(567, 'CH', 'Cerebrum', 8),
  r(688, 'CTX', 'Cerebral cortex', 567),
  r(695, 'CTXpl', 'Cortical plate', 688),
  r(315, 'Isocortex', 'Isocortex', 695),
  r(500, 'MO', 'Somatomotor areas', 315),
  r(985, 'MOp', 'Primary motor area', 500),
  r(993, 'MOs', 'Secondary motor area', 500),
  r(453, 'SS', 'Somatosensory areas', 315),
  r(322, 'SSp', 'Primary somatosensory area', 453),
  r(669, 'VIS', 'Visual areas', 315),
  r(385, 'VISp', 'Primary visual area', 669),
  r(409, 'VISl', 'Lateral visual area', 669),
  r(31, 'ACA', 'Anterior cingulate area', 315),
  r(972, 'PL', 'Prelimbic area', 315),
  r(44, 'ILA', 'Infralimbic area', 315),
  r(714, 'ORB', 'Orbital area', 315),
  r(254, 'RSP', 'Retrosplenial area', 315),
  r(1089, 'HPF', 'Hippocampal formation', 695),
  r(1080, 'HIP', 'Hippocampal region', 1089),
  r(375, 'CA', "Ammon's horn", 1080),
  r(382, 'CA1', 'Field CA1', 375),
  r(463, 'CA3', 'Field CA3', 375),
  r(726, 'DG', 'Dentate gyrus', 1080),
  r(623, 'CNU', 'Cerebral nuclei', 567),
  r(477, 'STR', 'Striatum', 623),
  r(485, 'STRd', 'Striatum dorsal region', 477),
  r(672, 'CP', 'Caudoputamen', 485),
  r(56, 'ACB', 'Nucleus accumbens', 477),
  r(343, 'BS', 'Brain stem', 8),
  r(1129, 'IB', 'Interbrain', 343),
  r(549, 'TH', 'Thalamus', 1129),
  r(170, 'LGd', 'Dorsal part of the lateral geniculate complex', 549),
  r(218, 'LP', 'Lateral posterior nucleus of the thalamus', 549),
  r(1020, 'PO', 'Posterior complex of the thalamus', 549),
  r(733, 'VPM', 'Ventral posteromedial nucleus of the thalamus', 549),
  r(1097, 'HY', 'Hypothalamus', 1129),
  r(313, 'MB', 'Midbrain', 343),
  r(302, 'SCs', 'Superior colliculus, sensory related', 313),
  r(294, 'SCm', 'Superior colliculus, motor related', 313),
  r(128, 'MRN', 'Midbrain reticular nucleus', 313),
  r(215, 'APN', 'Anterior pretectal nucleus', 313),
  r(1065, 'HB', 'Hindbrain', 343),
  r(512, 'CB', 'Cerebellum', 8),
  r(1009, 'fiber tracts', 'fiber tracts', 997),
  r(73, 'VS', 'ventricular systems', 997),
];

/** Regions a probe track passes through, from the brain surface down (leaf regions only). */
export const PROBE_PATHS: readonly (readonly number[])[] = [
  [993, 31, 1009, 672],
  [385, 1009, 382, 726, 218, 170],
  [322, 1009, 382, 463, 1020, 733],
  [985, 1009, 672, 56],
  [385, 1009, 382, 302, 294, 128],
  [254, 1009, 726, 215, 128],
  [972, 44, 1009, 56],
];

export interface NestedSetPosition {
  lft: number;
  rght: number;
  level: number;
}

/** django-mptt's nested-set numbers (lft/rght/level), computed from the parent links. */
export function nestedSet(regions: readonly BrainRegionSpec[]): Map<number, NestedSetPosition> {
  const children = new Map<number | null, BrainRegionSpec[]>();
  for (const region of regions) {
    const list = children.get(region.parent) ?? [];
    list.push(region);
    children.set(region.parent, list);
  }
  const out = new Map<number, NestedSetPosition>();
  let counter = 1;
  const visit = (region: BrainRegionSpec, level: number): void => {
    const lft = counter++;
    for (const child of children.get(region.id) ?? []) visit(child, level + 1);
    out.set(region.id, { lft, rght: counter++, level });
  };
  for (const rootRegion of children.get(null) ?? []) visit(rootRegion, 0);
  return out;
}
