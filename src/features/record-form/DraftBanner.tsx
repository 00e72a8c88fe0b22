import { Alert, Button, Group, Text } from '@mantine/core';
import type { FormDraft } from '../../lib/form-drafts.ts';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "14:05", or "2026-11-30 14:05" for a draft from another day (a tab kept open overnight). */
export function draftTime(savedAt: number, now = Date.now()): string {
  const saved = new Date(savedAt);
  const time = `${pad(saved.getHours())}:${pad(saved.getMinutes())}`;
  const day = `${saved.getFullYear()}-${pad(saved.getMonth() + 1)}-${pad(saved.getDate())}`;
  const today = new Date(now);
  const sameDay = day === `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  return sameDay ? time : `${day} ${time}`;
}

interface DraftBannerProps {
  draft: FormDraft;
  onRestore: () => void;
  onDiscard: () => void;
}

/** The form's question when a stored draft exists: nothing overwrites it until it is answered. */
export function DraftBanner({ draft, onRestore, onDiscard }: DraftBannerProps) {
  return (
    <Alert
      color="blue"
      variant="light"
      role="region"
      aria-label="Unsaved draft"
      title={`You have an unsaved draft from ${draftTime(draft.savedAt)}`}
      data-testid="draft-banner"
    >
      <Text size="sm">
        Restore puts back what you typed in this tab; Discard drops it and keeps the form as it is now.
      </Text>
      <Group gap="xs" mt="sm">
        <Button size="xs" onClick={onRestore}>
          Restore
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard
        </Button>
      </Group>
    </Alert>
  );
}
