import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatAge } from '../../lib/format.ts';
import { MAX_NAME_LENGTH } from '../../lib/saved-items.ts';
import classes from './SavedItemsView.module.css';

interface SavedEntryProps {
  name: string;
  /** The app path the entry opens. */
  to: string;
  /** What the link holds, shown under the name (`sessions?subject=KS005`). */
  detail: string;
  at: number;
  removeLabel: string;
  onRename: (name: string) => boolean;
  onRemove: () => void;
}

/** One saved query or pin: its name as a link, what it opens, rename in place, remove. */
export function SavedEntry({ name, to, detail, at, removeLabel, onRename, onRemove }: SavedEntryProps) {
  const [renaming, setRenaming] = useState(false);
  return (
    <li className={classes.item} data-testid="saved-entry">
      {renaming ? (
        <RenameForm
          name={name}
          onCancel={() => setRenaming(false)}
          onSave={(next) => {
            const ok = onRename(next);
            if (ok) setRenaming(false);
            return ok;
          }}
        />
      ) : (
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} className={classes.text}>
            <Anchor component={Link} to={to} fw={500} className={classes.wrap}>
              {name}
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace" className={classes.wrap}>
              {detail}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" component="span">
              <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
                {formatAge(at)}
              </time>
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setRenaming(true)}
              aria-label={`Rename “${name}”`}
            >
              Rename
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={`${removeLabel} “${name}”`}
            >
              {removeLabel}
            </Button>
          </Group>
        </Group>
      )}
    </li>
  );
}

interface RenameFormProps {
  name: string;
  onSave: (name: string) => boolean;
  onCancel: () => void;
}

function RenameForm({ name, onSave, onCancel }: RenameFormProps) {
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!onSave(value)) setProblem('Type a name.');
  };
  return (
    <form onSubmit={submit} aria-label={`Rename “${name}”`}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          ref={(node) => node?.focus()}
          label="New name"
          value={value}
          maxLength={MAX_NAME_LENGTH}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
          }}
          error={problem}
          className={classes.text}
        />
        <Button size="xs" type="submit">
          Save name
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
