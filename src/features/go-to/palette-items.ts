import type { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';
import { logout } from '../../api/auth/login.ts';
import type { InstanceConfig } from '../../api/instances.ts';
import { parsePaletteInput } from '../../api/palette-input.ts';
import { detailQuery } from '../../api/queries/record-queries.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { paths, type AppLocation } from '../../config/paths.ts';
import { clearAccount } from '../../lib/account-store.ts';
import { showNotice } from '../../lib/notices.ts';
import type { RecentRecord } from '../../lib/recent-records.ts';
import { recordTitle } from '../../lib/record-title.ts';
import {
  findPin,
  findSavedQuery,
  pinRecord,
  readSavedQueries,
  saveQuery,
  unpinRecord,
  type PinnedRecord,
  type SavedQuery,
  type SaveResult,
} from '../../lib/saved-items.ts';
import { PASS_LEAVE_GUARD } from '../../lib/use-leave-guard.ts';
import { runViewCommand } from '../../lib/view-commands.ts';

export interface PaletteItem {
  id: string;
  label: string;
  kind: 'Go to' | 'Action' | 'Saved query' | 'Pinned' | 'Recent' | 'Endpoint';
  run: () => Promise<string | null | void> | void;
}

/** Where the palette was opened and what its items act with. */
export interface PaletteContext {
  instance: InstanceConfig;
  here: AppLocation;
  navigate: NavigateFunction;
  queryClient: QueryClient;
}

const MAX_ENDPOINTS = 12;
const MAX_ENDPOINTS_UNTYPED = 6;
/** Saved queries and pins offered before anything is typed; typing searches all of them. */
const MAX_SAVED_UNTYPED = 5;

const go = (navigate: NavigateFunction, path: string) => () => {
  void navigate(path);
};

export function noticeFor(result: SaveResult, what: string, name: string): string {
  if (result === 'saved') return `${what} as “${name}”`;
  if (result === 'renamed') return `Already saved as “${name}”`;
  if (result === 'full') return `The list is full: remove one on the Saved page first`;
  return 'The browser refused to store it';
}

/** New and Edit, where the view has an endpoint or a record to act on. */
export function recordActions({ instance, here, navigate }: PaletteContext): PaletteItem[] {
  const actions: PaletteItem[] = [];
  if (here.endpoint && here.view !== 'console')
    actions.push({
      id: 'new',
      label: `New ${here.endpoint} record`,
      kind: 'Action',
      run: go(navigate, paths.create(instance.name, here.endpoint)),
    });
  if (here.view === 'record' && here.endpoint && here.lookup !== undefined)
    actions.push({
      id: 'edit',
      label: 'Edit this record',
      kind: 'Action',
      run: go(navigate, paths.edit(instance.name, here.endpoint, here.lookup)),
    });
  return actions;
}

/** Save this list's query (unless it is saved already), or pin or unpin this record. */
export function savedItemActions(
  { instance, here, queryClient }: PaletteContext,
  savedQueries: readonly SavedQuery[],
  pins: readonly PinnedRecord[],
): PaletteItem[] {
  const actions: PaletteItem[] = [];
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
  return actions;
}

export interface ViewActionOptions {
  /** Whether the open view offers code snippets (it registers the `snippets` view command). */
  snippetsHere: boolean;
  colorScheme: 'light' | 'dark';
  setColorScheme: (scheme: 'light' | 'dark') => void;
  onShowShortcuts: () => void;
}

/** The actions offered on every view: snippets where the view has them, copy link, the app's pages, theme, log out. */
export function viewActions(
  { instance, here, navigate, queryClient }: PaletteContext,
  { snippetsHere, colorScheme, setColorScheme, onShowShortcuts }: ViewActionOptions,
): PaletteItem[] {
  const other = colorScheme === 'dark' ? 'light' : 'dark';
  const actions: PaletteItem[] = [];
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
      run: go(navigate, paths.console(instance.name)),
    },
    {
      id: 'history',
      label: 'Open the request history',
      kind: 'Action',
      run: go(navigate, paths.history(instance.name)),
    },
    {
      id: 'saved',
      label: 'Open saved queries and pinned records',
      kind: 'Action',
      run: go(navigate, paths.saved(instance.name)),
    },
    {
      id: 'theme',
      label: `Switch to ${other} theme`,
      kind: 'Action',
      run: () => setColorScheme(other),
    },
    { id: 'shortcuts', label: 'Show keyboard shortcuts', kind: 'Action', run: onShowShortcuts },
    {
      id: 'home',
      label: `Go to ${instance.name} overview`,
      kind: 'Action',
      run: go(navigate, paths.instance(instance.name)),
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
  return actions;
}

/** Saved queries, then pinned records. */
export function savedGroup(
  { instance, navigate }: PaletteContext,
  savedQueries: readonly SavedQuery[],
  pins: readonly PinnedRecord[],
): PaletteItem[] {
  return [
    ...savedQueries.map((item): PaletteItem => ({
      id: `saved:${item.endpoint}?${item.query}`,
      label: item.name,
      kind: 'Saved query',
      run: go(navigate, paths.list(instance.name, item.endpoint, item.query)),
    })),
    ...pins.map((item): PaletteItem => ({
      id: `pin:${item.endpoint}/${item.lookup}`,
      label: item.name,
      kind: 'Pinned',
      run: go(navigate, paths.record(instance.name, item.endpoint, item.lookup)),
    })),
  ];
}

export function recentGroup(
  { instance, navigate }: PaletteContext,
  records: readonly RecentRecord[],
): PaletteItem[] {
  return records.map((record) => ({
    id: `recent:${record.endpoint}/${record.lookup}`,
    label: `${record.endpoint} / ${record.lookup}`,
    kind: 'Recent',
    run: go(navigate, paths.record(instance.name, record.endpoint, record.lookup)),
  }));
}

/** The browsable endpoints of the model, in its order. */
export function endpointGroup(
  { instance, navigate }: PaletteContext,
  model: ApiModel | undefined,
): PaletteItem[] {
  return Object.values(model?.endpoints ?? {})
    .filter((endpoint) => endpoint.browsable)
    .map((endpoint) => ({
      id: `endpoint:${endpoint.name}`,
      label: endpoint.name,
      kind: 'Endpoint',
      run: go(navigate, paths.list(instance.name, endpoint.name)),
    }));
}

export interface PaletteGroups {
  actions: readonly PaletteItem[];
  saved: readonly PaletteItem[];
  recent: readonly PaletteItem[];
  endpoints: readonly PaletteItem[];
}

/**
 * What the palette lists for the typed text: the groups filtered by it, and a "Go to" item for
 * anything that could name a record, which `goTo` resolves.
 */
export function paletteResults(
  text: string,
  { actions, saved, recent, endpoints }: PaletteGroups,
  goTo: (text: string) => Promise<string | null>,
): PaletteItem[] {
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
    ...endpoints.filter(matches).slice(0, needle ? MAX_ENDPOINTS : MAX_ENDPOINTS_UNTYPED),
    ...(lookupFirst ? matchingActions : lookup),
  ];
}
