import '@mantine/core/styles/FloatingIndicator.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import { Alert, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import { allPagesQuery } from '../../api/queries/all-pages-query.ts';
import { detailQuery } from '../../api/queries/record-queries.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PendingState } from '../../components/PendingState.tsx';
import { prepareWeightCurve, type WeightCurve } from '../../lib/weight-curve.ts';
import { WeightChart } from './WeightChart.tsx';
import { WeightLegend } from './WeightLegend.tsx';
import { WeightTable } from './WeightTable.tsx';
import { formatDay, formatWeight } from './weight-format.ts';

interface WeightCurvePanelProps {
  instance: InstanceConfig;
  nickname: string;
  /** The subject's lab name: its weight percentages set the threshold line. */
  lab: string | null;
}

function summary(nickname: string, curve: WeightCurve): string {
  const first = curve.rows[0];
  const last = curve.rows.at(-1);
  if (!first || !last) return `${nickname} has no weighings.`;
  const percent = last.percent === null ? '' : `, ${last.percent.toFixed(1)} % of the reference weight`;
  return (
    `Weight of ${nickname}: ${curve.rows.length} weighings from ${formatDay(first.time)} to ` +
    `${formatDay(last.time)}; the latest ${formatWeight(last.weight)}${percent}.`
  );
}

function Notes({ curve, truncated }: { curve: WeightCurve; truncated: boolean }) {
  const notes: string[] = [];
  if (curve.thresholdPct === null)
    notes.push("The subject's lab sets no weight percentages, so no threshold is drawn.");
  if (curve.zscoreLeftOut)
    notes.push(
      "The lab counts a z-score weight that needs Alyx's growth tables; here the expected weight is the reference weight.",
    );
  if (curve.skipped > 0)
    notes.push(`${curve.skipped} weighings without a usable date or weight are left out.`);
  if (truncated) notes.push('Only the first 20,000 weighings are shown.');
  if (notes.length === 0) return null;
  return (
    <Stack gap={2}>
      {notes.map((note) => (
        <Text key={note} size="sm" c="dimmed">
          {note}
        </Text>
      ))}
    </Stack>
  );
}

/** A subject's weighings as a curve with its water restrictions, or as a table (`?weights=table`). */
export function WeightCurvePanel({ instance, nickname, lab }: WeightCurvePanelProps) {
  const [search, setSearch] = useSearchParams();
  const weighings = useQuery(allPagesQuery(instance, 'weighings', { subject: nickname }));
  const restrictions = useQuery(allPagesQuery(instance, 'water-restriction', { subject: nickname }));
  const labRecord = useQuery({ ...detailQuery(instance, 'labs', lab ?? ''), enabled: lab !== null });
  const curve = useMemo(
    () =>
      weighings.data && restrictions.data
        ? prepareWeightCurve({
            weighings: weighings.data.rows,
            restrictions: restrictions.data.rows,
            lab: labRecord.data,
          })
        : null,
    [weighings.data, restrictions.data, labRecord.data],
  );

  const failed = [weighings, restrictions].find((query) => query.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!curve || (lab !== null && labRecord.isPending))
    return (
      <PendingState
        failureReason={weighings.failureReason ?? restrictions.failureReason}
        label={`Loading the weighings of ${nickname}…`}
      />
    );
  if (curve.rows.length === 0)
    return (
      <Stack gap="xs">
        <Text>No weighings are recorded for {nickname}.</Text>
        <Notes curve={curve} truncated={false} />
      </Stack>
    );

  const view = search.get('weights') === 'table' ? 'table' : 'chart';
  const text = summary(nickname, curve);
  return (
    <Stack gap="sm" data-testid="weight-curve">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{text}</Text>
        <SegmentedControl
          aria-label="Show the weighings as"
          size="xs"
          value={view}
          onChange={(value) =>
            setSearch(
              (current) => {
                const next = new URLSearchParams(current);
                if (value === 'table') next.set('weights', 'table');
                else next.delete('weights');
                return next;
              },
              { replace: true },
            )
          }
          data={[
            { value: 'chart', label: 'Chart' },
            { value: 'table', label: 'Table' },
          ]}
        />
      </Group>
      {labRecord.isError ? (
        <Alert color="yellow" variant="light" title="The lab could not be read">
          Without its weight percentages no threshold is drawn.
        </Alert>
      ) : null}
      {view === 'chart' ? (
        <>
          <WeightChart curve={curve} label={text} />
          <WeightLegend thresholdPct={curve.thresholdPct} />
        </>
      ) : (
        <WeightTable curve={curve} caption={`Weighings of ${nickname}, newest first`} />
      )}
      <Notes curve={curve} truncated={Boolean(weighings.data?.truncated)} />
    </Stack>
  );
}
