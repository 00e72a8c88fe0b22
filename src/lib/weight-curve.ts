/**
 * A subject's weight curve as Alyx's own weighing plot draws it (`actions/water_control.py`):
 * weighings over time; during each water restriction the reference weight, the lab's threshold
 * (`reference_weight_pct + zscore_weight_pct` of the expected weight) and the 70 % floor.
 *
 * Two simplifications, said on screen: the z-score part of the expected weight needs Alyx's
 * growth tables (not served over REST), so the expected weight here is the reference weight;
 * implant weights (from surgeries) are not subtracted.
 */

export interface WeighingPoint {
  /** Milliseconds since the epoch, from the naive `date_time` read as local time. */
  time: number;
  weight: number;
}

export interface RestrictionPeriod {
  start: number;
  /** `null` while the restriction is open. */
  end: number | null;
  /** The restriction's own reference weight, or else the last weighing on or before its start. */
  referenceWeight: number | null;
}

export type WeightStatus = 'ok' | 'near' | 'below';

export interface WeightRow extends WeighingPoint {
  restricted: boolean;
  referenceWeight: number | null;
  /** The lab's threshold in grams (pct × expected weight); null outside restrictions. */
  threshold: number | null;
  /** 70 % of the expected weight, Alyx's second line. */
  floor: number | null;
  /** Weight as a percentage of the expected weight. */
  percent: number | null;
  status: WeightStatus | null;
}

export interface WeightCurve {
  rows: WeightRow[];
  restrictions: RestrictionPeriod[];
  /** The lab's threshold as a fraction (0.8), or null when the lab sets none. */
  thresholdPct: number | null;
  /** The lab weighs in a z-score part this view cannot compute. */
  zscoreLeftOut: boolean;
  /** Rows that had no usable date or weight. */
  skipped: number;
}

export const FLOOR_PCT = 0.7;
/** Alyx's `weight_status`: within 2 points above the threshold is a reminder. */
const NEAR_MARGIN = 0.02;

function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || value.length < 10 || value.length > 40) return null;
  // A date-only value reads as midnight UTC in Date.parse; give it a local time like the rest.
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value;
  const time = Date.parse(text);
  return Number.isFinite(time) ? time : null;
}

function parseNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function field(row: unknown, name: string): unknown {
  return row !== null && typeof row === 'object' && Object.hasOwn(row, name)
    ? (row as Record<string, unknown>)[name]
    : undefined;
}

const dayOf = (time: number): string => new Date(time).toDateString();

function lastWeighingOnOrBefore(points: readonly WeighingPoint[], time: number): number | null {
  const endOfDay = new Date(time);
  endOfDay.setHours(23, 59, 59, 999);
  let found: number | null = null;
  for (const point of points) {
    if (point.time > endOfDay.getTime()) break;
    found = point.weight;
  }
  return found;
}

function restrictionAt(periods: readonly RestrictionPeriod[], time: number): RestrictionPeriod | null {
  let found: RestrictionPeriod | null = null;
  for (const period of periods) {
    const startsByThatDay = period.start <= time || dayOf(period.start) === dayOf(time);
    if (startsByThatDay && (period.end === null || time <= period.end)) found = period;
  }
  return found;
}

export interface WeightCurveInput {
  weighings: readonly unknown[];
  restrictions: readonly unknown[];
  /** The subject's lab record (`reference_weight_pct`, `zscore_weight_pct`), if known. */
  lab?: unknown;
}

export function prepareWeightCurve({ weighings, restrictions, lab }: WeightCurveInput): WeightCurve {
  let skipped = 0;
  const points: WeighingPoint[] = [];
  for (const row of weighings) {
    const time = parseTime(field(row, 'date_time'));
    const weight = parseNumber(field(row, 'weight'));
    if (time === null || weight === null || weight < 0) skipped += 1;
    else points.push({ time, weight });
  }
  points.sort((a, b) => a.time - b.time);

  const periods: RestrictionPeriod[] = [];
  for (const row of restrictions) {
    const start = parseTime(field(row, 'start_time'));
    if (start === null) continue;
    const end = parseTime(field(row, 'end_time'));
    const own = parseNumber(field(row, 'reference_weight'));
    periods.push({ start, end, referenceWeight: own && own > 0 ? own : null });
  }
  periods.sort((a, b) => a.start - b.start);
  for (const period of periods) period.referenceWeight ??= lastWeighingOnOrBefore(points, period.start);

  const referencePct = Math.max(0, parseNumber(field(lab, 'reference_weight_pct')) ?? 0);
  const zscorePct = Math.max(0, parseNumber(field(lab, 'zscore_weight_pct')) ?? 0);
  const pctSum = referencePct + zscorePct;
  const thresholdPct = pctSum > 0 ? pctSum : null;
  const statusPct = Math.max(referencePct, zscorePct);

  const rows = points.map((point): WeightRow => {
    const period = restrictionAt(periods, point.time);
    const reference = period?.referenceWeight ?? null;
    // Expected weight: the reference weight (see the header); none when the lab sets no percentages.
    const expected = reference !== null && thresholdPct !== null ? reference : null;
    const percent = expected ? (100 * point.weight) / expected : null;
    let status: WeightStatus | null = null;
    if (percent !== null && period) {
      const fraction = percent / 100;
      status = fraction < statusPct ? 'below' : fraction < statusPct + NEAR_MARGIN ? 'near' : 'ok';
    }
    return {
      ...point,
      restricted: period !== null,
      referenceWeight: reference,
      threshold: expected !== null && thresholdPct !== null ? expected * thresholdPct : null,
      floor: expected !== null ? expected * FLOOR_PCT : null,
      percent,
      status,
    };
  });

  return { rows, restrictions: periods, thresholdPct, zscoreLeftOut: zscorePct > 0, skipped };
}
