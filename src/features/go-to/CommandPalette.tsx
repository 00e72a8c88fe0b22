import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/VisuallyHidden.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import {
  Group,
  Kbd,
  Loader,
  Modal,
  Text,
  TextInput,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { InstanceConfig } from '../../api/instances.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { parseAppPath } from '../../config/paths.ts';
import { IconSearch } from '../../components/icons.tsx';
import { takeEarlyInput } from '../../lib/palette-early-input.ts';
import { readRecentRecords } from '../../lib/recent-records.ts';
import { usePinnedRecords, useSavedQueries } from '../../lib/saved-items.ts';
import { useViewCommandAvailable } from '../../lib/view-commands.ts';
import classes from './CommandPalette.module.css';
import {
  endpointGroup,
  paletteResults,
  recentGroup,
  recordActions,
  savedGroup,
  savedItemActions,
  viewActions,
  type PaletteItem,
} from './palette-items.ts';
import { useGoTo } from './use-go-to.ts';

interface CommandPaletteProps {
  opened: boolean;
  onClose: () => void;
  instance: InstanceConfig;
  instances: readonly InstanceConfig[];
  model: ApiModel | undefined;
  onShowShortcuts: () => void;
}

/** Ctrl/Cmd-K: paste anything that names a record, pick an endpoint or a recent record, or run an action. */
export function CommandPalette(props: CommandPaletteProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title="Command palette"
      closeButtonProps={{ 'aria-label': 'Close the command palette' }}
      size="lg"
      yOffset="10vh"
      // The palette's own input takes focus; the close button stays reachable with Tab.
      trapFocus
      returnFocus
    >
      {props.opened ? <PaletteBody {...props} /> : null}
    </Modal>
  );
}

function PaletteBody({ onClose, instance, instances, model, onShowShortcuts }: CommandPaletteProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const goTo = useGoTo(instance, instances);
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const [early] = useState(takeEarlyInput);
  const [text, setText] = useState(early.text);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const listId = useId();
  const here = useMemo(
    () => parseAppPath(location.pathname, location.search),
    [location.pathname, location.search],
  );
  const savedQueries = useSavedQueries(instance.name);
  const pins = usePinnedRecords(instance.name);
  const snippetsHere = useViewCommandAvailable('snippets');

  const items = useMemo((): PaletteItem[] => {
    const context = { instance, here, navigate, queryClient };
    const actions = [
      ...recordActions(context),
      ...savedItemActions(context, savedQueries, pins),
      ...viewActions(context, { snippetsHere, colorScheme: computed, setColorScheme, onShowShortcuts }),
    ];
    const groups = {
      actions,
      saved: savedGroup(context, savedQueries, pins),
      recent: recentGroup(context, readRecentRecords(instance.name)),
      endpoints: endpointGroup(context, model),
    };
    return paletteResults(text, groups, goTo);
  }, [
    text,
    here,
    savedQueries,
    pins,
    snippetsHere,
    instance,
    model,
    navigate,
    goTo,
    computed,
    setColorScheme,
    queryClient,
    onShowShortcuts,
  ]);

  const current = Math.min(active, Math.max(items.length - 1, 0));

  const run = async (item: PaletteItem | undefined): Promise<void> => {
    if (!item) return;
    if (item.kind !== 'Go to') {
      onClose();
      void item.run();
      return;
    }
    setBusy(true);
    setMessage(null);
    const failure = await item.run();
    setBusy(false);
    if (failure) setMessage(failure);
    else onClose();
  };

  // Enter pressed before the code arrived: run the first result once, as the Enter would have.
  const [pendingEnter, setPendingEnter] = useState(early.submitted);
  if (pendingEnter) {
    setPendingEnter(false);
    queueMicrotask(() => void run(items[current]));
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % Math.max(items.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void run(items[current]);
    }
  };

  const optionId = (index: number): string => `${listId}-${index}`;
  return (
    <>
      <TextInput
        data-autofocus
        // Focused on mount, not after the open transition: text typed straight after Ctrl-K lands here.
        ref={(node) => node?.focus()}
        label="Go to or run"
        placeholder="UUID, id prefix, nickname, ALF path, URL, endpoint or action"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
          setMessage(null);
        }}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={14} />}
        rightSection={busy ? <Loader size={14} aria-label="Looking it up" /> : null}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
        aria-describedby={message ? `${listId}-message` : undefined}
      />
      {message ? (
        <Text id={`${listId}-message`} role="alert" size="sm" c="red" mt="xs">
          {message}
        </Text>
      ) : null}
      <div id={listId} role="listbox" aria-label="Results" className={classes.list}>
        {items.map((item, index) => (
          <UnstyledButton
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            tabIndex={-1}
            className={classes.option}
            onMouseEnter={() => setActive(index)}
            onClick={() => void run(item)}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" truncate>
                {item.label}
              </Text>
              <Text size="xs" c="dimmed">
                {item.kind}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            No endpoint or action matches; paste an id, a path or a URL.
          </Text>
        ) : null}
      </div>
      <Text size="xs" c="dimmed" mt="xs">
        <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose, <Kbd size="xs">Enter</Kbd> to go,{' '}
        <Kbd size="xs">Esc</Kbd> to close
      </Text>
    </>
  );
}
