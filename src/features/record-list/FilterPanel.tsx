import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/SimpleGrid.layer.css';
import { Alert, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EndpointModel } from '../../api/schema/model.ts';
import { FilterField } from './FilterField.tsx';
import { filterInput, listFilters, mergeFilters, shownFilterNames, unknownParams } from './filter-inputs.ts';
import { useListContext } from './list-context.ts';
import { RawQueryEditor } from './RawQueryEditor.tsx';
import { useDropdownAria } from '../../components/use-dropdown-aria.ts';

interface FilterPanelProps {
  endpoint: EndpointModel | undefined;
  search: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
}

/** Keys the panel edits: single-valued filters. Repeated keys (M2M) stay in the raw query. */
function editableValues(search: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    if (all.length === 1 && key !== 'limit' && key !== 'offset') values[key] = all[0] ?? '';
  }
  return values;
}

/**
 * Typed inputs for the endpoint's filters, applied to the URL together (which resets paging).
 * The parent remounts it (key = query) so the draft always starts from the URL.
 */
export function FilterPanel({ endpoint, search, onApply }: FilterPanelProps) {
  const onDropdownOpen = useDropdownAria();
  const { model } = useListContext();
  const initial = editableValues(search);
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const [added, setAdded] = useState<string[]>([]);
  const filters = listFilters(endpoint);
  const repeated = new Set([...new Set(search.keys())].filter((key) => search.getAll(key).length > 1));
  const shown = [...shownFilterNames(endpoint, Object.keys(initial), model), ...added]
    .filter((name, index, all) => all.indexOf(name) === index)
    .filter((name) => !repeated.has(name));
  const addable = filters
    .filter((f) => !shown.includes(f.name) && !repeated.has(f.name) && f.name !== 'django')
    .map((f) => f.name);
  const ignored = unknownParams(endpoint, search);

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    onApply(mergeFilters(search, shown, draft));
  };
  const clear = () => {
    const next = new URLSearchParams();
    const limit = search.get('limit');
    if (limit) next.set('limit', limit);
    onApply(next);
  };

  if (filters.length === 0) {
    // Root lists and OPTIONS never describe filters: "none known" is not "none exist", so the raw
    // Alyx query stays available either way.
    const documented =
      endpoint?.sources.some((source) => source === 'openapi' || source === 'coreapi') ?? false;
    return (
      <Paper withBorder p="sm" radius="sm">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {documented
              ? 'This endpoint has no filters besides paging.'
              : 'This instance does not document its filters: type an Alyx query (filters, django=…) below.'}
          </Text>
          <RawQueryEditor search={search} onApply={onApply} />
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="sm">
        <form onSubmit={apply} aria-label="Filters">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
              {shown.map((name) => {
                const filterModel = filters.find((f) => f.name === name);
                if (!filterModel) return null;
                return (
                  <FilterField
                    key={name}
                    input={filterInput(model, filterModel, endpoint)}
                    value={draft[name] ?? ''}
                    onChange={(value) => setDraft((current) => ({ ...current, [name]: value }))}
                  />
                );
              })}
            </SimpleGrid>
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Select
                onDropdownOpen={onDropdownOpen}
                size="xs"
                w={240}
                aria-label="Add a filter"
                placeholder={`Add a filter (${addable.length} more)`}
                data={addable}
                searchable
                value={null}
                onChange={(name) => name && setAdded((current) => [...current, name])}
                disabled={addable.length === 0}
              />
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={clear}>
                  Clear filters
                </Button>
                <Button size="xs" type="submit">
                  Apply filters
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
        <RawQueryEditor search={search} onApply={onApply} />
        {ignored.length > 0 ? (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="xs">
              Alyx silently ignores{' '}
              {ignored.map((name, i) => (
                <span key={name}>
                  {i > 0 ? ', ' : ''}
                  <Code>{name}</Code>
                </span>
              ))}{' '}
              on this endpoint: it is not one of its filters.
            </Text>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
