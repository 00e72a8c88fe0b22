import { autoFilters, col, djangoFilter, field, fk, lookupFilter, method } from './builders.ts';
import { groupBy, idArraySql, idsParam, table } from './sql.ts';
import type {
  ColumnDeclaration,
  FilterDeclaration,
  RenderContext,
  ResourceDeclaration,
  StoredRow,
} from './types.ts';

const BR = table('brain-regions');

const columns: readonly ColumnDeclaration[] = [
  col('acronym', 'string', { maxLength: 64 }),
  col('name', 'string', { maxLength: 255 }),
  col('description', 'text', { nullable: true }),
  fk('parent', 'brain-regions', 'set-null'),
  // MPTT bookkeeping of the Allen tree, as in Alyx's fixture; the default order is (tree_id, lft).
  col('lft', 'integer', { nullable: true }),
  col('rght', 'integer', { nullable: true }),
  col('tree_id', 'integer', { nullable: true }),
  col('level', 'integer', { nullable: true }),
];

/** Regions matched by id or acronym, plus their ancestors (`up`) or descendants (`down`). */
function lineage(direction: 'up' | 'down'): FilterDeclaration['kind'] {
  const step =
    direction === 'down'
      ? `SELECT b.id FROM ${BR} b JOIN r ON b.parent = r.id`
      : `SELECT b.parent FROM ${BR} b JOIN r ON b.id = r.id WHERE b.parent IS NOT NULL`;
  return {
    kind: 'custom',
    build: (value) => ({
      sql: `t.id IN (WITH RECURSIVE r(id) AS (SELECT id FROM ${BR} WHERE id::text = $? OR acronym = $? UNION ${step}) SELECT id FROM r)`,
      params: [value.trim(), value.trim()],
    }),
  };
}

/** Ancestors and descendants with a description: `{id, name, description, level}`, per region. */
async function relatedDescriptions(rows: readonly StoredRow[], ctx: RenderContext): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const ids = idArraySql('$1', 'integer');
  const found = await ctx.query(
    `WITH RECURSIVE up(root, id) AS (
       SELECT b.id, b.parent FROM ${BR} b WHERE b.id = ANY(${ids}) AND b.parent IS NOT NULL
       UNION SELECT up.root, b.parent FROM up JOIN ${BR} b ON b.id = up.id WHERE b.parent IS NOT NULL
     ), down(root, id) AS (
       SELECT b.parent, b.id FROM ${BR} b WHERE b.parent = ANY(${ids})
       UNION SELECT down.root, b.id FROM down JOIN ${BR} b ON b.parent = down.id
     )
     SELECT x.root, b.id, b.name, b.description, b.level
     FROM (SELECT root, id FROM up UNION ALL SELECT root, id FROM down) x JOIN ${BR} b ON b.id = x.id
     WHERE b.description IS NOT NULL AND b.description <> ''
     ORDER BY x.root, b.level, b.id`,
    [idsParam(rows)],
  );
  const groups = groupBy(found, 'root');
  return rows.map((row) =>
    (groups.get(String(row.id)) ?? []).map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      level: r.level,
    })),
  );
}

export const brainRegions: ResourceDeclaration = {
  name: 'brain-regions',
  modelLabel: 'experiments.brainregion',
  verboseName: 'Brain region',
  app: 'experiments',
  primaryKey: 'integer',
  columns,
  lookupField: 'id',
  listMethods: ['GET'],
  detailMethods: ['GET', 'PUT', 'PATCH'],
  serializers: {
    list: {
      component: 'BrainRegion',
      fields: [
        field('id', 'integer', { readOnly: true }),
        field('acronym', 'string', { readOnly: true }),
        field('name', 'string', { readOnly: true }),
        field('description', 'string', { nullable: true }),
        field('parent', 'integer', { readOnly: true, relation: { kind: 'pk' } }),
        method('related_descriptions', 'array', relatedDescriptions, { items: 'object' }),
      ],
    },
  },
  filters: [
    ...autoFilters(columns, ['parent']),
    lookupFilter('id', 'integer', 'id'),
    lookupFilter('acronym', 'string', 'acronym', 'iexact'),
    lookupFilter('name', 'string', 'name', 'icontains'),
    lookupFilter('description', 'string', 'description', 'icontains'),
    {
      name: 'ancestors',
      type: 'string',
      description: 'Id or acronym: the region and all its ancestors.',
      kind: lineage('up'),
    },
    {
      name: 'descendants',
      type: 'string',
      description: 'Id or acronym: the region and all its descendants.',
      kind: lineage('down'),
    },
    djangoFilter,
  ],
  ordering: 't.tree_id ASC, t.lft ASC',
  description: `Lists the Allen brain-region tree (integer ids). Only \`description\` is editable.

**FILTERS**

-   **id**: Allen id \`/brain-regions?id=687\`
-   **acronym**: iexact \`/brain-regions?acronym=RSPv5\`
-   **name**, **description**: icontains
-   **parent**: children of a region \`/brain-regions?parent=315\`
-   **ancestors**, **descendants**: id or acronym, the region included
-   **django**: generic ORM lookups`,
};
