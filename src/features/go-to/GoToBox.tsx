import { Kbd, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isAlyxError } from '../../api/http/errors.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { paths } from '../../config/paths.ts';
import { IconSearch } from '../../components/icons.tsx';
import classes from './GoToBox.module.css';

interface GoToBoxProps {
  instance: InstanceConfig;
  instances: readonly InstanceConfig[];
  model: ApiModel | undefined;
}

/** Paste a UUID, a nickname, an Alyx URL or an explorer URL; Enter goes there. `/` or Ctrl+K focuses it. */
export function GoToBox({ instance, instances, model }: GoToBoxProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useHotkeys([
    ['/', () => input.current?.focus()],
    ['mod+K', () => input.current?.focus()],
  ]);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const text = value.trim();
    if (!text) return;
    if (!model) {
      setMessage('The endpoints of this instance are still loading; try again in a moment.');
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      // The resolver is only needed once something is submitted: keep it out of the first screen's code.
      const { resolveLookupQuery } = await import('../../api/queries/go-to.ts');
      const target = await queryClient.fetchQuery(resolveLookupQuery(instance, text, model, instances));
      if (!target) {
        setMessage(
          `Nothing matches “${text}” on ${instance.name}: not a URL of a configured instance, a known id or id prefix, an endpoint or a subject nickname.`,
        );
        return;
      }
      setValue('');
      input.current?.blur();
      await navigate(paths.target(target.instance, target));
    } catch (error) {
      setMessage(isAlyxError(error) ? `Could not look it up: ${error.message}` : String(error));
    } finally {
      setBusy(false);
    }
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
