import { Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { paths } from '../../config/paths.ts';
import {
  PIN_LIMIT,
  SAVED_QUERY_LIMIT,
  pinId,
  pinRecord,
  removeSavedQuery,
  renamePin,
  renameSavedQuery,
  saveQuery,
  savedQueryId,
  unpinRecord,
  type PinnedRecord,
  type SavedQuery,
} from '../../lib/saved-items.ts';
import { SavedEntry } from './SavedEntry.tsx';
import classes from './SavedItemsView.module.css';

interface SavedItemsViewProps {
  instance: string;
  queries: readonly SavedQuery[];
  pins: readonly PinnedRecord[];
}

type Removed = { kind: 'query'; item: SavedQuery } | { kind: 'pin'; item: PinnedRecord };

function Section({
  id,
  title,
  count,
  limit,
  children,
}: {
  id: string;
  title: string;
  count: number;
  limit: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Group gap="xs" align="baseline" mb={4}>
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {count} of {limit}
        </Text>
      </Group>
      {children}
    </section>
  );
}

/** `/{instance}/~/saved`: the saved queries and pinned records of this instance, each a link (ADR 0032). */
export function SavedItemsView({ instance, queries, pins }: SavedItemsViewProps) {
  const [removed, setRemoved] = useState<Removed | null>(null);
  const undo = (): void => {
    if (removed?.kind === 'query') saveQuery(instance, removed.item, removed.item.savedAt);
    if (removed?.kind === 'pin') pinRecord(instance, removed.item, removed.item.pinnedAt);
    setRemoved(null);
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>Saved queries and pins</Title>
        <Text size="sm" c="dimmed">
          Bookmarks of {instance}, kept in this browser (also after logging out; never a token). Each opens
          the same view for anyone who can read it — press <Kbd size="xs">g</Kbd> <Kbd size="xs">s</Kbd> to
          come back here.
        </Text>
      </Stack>
      {removed ? (
        <Group gap="xs" role="status">
          <Text size="sm">Removed “{removed.item.name}”.</Text>
          <Button size="compact-xs" variant="default" onClick={undo}>
            Undo
          </Button>
        </Group>
      ) : null}
      <Section id="saved-queries" title="Saved queries" count={queries.length} limit={SAVED_QUERY_LIMIT}>
        {queries.length === 0 ? (
          <Text size="sm" data-testid="saved-queries-empty">
            No saved query yet. On any list, set the filters you want and press <strong>Save query</strong>{' '}
            beside Export — or press <Kbd size="xs">Ctrl</Kbd> <Kbd size="xs">K</Kbd> and choose “Save this
            query”.
          </Text>
        ) : (
          <ul className={classes.list} aria-labelledby="saved-queries">
            {queries.map((item) => {
              const id = savedQueryId(item.endpoint, item.query);
              return (
                <SavedEntry
                  key={id}
                  name={item.name}
                  to={paths.list(instance, item.endpoint, item.query)}
                  detail={item.query ? `${item.endpoint}?${item.query}` : item.endpoint}
                  at={item.savedAt}
                  removeLabel="Remove"
                  onRename={(name) => renameSavedQuery(instance, id, name)}
                  onRemove={() => {
                    removeSavedQuery(instance, id);
                    setRemoved({ kind: 'query', item });
                  }}
                />
              );
            })}
          </ul>
        )}
      </Section>
      <Section id="pinned-records" title="Pinned records" count={pins.length} limit={PIN_LIMIT}>
        {pins.length === 0 ? (
          <Text size="sm" data-testid="pins-empty">
            No pinned record yet. On any record, press <strong>Pin</strong> beside its title — or press{' '}
            <Kbd size="xs">Ctrl</Kbd> <Kbd size="xs">K</Kbd> and choose “Pin this record”.
          </Text>
        ) : (
          <ul className={classes.list} aria-labelledby="pinned-records">
            {pins.map((item) => (
              <SavedEntry
                key={pinId(item.endpoint, item.lookup)}
                name={item.name}
                to={paths.record(instance, item.endpoint, item.lookup)}
                detail={`${item.endpoint} / ${item.lookup}`}
                at={item.pinnedAt}
                removeLabel="Unpin"
                onRename={(name) => renamePin(instance, pinId(item.endpoint, item.lookup), name)}
                onRemove={() => {
                  unpinRecord(instance, item.endpoint, item.lookup);
                  setRemoved({ kind: 'pin', item });
                }}
              />
            ))}
          </ul>
        )}
      </Section>
    </Stack>
  );
}
