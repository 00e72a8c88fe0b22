import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/FloatingIndicator.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/NumberInput.layer.css';
import '@mantine/core/styles/Progress.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Progress,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useId, useState } from 'react';
import { EXPORT_MAX_PAGE_SIZE, EXPORT_ROW_CAP, exportPageSize } from '../../api/http/export-pages.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { exportTimeLeft, formatTimeLeft } from '../../lib/export-estimate.ts';
import { countOf, formatCount } from '../../lib/format.ts';
import { useListExport, type ExportFormat, type ExportState } from './use-list-export.ts';

export interface ExportDialogProps {
  opened: boolean;
  onClose: () => void;
  instance: InstanceConfig;
  endpointName: string;
  search: URLSearchParams;
  /** The list's count, known before the first export page. */
  count: number;
}

function ProgressLine({ state }: { state: Exclude<ExportState, { status: 'idle' }> }) {
  const percent = state.count > 0 ? Math.min(100, (state.done / state.count) * 100) : 100;
  const rows = `${formatCount(state.done)} of ${countOf(state.count, 'row')}`;
  let note = '';
  if (state.status === 'running')
    note = formatTimeLeft(exportTimeLeft(state.done, state.count, state.now - state.startedAt));
  else if (state.status === 'done') note = `saved as ${state.fileName}`;
  else if (state.status === 'cancelled') note = 'cancelled, nothing downloaded';
  else note = 'failed, nothing downloaded';
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        aria-label="Export progress"
        animated={state.status === 'running'}
        color={state.status === 'cancelled' || state.status === 'failed' ? 'gray' : undefined}
      />
      <Text size="sm" role="status" data-testid="export-progress">
        {rows} · {note}
      </Text>
    </Stack>
  );
}

/** Export every record matching the list's query, one page after another, as CSV or JSON. */
export function ExportDialog({ opened, onClose, instance, endpointName, search, count }: ExportDialogProps) {
  const { state, start, cancel, reset } = useListExport(instance, endpointName, search);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [pageSize, setPageSize] = useState<number>(EXPORT_MAX_PAGE_SIZE);
  const formatLabel = useId();
  const running = state.status === 'running';
  const overCap = count > EXPORT_ROW_CAP;
  const size = exportPageSize(pageSize);
  const requests = Math.max(1, Math.ceil(count / size));

  const close = () => {
    cancel();
    reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Export all ${endpointName}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close the export dialog' }}
    >
      <Stack gap="md">
        <Text size="sm">
          {countOf(count, 'record')} match this query. They are fetched {formatCount(size)} per request, one
          request after another ({countOf(requests, 'request')}), then saved as one file.
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={formatLabel}>
            Format
          </Text>
          <SegmentedControl
            aria-labelledby={formatLabel}
            value={format}
            onChange={(value) => setFormat(value === 'json' ? 'json' : 'csv')}
            disabled={running}
            data={[
              { value: 'csv', label: 'CSV (spreadsheet)' },
              { value: 'json', label: 'JSON (array of records)' },
            ]}
          />
        </Stack>
        <NumberInput
          label="Rows per request"
          description={`At most ${formatCount(EXPORT_MAX_PAGE_SIZE)} (Alyx's limit); smaller requests are gentler on a busy server.`}
          min={1}
          max={EXPORT_MAX_PAGE_SIZE}
          clampBehavior="strict"
          allowDecimal={false}
          value={pageSize}
          onChange={(value) => setPageSize(typeof value === 'number' ? value : Number(value))}
          disabled={running}
        />
        {overCap ? (
          <Alert color="yellow" variant="light" title="A very large export">
            {formatCount(count)} rows is more than {formatCount(EXPORT_ROW_CAP)}: the file will be large, the
            export slow, and every page is a request to the instance. Narrow the filters if you can, or
            continue deliberately.
          </Alert>
        ) : null}
        {state.status !== 'idle' ? <ProgressLine state={state} /> : null}
        {state.status === 'failed' ? <ErrorState error={state.error} /> : null}
        <Group justify="flex-end" gap="xs">
          {running ? (
            <Button variant="default" color="red" onClick={cancel}>
              Cancel export
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                Close
              </Button>
              <Button onClick={() => void start(format, size, count)} disabled={count === 0}>
                {overCap ? `Export ${formatCount(count)} rows anyway` : `Export ${countOf(count, 'row')}`}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
