import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/CheckboxCard.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import { Button, Checkbox, Group, Popover, ScrollArea, Stack } from '@mantine/core';

interface ColumnChooserProps {
  available: readonly string[];
  shown: readonly string[];
  onChange: (columns: string[] | null) => void;
}

/** Pick the columns of this endpoint's list; `null` means back to the defaults. */
export function ColumnChooser({ available, shown, onChange }: ColumnChooserProps) {
  const toggle = (name: string, on: boolean) => {
    // Keep the page's order so the table does not reshuffle as boxes are ticked.
    const next = available.filter((column) => (column === name ? on : shown.includes(column)));
    onChange(next.length > 0 ? next : null);
  };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default">
          Columns ({shown.length})
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={6} pr="sm" role="group" aria-label="Columns">
              {available.map((name) => (
                <Checkbox
                  key={name}
                  size="xs"
                  label={name}
                  checked={shown.includes(name)}
                  onChange={(event) => toggle(name, event.currentTarget.checked)}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
              Reset to defaults
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
