import uPlot from 'uplot';
import { cssVariableReader } from '../../lib/css-variables.ts';
import type { WeightCurve } from '../../lib/weight-curve.ts';

export interface ChartColours {
  text: string;
  grid: string;
  weight: string;
  reference: string;
  threshold: string;
  floor: string;
  restriction: string;
}

/** Colours from Mantine's CSS variables, so the chart follows the theme and the colour scheme. */
export function readChartColours(element: Element): ChartColours {
  const read = cssVariableReader(element);
  return {
    text: read('--mantine-color-text', '#000'),
    grid: read('--mantine-color-default-border', '#ccc'),
    weight: read('--mantine-color-text', '#000'),
    reference: read('--mantine-color-blue-filled', '#228be6'),
    threshold: read('--mantine-color-orange-filled', '#fd7e14'),
    floor: read('--mantine-color-red-filled', '#fa5252'),
    restriction: read('--mantine-color-blue-light', 'rgba(34,139,230,0.1)'),
  };
}

const seconds = (time: number) => time / 1000;

export function chartData(curve: WeightCurve): uPlot.AlignedData {
  return [
    curve.rows.map((row) => seconds(row.time)),
    curve.rows.map((row) => row.weight),
    curve.rows.map((row) => row.referenceWeight),
    curve.rows.map((row) => row.threshold),
    curve.rows.map((row) => row.floor),
  ];
}

/** Shades each water restriction, as Alyx's plot does, behind the lines. */
function restrictionBands(curve: WeightCurve, colour: string): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (chart: uPlot) => {
        const { ctx, bbox } = chart;
        const last = curve.rows.at(-1)?.time ?? Date.now();
        ctx.save();
        ctx.fillStyle = colour;
        for (const period of curve.restrictions) {
          const from = chart.valToPos(seconds(period.start), 'x', true);
          const to = chart.valToPos(seconds(period.end ?? Math.max(last, period.start)), 'x', true);
          const left = Math.max(bbox.left, from);
          const right = Math.min(bbox.left + bbox.width, to);
          if (right > left) ctx.fillRect(left, bbox.top, right - left, bbox.height);
        }
        ctx.restore();
      },
    },
  };
}

export function chartOptions(
  curve: WeightCurve,
  colours: ChartColours,
  size: { width: number; height: number },
  onCursor: (index: number | null) => void,
): uPlot.Options {
  // A restriction's reference weight holds until the next one: steps, not slopes between them.
  const steps = uPlot.paths.stepped?.({ align: 1 });
  const axis = {
    stroke: colours.text,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid },
  };
  return {
    ...size,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: { x: { time: true } },
    axes: [axis, { ...axis, label: 'Weight (g)', size: 56 }],
    series: [
      {},
      {
        label: 'Weight',
        stroke: colours.weight,
        width: 2,
        points: { show: true, size: 5, fill: colours.weight },
      },
      {
        label: 'Reference weight',
        stroke: colours.reference,
        width: 1,
        dash: [6, 4],
        paths: steps,
        points: { show: false },
      },
      { label: 'Threshold', stroke: colours.threshold, width: 2, paths: steps, points: { show: false } },
      { label: '70 %', stroke: colours.floor, width: 2, dash: [4, 4], paths: steps, points: { show: false } },
    ],
    plugins: [restrictionBands(curve, colours.restriction)],
    hooks: { setCursor: [(chart: uPlot) => onCursor(chart.cursor.idx ?? null)] },
  };
}
