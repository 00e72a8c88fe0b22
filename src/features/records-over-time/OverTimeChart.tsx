import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useEffectEvent, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { RecordsOverTime } from '../../api/queries/over-time.ts';
import { cssVariableReader } from '../../lib/css-variables.ts';

const HEIGHT = 240;

function colours(element: Element) {
  const read = cssVariableReader(element);
  return {
    text: read('--mantine-color-text', '#000'),
    grid: read('--mantine-color-default-border', '#ccc'),
    bar: read('--mantine-color-blue-filled', '#228be6'),
  };
}

/** Bars of records per bucket; a click on a bar opens the list of that bucket. */
export function OverTimeChart({
  data,
  label,
  onPick,
}: {
  data: RecordsOverTime;
  label: string;
  onPick: (index: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const picked = useEffectEvent((index: number) => onPick(index));

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const palette = colours(element);
    const width = () => Math.max(240, Math.floor(element.getBoundingClientRect().width));
    const axis = {
      stroke: palette.text,
      grid: { stroke: palette.grid, width: 1 },
      ticks: { stroke: palette.grid },
    };
    const bars = uPlot.paths.bars?.({ size: [0.8, 60], align: 1 });
    const chart = new uPlot(
      {
        width: width(),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        // The last bar starts at the last bucket's start: the axis runs on to its end.
        scales: {
          x: {
            time: true,
            range: (): uPlot.Range.MinMax => [
              (data.buckets[0]?.start.getTime() ?? 0) / 1000,
              (data.buckets.at(-1)?.end.getTime() ?? 0) / 1000,
            ],
          },
          y: { range: (_chart, _min, max) => [0, Math.max(1, max * 1.1)] },
        },
        axes: [axis, { ...axis, label: 'Records', size: 56 }],
        series: [
          {},
          { label: 'Records', stroke: palette.bar, fill: palette.bar, paths: bars, points: { show: false } },
        ],
      },
      [
        data.buckets.map((bucket) => bucket.start.getTime() / 1000),
        data.buckets.map((bucket) => bucket.count),
      ],
      element,
    );
    const pick = () => {
      const index = chart.cursor.idx;
      if (index !== null && index !== undefined) picked(index);
    };
    chart.over.addEventListener('click', pick);
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.over.removeEventListener('click', pick);
      chart.destroy();
    };
  }, [data, scheme]);

  return <div ref={host} role="img" aria-label={label} data-testid="over-time-chart" />;
}
