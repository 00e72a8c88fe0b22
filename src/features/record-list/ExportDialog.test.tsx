// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXPORT_ROW_CAP } from '../../api/http/export-pages.ts';
import { createTestQueryClient } from '../../lib/query-client.ts';
import { TEST_INSTANCE } from '../../testing/render.tsx';
import { ExportDialog } from './ExportDialog.tsx';

function renderDialog(count: number) {
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={createTestQueryClient()}>
        <ExportDialog
          opened
          onClose={() => undefined}
          instance={TEST_INSTANCE}
          endpointName="datasets"
          search={new URLSearchParams('session=x')}
          count={count}
        />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

// The sandbox the journeys use has no list past 100,000 rows, so the warning is checked here.
describe('the export dialog on a very large list', () => {
  it(`warns past ${EXPORT_ROW_CAP.toLocaleString('en')} rows, naming the count, and still lets the user start`, async () => {
    renderDialog(EXPORT_ROW_CAP + 50_001);
    const warning = await screen.findByText('A very large export');
    expect(warning).toBeTruthy();
    expect(document.body.textContent).toContain('150,001 rows is more than 100,000');
    const start = screen.getByRole('button', { name: /^Export/ });
    expect((start as HTMLButtonElement).disabled).toBe(false);
  });

  it('says nothing of size at the cap itself', async () => {
    renderDialog(EXPORT_ROW_CAP);
    await screen.findByRole('dialog');
    expect(screen.queryByText('A very large export')).toBeNull();
  });
});
