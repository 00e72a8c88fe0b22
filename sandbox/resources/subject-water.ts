import { isoSql, num, perRow, table } from './sql.ts';
import type { RenderContext, StoredRow } from './types.ts';

/** What Alyx's `water_control` gives the subject serializers, reduced to the sandbox's data. */
export interface WaterSummary {
  ageWeeks: number | null;
  alive: boolean;
  referenceWeight: number;
  lastWaterRestriction: string | null;
  expectedWater: number;
  remainingWater: number;
}

const EMPTY: WaterSummary = {
  ageWeeks: null,
  alive: true,
  referenceWeight: 0,
  lastWaterRestriction: null,
  expectedWater: 0,
  remainingWater: 0,
};

// One query per page: the open water restriction, its reference weight (or the last weighing
// before it), the latest weighing and today's water.
const SUMMARY_SQL = `
WITH s AS (
  SELECT id, birth_date, death_date FROM ${table('subjects')} WHERE id = ANY(ARRAY(SELECT (jsonb_array_elements_text($1::jsonb))::uuid))
), wr AS (
  SELECT DISTINCT ON (w.subject) w.subject, w.start_time, w.reference_weight
  FROM ${table('water-restriction')} w JOIN s ON s.id = w.subject
  WHERE w.start_time IS NOT NULL AND w.end_time IS NULL
  ORDER BY w.subject, w.start_time DESC
)
SELECT s.id,
  CASE WHEN s.birth_date IS NULL THEN NULL
       ELSE (COALESCE(s.death_date, CURRENT_DATE) - s.birth_date) / 7 END AS age_weeks,
  (s.death_date IS NULL OR s.death_date > CURRENT_DATE) AS alive,
  ${isoSql('wr.start_time')} AS wr_start,
  COALESCE(NULLIF(wr.reference_weight, 0), (
    SELECT g.weight FROM ${table('weighings')} g
    WHERE g.subject = s.id AND wr.start_time IS NOT NULL AND g.date_time <= wr.start_time
    ORDER BY g.date_time DESC LIMIT 1), 0) AS reference_weight,
  (SELECT g.weight FROM ${table('weighings')} g WHERE g.subject = s.id
    ORDER BY g.date_time DESC NULLS LAST LIMIT 1) AS last_weight,
  (SELECT COALESCE(SUM(a.water_administered), 0) FROM ${table('water-administrations')} a
    WHERE a.subject = s.id AND a.date_time::date = CURRENT_DATE) AS given_today
FROM s LEFT JOIN wr ON wr.subject = s.id`;

interface Memo {
  key: string;
  pending: Promise<WaterSummary[]>;
}
// The engine makes one render context per request, so a memo keyed by it never outlives the request.
const cache = new WeakMap<RenderContext, Memo>();

/**
 * Water summaries of a page of subjects, shared by the six method fields of one rendering
 * (memoised per render context and page) so a page costs one query, not six.
 */
export function waterSummaries(rows: readonly StoredRow[], ctx: RenderContext): Promise<WaterSummary[]> {
  const key = rows.map((r) => String(r.id)).join(',');
  const memo = cache.get(ctx);
  if (memo?.key === key) return memo.pending;
  const pending = perRow(rows, ctx, SUMMARY_SQL, toSummary, () => EMPTY);
  cache.set(ctx, { key, pending });
  return pending;
}

function toSummary(r: Record<string, unknown>): WaterSummary {
  const restricted = r.wr_start !== null && r.wr_start !== undefined;
  // IBL rule as Alyx implements it: 4% of the current weight (mL) while under restriction.
  const expected = restricted ? round(0.04 * (num(r.last_weight) ?? 0)) : 0;
  return {
    ageWeeks: num(r.age_weeks),
    alive: r.alive === true,
    referenceWeight: num(r.reference_weight) ?? 0,
    lastWaterRestriction: restricted ? String(r.wr_start) : null,
    expectedWater: expected,
    remainingWater: restricted ? round(Math.max(expected - (num(r.given_today) ?? 0), 0)) : 0,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function summaryField<K extends keyof WaterSummary>(key: K) {
  return async (rows: readonly StoredRow[], ctx: RenderContext): Promise<unknown[]> =>
    (await waterSummaries(rows, ctx)).map((s) => s[key]);
}
