import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import { Button, Group, Select, Text } from '@mantine/core';
import { usePageShortcuts } from '../../lib/use-page-shortcuts.ts';
import { PAGE_SIZES, pageMoves, rangeLabel, type Paging } from './paging.ts';
import { useDropdownAria } from '../../components/use-dropdown-aria.ts';

interface PagerProps {
  paging: Paging;
  count: number;
  shown: number;
  onChange: (paging: Paging) => void;
}

/** Limit/offset paging: the range, page size and first/prev/next/last. */
export function Pager({ paging, count, shown, onChange }: PagerProps) {
  const onDropdownOpen = useDropdownAria();
  const moves = pageMoves(paging, count);
  usePageShortcuts(moves, onChange);
  const sizes = PAGE_SIZES.map(String);
  if (!sizes.includes(String(paging.limit))) sizes.push(String(paging.limit));
  const move = (label: string, target: Paging | null) => (
    <Button size="xs" variant="default" disabled={target === null} onClick={() => target && onChange(target)}>
      {label}
    </Button>
  );
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" data-testid="list-range" aria-live="polite">
        {rangeLabel(paging.offset, shown, count)}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Select
          onDropdownOpen={onDropdownOpen}
          aria-label="Page size"
          size="xs"
          w={90}
          data={sizes}
          value={String(paging.limit)}
          allowDeselect={false}
          onChange={(value) =>
            value &&
            onChange({
              limit: Number(value),
              offset: Math.floor(paging.offset / Number(value)) * Number(value),
            })
          }
        />
        <Group gap={4} role="group" aria-label="Pages">
          {move('First', moves.first)}
          {move('Previous', moves.previous)}
          {move('Next', moves.next)}
          {move('Last', moves.last)}
        </Group>
      </Group>
    </Group>
  );
}
