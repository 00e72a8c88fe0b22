import { Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatWeight, formatWeighingDate } from './weight-format.ts';
import { chartData, chartOptions, readChartColours } from './weight-chart-options.ts';
import type { WeightCurve } from '../../lib/weight-curve.ts';

const HEIGHT = 320;

/** The weight curve drawn by uPlot (canvas); the numbers are in the table beside it. */
export function WeightChart({ curve, label }: { curve: WeightCurve; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const [hovered, setHovered] = useState<number | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const width = () => Math.max(240, Math.floor(element.getBoundingClientRect().width));
    const chart = new uPlot(
      chartOptions(curve, readChartColours(element), { width: width(), height: HEIGHT }, setHovered),
      chartData(curve),
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [curve, scheme]);

  const row = hovered === null ? undefined : curve.rows[hovered];
  return (
    <div>
      <div ref={host} role="img" aria-label={label} data-testid="weight-chart" />
      <Text size="sm" c="dimmed" mih="1.5em" data-testid="weight-readout">
        {row
          ? `${formatWeighingDate(row.time)}: ${formatWeight(row.weight)}` +
            (row.percent === null ? '' : ` (${row.percent.toFixed(1)} % of the reference weight)`)
          : 'Point at the curve to read a weighing.'}
      </Text>
    </div>
  );
}
