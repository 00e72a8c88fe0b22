import { Kbd, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { InstanceConfig } from '../../api/instances.ts';
import { IconSearch } from '../../components/icons.tsx';
import { useShortcut } from '../../lib/shortcut-registry.ts';
import classes from './GoToBox.module.css';
import { useGoTo } from './use-go-to.ts';

interface GoToBoxProps {
  instance: InstanceConfig;
  instances: readonly InstanceConfig[];
}

/** Paste a UUID, a nickname, an ALF path or a URL; Enter goes there. `/` focuses it (Ctrl+K opens the palette). */
export function GoToBox({ instance, instances }: GoToBoxProps) {
  const goTo = useGoTo(instance, instances);
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useShortcut({
    id: 'go-to.focus',
    keys: ['/'],
    description: 'Focus the go-to box',
    group: 'Navigation',
    run: () => input.current?.focus(),
  });

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const text = value.trim();
    if (!text) return;
    setBusy(true);
    setMessage(null);
    const failure = await goTo(text);
    setBusy(false);
    if (failure) {
      setMessage(failure);
      return;
    }
    setValue('');
    input.current?.blur();
  };

  return (
    <form
      role="search"
      onSubmit={(event) => void submit(event)}
      style={{ flex: 1, maxWidth: 480, minWidth: 0, position: 'relative' }}
    >
      <TextInput
        ref={input}
        label="Go to"
        labelProps={{ className: classes.hiddenLabel }}
        placeholder="Go to: UUID, nickname or URL"
        value={value}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setMessage(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setMessage(null);
            event.currentTarget.blur();
          }
        }}
        onBlur={() => setMessage(null)}
        leftSection={<IconSearch size={14} />}
        rightSection={busy ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
        aria-describedby={message ? 'go-to-message' : undefined}
        size="sm"
      />
      {message ? (
        <Paper className={classes.message} shadow="md" withBorder p="sm">
          <Text id="go-to-message" size="sm" role="alert">
            {message}
          </Text>
        </Paper>
      ) : null}
    </form>
  );
}
