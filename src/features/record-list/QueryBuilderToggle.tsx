import { Button, Loader } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import type { EndpointModel } from '../../api/schema/model.ts';

// The builder (its rows, suggestions and previews) is code the first screen never needs; pointing at
// or focusing the button starts loading it, so the click rarely waits.
const loadBuilder = () => import('./QueryBuilder.tsx');
const QueryBuilder = lazy(() => loadBuilder().then((module) => ({ default: module.QueryBuilder })));

interface QueryBuilderToggleProps {
  endpointName: string;
  endpoint: EndpointModel | undefined;
  search: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
  /** The list's current failure: Alyx's answer to the query last applied. */
  listError: unknown;
}

/** Endpoints whose filters are known and lack `django` would silently ignore it (REST-CONVENTIONS §4.1). */
function takesDjango(endpoint: EndpointModel | undefined): boolean {
  if (!endpoint || endpoint.filters.length === 0) return true;
  return endpoint.filters.some((filter) => filter.name === 'django');
}

/** "Query builder": a disclosure whose panel stays open (rows kept) while the list reloads or fails. */
export function QueryBuilderToggle({ endpoint, ...props }: QueryBuilderToggleProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!takesDjango(endpoint)) return null;
  return (
    <>
      <Button
        size="xs"
        variant={open ? 'light' : 'default'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((current) => !current)}
        onPointerEnter={() => void loadBuilder()}
        onFocus={() => void loadBuilder()}
        style={{ alignSelf: 'flex-start' }}
      >
        Query builder (django=)
      </Button>
      {open ? (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the query builder" />}>
          <QueryBuilder id={panelId} endpoint={endpoint} {...props} />
        </Suspense>
      ) : null}
    </>
  );
}
