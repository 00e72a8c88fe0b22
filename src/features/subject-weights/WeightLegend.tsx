import { Group, Text } from '@mantine/core';
import classes from './WeightLegend.module.css';

interface Entry {
  label: string;
  swatch: string;
}

/** What each line and the shading mean (uPlot's own legend is off: it is a table without headers). */
export function WeightLegend({ thresholdPct }: { thresholdPct: number | null }) {
  const entries: Entry[] = [
    { label: 'Weight', swatch: classes.weight! },
    { label: 'Reference weight', swatch: classes.reference! },
    ...(thresholdPct === null
      ? []
      : [
          { label: `Threshold (${Math.round(thresholdPct * 100)} %)`, swatch: classes.threshold! },
          { label: '70 %', swatch: classes.floor! },
        ]),
    { label: 'Water restriction', swatch: classes.restriction! },
  ];
  return (
    <Group gap="md" component="ul" className={classes.legend} aria-label="Legend">
      {entries.map((entry) => (
        <Group key={entry.label} gap={6} component="li" wrap="nowrap">
          <span className={`${classes.swatch} ${entry.swatch}`} aria-hidden="true" />
          <Text size="sm">{entry.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
