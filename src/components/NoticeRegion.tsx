import { Anchor, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { dismissNotice, getNotices, subscribeNotices } from '../lib/notices.ts';

/** The app's one live region for confirmations (`role="status"`: announced, never stealing focus). */
export function NoticeRegion() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices, getNotices);
  return (
    <div
      role="status"
      aria-live="polite"
      style={{
        position: 'fixed',
        insetInlineEnd: 16,
        insetBlockEnd: 16,
        zIndex: 400,
        maxWidth: 'min(420px, calc(100vw - 32px))',
      }}
    >
      <Stack gap="xs">
        {notices.map((notice) => (
          <Paper key={notice.id} withBorder shadow="md" p="sm" radius="md" data-testid="notice">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {notice.message}
                </Text>
                {notice.href ? (
                  <Anchor component={Link} to={notice.href} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {notice.linkLabel ?? 'Open'}
                  </Anchor>
                ) : null}
              </Stack>
              <CloseButton size="sm" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)} />
            </Group>
          </Paper>
        ))}
      </Stack>
    </div>
  );
}
