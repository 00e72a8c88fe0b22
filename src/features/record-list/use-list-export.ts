/** Runs a whole-list export: sequential pages, progress, cancel, then one file download. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { exportPages } from '../../api/http/export-pages.ts';
import { clientFor, type InstanceConfig } from '../../api/instances.ts';
import { CsvBuilder, JsonArrayBuilder } from '../../lib/csv.ts';
import { exportFileName } from './export.ts';

export type ExportFormat = 'csv' | 'json';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; done: number; count: number; startedAt: number; now: number }
  | { status: 'done'; done: number; count: number; fileName: string }
  | { status: 'cancelled'; done: number; count: number }
  | { status: 'failed'; done: number; count: number; error: unknown };

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function download(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the browser paint and handle input between pages, so a long export never freezes it. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useListExport(instance: InstanceConfig, endpointName: string, search: URLSearchParams) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the list stops the export: nothing keeps fetching for a view that is gone.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (format: ExportFormat, pageSize: number, expected: number) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const startedAt = Date.now();
      const builder = format === 'csv' ? new CsvBuilder() : new JsonArrayBuilder();
      let count = expected;
      setState({ status: 'running', done: 0, count, startedAt, now: startedAt });
      try {
        for await (const page of exportPages(clientFor(instance), endpointName, search, {
          pageSize,
          signal: abort.signal,
        })) {
          builder.addRows(page.results);
          count = page.count;
          setState({ status: 'running', done: builder.rowCount, count, startedAt, now: Date.now() });
          await nextTask();
        }
        if (abort.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        const paging = new URLSearchParams(search);
        paging.delete('offset');
        const fileName = exportFileName(endpointName, paging, format);
        download(fileName, builder.parts(), format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
        setState({ status: 'done', done: builder.rowCount, count, fileName });
      } catch (error) {
        const done = builder.rowCount;
        setState(
          isAbort(error) || abort.signal.aborted
            ? { status: 'cancelled', done, count }
            : { status: 'failed', done, count, error },
        );
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [instance, endpointName, search],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, reset };
}
