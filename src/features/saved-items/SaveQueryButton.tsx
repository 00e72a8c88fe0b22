import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import { Anchor, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { IconBookmark } from '../../components/icons.tsx';
import { paths } from '../../config/paths.ts';
import {
  SAVED_QUERY_LIMIT,
  MAX_NAME_LENGTH,
  defaultQueryName,
  findSavedQuery,
  removeSavedQuery,
  renameSavedQuery,
  saveQuery,
  savedQueryId,
  useSavedQueries,
  type SavedQuery,
} from '../../lib/saved-items.ts';

interface SaveQueryButtonProps {
  instance: string;
  endpoint: string;
  /** The list's URL query, which is the Alyx query. */
  search: URLSearchParams;
}

/** "Save query" on a list: the endpoint and its query under a name, in this browser (ADR 0032). */
export function SaveQueryButton({ instance, endpoint, search }: SaveQueryButtonProps) {
  const saved = useSavedQueries(instance);
  const query = search.toString();
  const existing = findSavedQuery(saved, endpoint, query);
  const [opened, setOpened] = useState(false);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={340}
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>
        <Button
          size="xs"
          variant={existing ? 'filled' : 'default'}
          leftSection={<IconBookmark size={14} />}
          title={existing ? `Saved as “${existing.name}”` : 'Save this query under a name'}
          onClick={() => setOpened((open) => !open)}
        >
          {existing ? 'Saved query' : 'Save query'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {opened ? (
          <SaveQueryForm
            instance={instance}
            endpoint={endpoint}
            query={query}
            existing={existing}
            onDone={() => setOpened(false)}
          />
        ) : null}
      </Popover.Dropdown>
    </Popover>
  );
}

interface SaveQueryFormProps {
  instance: string;
  endpoint: string;
  query: string;
  existing: SavedQuery | undefined;
  onDone: () => void;
}

function SaveQueryForm({ instance, endpoint, query, existing, onDone }: SaveQueryFormProps) {
  const [name, setName] = useState(existing?.name ?? defaultQueryName(endpoint, query));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (existing) {
      if (renameSavedQuery(instance, savedQueryId(endpoint, query), name)) onDone();
      else setProblem('Type a name.');
      return;
    }
    const result = saveQuery(instance, { endpoint, query, name });
    if (result === 'saved' || result === 'renamed') onDone();
    else if (result === 'full')
      setProblem(`${SAVED_QUERY_LIMIT} queries are saved already: remove one on the Saved page first.`);
    else if (result === 'invalid') setProblem('This query is too long to save.');
    else setProblem('The browser refused to store it (storage full or disabled).');
  };
  return (
    <form onSubmit={submit} aria-label={existing ? 'Rename the saved query' : 'Save the query'}>
      <Stack gap="xs">
        <TextInput
          data-autofocus
          label="Name"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
        />
        <Text size="xs" c="dimmed">
          Kept in this browser for {instance}, also after logging out; the link holds the filters, order and
          page, never a token.
        </Text>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to={paths.saved(instance)} size="xs">
            All saved queries and pins
          </Anchor>
          <Group gap="xs">
            {existing ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => {
                  removeSavedQuery(instance, savedQueryId(endpoint, query));
                  onDone();
                }}
              >
                Remove
              </Button>
            ) : null}
            <Button size="xs" type="submit">
              {existing ? 'Rename' : 'Save'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
