import { describe, expect, it } from 'vitest';
import { prepareWeightCurve } from './weight-curve.ts';

const lab = { reference_weight_pct: 0.8, zscore_weight_pct: 0 };
const at = (text: string) => Date.parse(text);

describe('prepareWeightCurve', () => {
  it('sorts weighings, and inside a restriction gives reference, threshold, floor, percent and status', () => {
    const curve = prepareWeightCurve({
      weighings: [
        { date_time: '2024-03-05T09:00:00', weight: 21 },
        { date_time: '2024-03-01T09:00:00', weight: 25 },
        { date_time: '2024-03-03T09:00:00', weight: 20.4 },
        { date_time: '2024-03-04T09:00:00', weight: 19 },
      ],
      restrictions: [{ start_time: '2024-03-02T10:00:00', end_time: null, reference_weight: 0 }],
      lab,
    });
    expect(curve.rows.map((row) => row.weight)).toEqual([25, 20.4, 19, 21]);
    const [before, near, below, ok] = curve.rows;
    expect(before).toMatchObject({ restricted: false, referenceWeight: null, threshold: null, status: null });
    // A zero reference weight falls back to the last weighing before the restriction (Alyx does so).
    expect(curve.restrictions).toEqual([
      { start: at('2024-03-02T10:00:00'), end: null, referenceWeight: 25 },
    ]);
    expect(near).toMatchObject({
      restricted: true,
      referenceWeight: 25,
      threshold: 20,
      floor: 17.5,
      status: 'near',
    });
    expect(near!.percent).toBeCloseTo(81.6);
    expect(below).toMatchObject({ status: 'below' });
    expect(ok).toMatchObject({ status: 'ok' });
    expect(curve.thresholdPct).toBe(0.8);
    expect(curve.zscoreLeftOut).toBe(false);
  });

  it("uses a restriction's own reference weight, and only within its dates", () => {
    const curve = prepareWeightCurve({
      weighings: [
        { date_time: '2024-01-10T09:00:00', weight: 22 },
        { date_time: '2024-02-10T09:00:00', weight: 23 },
      ],
      restrictions: [
        { start_time: '2024-01-01T09:00:00', end_time: '2024-01-20T09:00:00', reference_weight: 24 },
      ],
      lab,
    });
    expect(curve.rows[0]).toMatchObject({ restricted: true, referenceWeight: 24 });
    expect(curve.rows[1]).toMatchObject({ restricted: false, referenceWeight: null });
  });

  it('a restriction that starts later on the day of a weighing covers it (Alyx compares dates)', () => {
    const curve = prepareWeightCurve({
      weighings: [{ date_time: '2024-01-10T08:00:00', weight: 22 }],
      restrictions: [{ start_time: '2024-01-10T17:00:00', end_time: null, reference_weight: 25 }],
      lab,
    });
    expect(curve.rows[0]).toMatchObject({ restricted: true, referenceWeight: 25 });
  });

  it('draws no threshold when the lab sets no percentages, and says when a z-score part is left out', () => {
    const input = {
      weighings: [{ date_time: '2024-01-10T09:00:00', weight: 22 }],
      restrictions: [{ start_time: '2024-01-01T09:00:00', end_time: null, reference_weight: 24 }],
    };
    const none = prepareWeightCurve({ ...input, lab: null });
    expect(none.thresholdPct).toBeNull();
    expect(none.rows[0]).toMatchObject({ referenceWeight: 24, threshold: null, floor: null, percent: null });
    const zscore = prepareWeightCurve({
      ...input,
      lab: { reference_weight_pct: 0.4, zscore_weight_pct: 0.4 },
    });
    expect(zscore.zscoreLeftOut).toBe(true);
    expect(zscore.rows[0]!.threshold).toBeCloseTo(19.2);
  });

  it('skips hostile and incomplete rows without throwing, and counts them', () => {
    const curve = prepareWeightCurve({
      weighings: [
        null,
        'text',
        { date_time: null, weight: 20 },
        { date_time: '2024-01-10T09:00:00', weight: null },
        { date_time: '2024-01-10T09:00:00', weight: '21.5' },
        { date_time: 'not a date', weight: 20 },
        { date_time: '2024-01-11T09:00:00', weight: -3 },
        { date_time: '2024-01-12T09:00:00', weight: { valueOf: () => 5 } },
        { date_time: 'x'.repeat(100_000), weight: 20 },
        JSON.parse('{"__proto__": {"weight": 9}, "date_time": "2024-01-13T09:00:00"}'),
      ],
      restrictions: [
        null,
        { start_time: 12 },
        { start_time: '2024-01-01', end_time: 'soon', reference_weight: 'x' },
      ],
      lab: { reference_weight_pct: 'NaN', zscore_weight_pct: -1 },
    });
    expect(curve.rows).toHaveLength(1);
    expect(curve.rows[0]!.weight).toBe(21.5);
    expect(curve.skipped).toBe(9);
    expect(curve.restrictions).toHaveLength(1);
    expect(curve.restrictions[0]!.end).toBeNull();
    expect(curve.thresholdPct).toBeNull();
  });
});
