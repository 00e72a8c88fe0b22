import { Alert, Button, Group, Text } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useQueryProgress } from './use-query-progress.ts';

/** How long a request may take before the view says it is still waiting. */
export const SLOW_AFTER_MS = 3000;

/** Mounted while a request runs, so its clock starts with each new attempt the user asks for. */
function StillWaiting({ onCancel }: { onCancel: () => void }) {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (now - start < SLOW_AFTER_MS) return null;
  return (
    <Alert color="blue" variant="light" role="status" maw={720} data-testid="slow-request">
      <Group justify="space-between" gap="sm">
        {/* The ticking seconds stay out of the live region: announced once, not every second. */}
        <Text size="sm">
          Still waiting for the instance… <span aria-hidden="true">{Math.floor((now - start) / 1000)} s</span>
        </Text>
        <Button size="xs" variant="default" onClick={onCancel} aria-label="Cancel the request">
          Cancel
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * Beside a pending view: after a few seconds "Still waiting for the instance… N s" with Cancel
 * (which aborts the request: the query functions pass TanStack Query's signal to fetch); once
 * cancelled, "Cancelled" with Retry, so the page is never left blank or spinning for nothing.
 */
export function SlowRequestNotice({ queryKey }: { queryKey: QueryKey }) {
  const { progress, cancel, retry } = useQueryProgress(queryKey);
  if (progress === 'fetching') return <StillWaiting onCancel={cancel} />;
  if (progress !== 'cancelled') return null;
  return (
    <Alert color="gray" variant="light" title="Cancelled" role="status" maw={720}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">The request was cancelled before the instance answered.</Text>
        <Button size="xs" variant="light" onClick={retry}>
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
