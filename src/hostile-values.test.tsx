// @vitest-environment jsdom
/**
 * No value may take a view down or smuggle a script link: hostile strings go through every
 * renderer (list cell, record field, sub-table, reverse preview), the link resolver and the root
 * parser. A project named `http://x.example/%E0%A4%A` once made "Something went wrong" of a list.
 */
import './testing/dom-setup.ts';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { InstanceConfig } from './api/instances.ts';
import { lastSegment, toRelativeAlyxPath } from './api/http/alyx-urls.ts';
import { listQuery } from './api/queries/record-queries.ts';
import { parseRoot } from './api/schema/parse-root.ts';
import { AppProviders } from './app/providers.tsx';
import { DetailContext } from './features/record-detail/detail-context.ts';
import { FieldValue } from './features/record-detail/FieldValue.tsx';
import { ReversePanel } from './features/record-detail/ReverseRelation.tsx';
import { SubTable } from './features/record-detail/SubTable.tsx';
import { CellValue } from './features/record-list/CellValue.tsx';
import { ValueView } from './components/values/ValueView.tsx';
import { alyxFormOf, readableDatetime, shortText, valueShape } from './components/values/value-format.ts';
import { ListContext } from './features/record-list/list-context.ts';
import { createTestQueryClient } from './lib/query-client.ts';
import { resolveValueLink, type LinkContext } from './lib/value-links.ts';
import { testModel } from './testing/browse-model.ts';

const HOSTILE: readonly string[] = [
  '%',
  '%E0%A4%A',
  '%ZZ',
  'http://x.example/%E0%A4%A',
  'http://127.0.0.1:8000/sessions/%E0%A4%A',
  'http://127.0.0.1:8000/%ZZ/%',
  '\uD800',
  'a\uDFFFb',
  '\u0000\u0007\u001b[31m\r\n',
  'x'.repeat(100_000),
  `http://127.0.0.1:8000/subjects/${'%41'.repeat(30_000)}`,
  '\u202Egnp.exe',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '{"a": [1, %E0]}',
  '[',
];
const VALUES: readonly unknown[] = [
  ...HOSTILE,
  HOSTILE,
  { nested: HOSTILE },
  [{ id: '%E0%A4%A' }],
  [],
  NaN,
  -Infinity,
  Number.MAX_SAFE_INTEGER * 1e300,
];
const FIELDS = [
  'projects',
  'session',
  'url',
  'subject',
  'name',
  'json',
  'narrative',
  'data_url',
  'file_size',
  'start_time',
];

const model = testModel();
// A model that claims every hostile value is a datetime: the renderer must not trust it.
const FIELD = {
  name: 'x',
  kind: 'datetime' as const,
  required: false,
  readOnly: true,
  writeOnly: false,
  nullable: true,
};
const instance: InstanceConfig = {
  name: 'sandbox',
  url: 'http://127.0.0.1:8000',
  proxy: false,
  baseUrl: 'http://127.0.0.1:8000',
};
const links: LinkContext = { instance: 'sandbox', model, bases: [instance.url] };
const resolveLink = (name: string, value: unknown) => resolveValueLink(links, name, value);

function renderIn(element: ReactElement, seed?: (client: ReturnType<typeof createTestQueryClient>) => void) {
  const queryClient = createTestQueryClient();
  seed?.(queryClient);
  const wrapped = (
    <ListContext value={{ instance, model, links }}>
      <DetailContext value={{ instance, model, resolveLink }}>{element}</DetailContext>
    </ListContext>
  );
  const router = createMemoryRouter([{ path: '*', element: wrapped }], { initialEntries: ['/'] });
  return render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

function assertSafe(container: HTMLElement): void {
  expect(container.textContent ?? '').not.toContain('Something went wrong');
  for (const anchor of container.querySelectorAll('[href]')) {
    // Browsers ignore whitespace and control characters before a scheme: so does this check.
    const href = [...(anchor.getAttribute('href') ?? '')]
      .filter((char) => char.charCodeAt(0) > 0x20)
      .join('')
      .toLowerCase();
    expect(href.startsWith('javascript:') || href.startsWith('data:')).toBe(false);
  }
}

describe('hostile values', () => {
  it('go through the pure helpers without throwing or producing script links', () => {
    for (const value of HOSTILE) {
      for (const name of FIELDS) {
        const link = resolveValueLink(links, name, value);
        if (link?.kind === 'external') expect(link.href).toMatch(/^https?:\/\//i);
        for (const relation of [undefined, { endpoint: 'projects', lookup: 'name', source: 'name' as const }])
          expect(() => resolveValueLink(links, name, value, relation)).not.toThrow();
      }
      expect(() => lastSegment(value)).not.toThrow();
      expect(() => toRelativeAlyxPath(value, [instance.url], Object.keys(model.endpoints))).not.toThrow();
      expect(() => parseRoot({ [value.slice(0, 50) || 'x']: value })).not.toThrow();
      expect(() => shortText(value)).not.toThrow();
      expect(() => alyxFormOf(value, { ...instance, proxy: true, baseUrl: '/api/sandbox' })).not.toThrow();
      expect(() => readableDatetime(value)).not.toThrow();
      for (const name of FIELDS) expect(() => valueShape(name, value)).not.toThrow();
    }
  });

  it('render as list cells and record fields', () => {
    for (const name of FIELDS) {
      const cells = renderIn(
        <div>
          {VALUES.map((value, index) => (
            <span key={index}>
              <CellValue name={name} value={value} />
              <FieldValue name={name} value={value} />
              <ValueView name={name} value={value} links={{ instance, resolve: resolveLink }} compact />
              <ValueView
                name={name}
                value={value}
                field={{ ...FIELD, name }}
                links={{
                  instance: { ...instance, proxy: true, baseUrl: '/api/sandbox' },
                  resolve: resolveLink,
                }}
              />
            </span>
          ))}
        </div>,
      );
      assertSafe(cells.container);
      cells.unmount();
    }
  });

  it('render in sub-tables and reverse-relation previews', () => {
    const items = HOSTILE.map((value) => ({
      id: value,
      name: value,
      url: value,
      session: value,
      projects: [value],
    }));
    const table = renderIn(<SubTable name="data_dataset_session_related" items={items} />);
    assertSafe(table.container);
    table.unmount();
    const relation = { endpoint: 'sessions', filter: 'subject', value: '%E0%A4%A' };
    const preview = renderIn(<ReversePanel relation={relation} />, (client) =>
      client.setQueryData(listQuery(instance, 'sessions', { subject: '%E0%A4%A', limit: 25 }).queryKey, {
        count: items.length,
        next: null,
        previous: null,
        results: items,
      }),
    );
    assertSafe(preview.container);
    expect(preview.container.querySelectorAll('tr').length).toBeGreaterThan(1);
    preview.unmount();
  });
});
