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
import { logout } from '../../api/auth/login.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { parsePaletteInput } from '../../api/palette-input.ts';
import { detailQuery } from '../../api/queries/record-queries.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { parseAppPath, paths } from '../../config/paths.ts';
import { IconSearch } from '../../components/icons.tsx';
import { clearAccount } from '../../lib/account-store.ts';
import { showNotice } from '../../lib/notices.ts';
import { takeEarlyInput } from '../../lib/palette-early-input.ts';
import { readRecentRecords } from '../../lib/recent-records.ts';
import { recordTitle } from '../../lib/record-title.ts';
import {
  findPin,
  findSavedQuery,
  pinRecord,
  readSavedQueries,
  saveQuery,
  unpinRecord,
  usePinnedRecords,
  useSavedQueries,
  type SaveResult,
} from '../../lib/saved-items.ts';
import { PASS_LEAVE_GUARD } from '../../lib/use-leave-guard.ts';
import { runViewCommand, useViewCommandAvailable } from '../../lib/view-commands.ts';
import classes from './CommandPalette.module.css';
import { useGoTo } from './use-go-to.ts';

interface CommandPaletteProps {
  opened: boolean;
  onClose: () => void;
  instance: InstanceConfig;
  instances: readonly InstanceConfig[];
  model: ApiModel | undefined;
  onShowShortcuts: () => void;
}

interface PaletteItem {
  id: string;
  label: string;
  kind: 'Go to' | 'Action' | 'Saved query' | 'Pinned' | 'Recent' | 'Endpoint';
  run: () => Promise<string | null | void> | void;
}

const MAX_ENDPOINTS = 12;
/** Saved queries and pins offered before anything is typed; typing searches all of them. */
const MAX_SAVED_UNTYPED = 5;

function noticeFor(result: SaveResult, what: string, name: string): string {
  if (result === 'saved') return `${what} as “${name}”`;
  if (result === 'renamed') return `Already saved as “${name}”`;
  if (result === 'full') return `The list is full: remove one on the Saved page first`;
  return 'The browser refused to store it';
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
  const here = parseAppPath(location.pathname, location.search);
  const savedQueries = useSavedQueries(instance.name);
  const pins = usePinnedRecords(instance.name);
  const snippetsHere = useViewCommandAvailable('snippets');

  const items = useMemo((): PaletteItem[] => {
    const go = (path: string) => () => {
      void navigate(path);
    };
    const actions: PaletteItem[] = [];
    if (here.endpoint && here.view !== 'console')
      actions.push({
        id: 'new',
        label: `New ${here.endpoint} record`,
        kind: 'Action',
        run: go(paths.create(instance.name, here.endpoint)),
      });
    if (here.view === 'record' && here.endpoint && here.lookup !== undefined)
      actions.push({
        id: 'edit',
        label: 'Edit this record',
        kind: 'Action',
        run: go(paths.edit(instance.name, here.endpoint, here.lookup)),
      });
    if (here.view === 'list' && here.endpoint) {
      const endpoint = here.endpoint;
      const query = here.query ?? '';
      if (!findSavedQuery(savedQueries, endpoint, query))
        actions.push({
          id: 'save-query',
          label: 'Save this query',
          kind: 'Action',
          run: () => {
            const result = saveQuery(instance.name, { endpoint, query });
            const saved = findSavedQuery(readSavedQueries(instance.name), endpoint, query);
            showNotice({
              message: noticeFor(result, 'Query saved', saved?.name ?? endpoint),
              href: paths.saved(instance.name),
              linkLabel: 'Saved',
            });
          },
        });
    }
    if (here.view === 'record' && here.endpoint && here.lookup !== undefined) {
      const endpoint = here.endpoint;
      const lookup = here.lookup;
      if (findPin(pins, endpoint, lookup))
        actions.push({
          id: 'unpin',
          label: 'Unpin this record',
          kind: 'Action',
          run: () => void unpinRecord(instance.name, endpoint, lookup),
        });
      else
        actions.push({
          id: 'pin',
          label: 'Pin this record',
          kind: 'Action',
          run: () => {
            const record = queryClient.getQueryData(detailQuery(instance, endpoint, lookup).queryKey);
            const name = recordTitle(endpoint, record, lookup);
            const result = pinRecord(instance.name, { endpoint, lookup, name });
            showNotice({
              message: noticeFor(result, 'Record pinned', name),
              href: paths.saved(instance.name),
              linkLabel: 'Saved',
            });
          },
        });
    }
    if (snippetsHere)
      actions.push({
        id: 'snippets',
        label:
          here.view === 'create' || here.view === 'edit' || here.view === 'replace'
            ? 'Show this request as curl and ONE code'
            : 'Show code snippets for this view',
        kind: 'Action',
        run: () => void runViewCommand('snippets'),
      });
    actions.push(
      {
        id: 'copy',
        label: 'Copy link to this view',
        kind: 'Action',
        run: () => {
          void navigator.clipboard.writeText(window.location.href).then(
            () => showNotice({ message: 'Link copied' }),
            () => showNotice({ message: 'Could not copy the link: the browser refused the clipboard' }),
          );
        },
      },
      {
        id: 'console',
        label: 'Open the request console',
        kind: 'Action',
        run: go(paths.console(instance.name)),
      },
      {
        id: 'history',
        label: 'Open the request history',
        kind: 'Action',
        run: go(paths.history(instance.name)),
      },
      {
        id: 'saved',
        label: 'Open saved queries and pinned records',
        kind: 'Action',
        run: go(paths.saved(instance.name)),
      },
      {
        id: 'theme',
        label: `Switch to ${computed === 'dark' ? 'light' : 'dark'} theme`,
        kind: 'Action',
        run: () => setColorScheme(computed === 'dark' ? 'light' : 'dark'),
      },
      { id: 'shortcuts', label: 'Show keyboard shortcuts', kind: 'Action', run: onShowShortcuts },
      {
        id: 'home',
        label: `Go to ${instance.name} overview`,
        kind: 'Action',
        run: go(paths.instance(instance.name)),
      },
      {
        id: 'logout',
        label: 'Log out',
        kind: 'Action',
        // As the account menu does: leave the page first, so its queries do not refetch without a token.
        run: async () => {
          await navigate(paths.login(instance.name), { replace: true, state: PASS_LEAVE_GUARD });
          logout(queryClient, instance);
          clearAccount(instance.name);
        },
      },
    );
    const saved: PaletteItem[] = [
      ...savedQueries.map((item): PaletteItem => ({
        id: `saved:${item.endpoint}?${item.query}`,
        label: item.name,
        kind: 'Saved query',
        run: go(paths.list(instance.name, item.endpoint, item.query)),
      })),
      ...pins.map((item): PaletteItem => ({
        id: `pin:${item.endpoint}/${item.lookup}`,
        label: item.name,
        kind: 'Pinned',
        run: go(paths.record(instance.name, item.endpoint, item.lookup)),
      })),
    ];
    const recent: PaletteItem[] = readRecentRecords(instance.name).map((record) => ({
      id: `recent:${record.endpoint}/${record.lookup}`,
      label: `${record.endpoint} / ${record.lookup}`,
      kind: 'Recent',
      run: go(paths.record(instance.name, record.endpoint, record.lookup)),
    }));
    const endpoints: PaletteItem[] = Object.values(model?.endpoints ?? {})
      .filter((endpoint) => endpoint.browsable)
      .map((endpoint) => ({
        id: `endpoint:${endpoint.name}`,
        label: endpoint.name,
        kind: 'Endpoint',
        run: go(paths.list(instance.name, endpoint.name)),
      }));
    const needle = text.trim().toLowerCase();
    const matches = (item: PaletteItem) => needle === '' || item.label.toLowerCase().includes(needle);
    const parsed = parsePaletteInput(text);
    const lookup: PaletteItem[] =
      parsed.kind === 'empty' || parsed.kind === 'text'
        ? []
        : [{ id: 'go-to', label: `Go to “${text.trim()}”`, kind: 'Go to', run: () => goTo(text) }];
    const matchingActions = actions.filter(matches);
    // A word that names an action ("theme", "console") runs it; any other word is looked up first.
    const lookupFirst = parsed.kind !== 'word' || matchingActions.length === 0;
    return [
      ...(lookupFirst ? lookup : []),
      ...matchingActions.filter(() => !lookupFirst),
      ...saved.filter(matches).slice(0, needle ? undefined : MAX_SAVED_UNTYPED),
      ...recent.filter(matches),
      ...endpoints.filter(matches).slice(0, needle ? MAX_ENDPOINTS : 6),
      ...(lookupFirst ? matchingActions : lookup),
    ];
  }, [
    text,
    here.endpoint,
    here.lookup,
    here.view,
    here.query,
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
