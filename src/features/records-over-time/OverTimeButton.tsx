import { Button } from '@mantine/core';

/** Shows or hides the records-over-time panel (its chart code loads when first shown). */
export function OverTimeButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <Button size="xs" variant={open ? 'light' : 'default'} aria-pressed={open} onClick={onToggle}>
      Over time
    </Button>
  );
}
