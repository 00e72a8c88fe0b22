// @vitest-environment jsdom
import '../../testing/dom-setup.ts';
import { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { detailQuery } from '../../api/queries/record-queries.ts';
import { parseAppPath, paths } from '../../config/paths.ts';
import { getNotices } from '../../lib/notices.ts';
import {
  readPinnedRecords,
  readSavedQueries,
  type PinnedRecord,
  type SavedQuery,
} from '../../lib/saved-items.ts';
import { testApiModel } from '../../testing/model.ts';
import {
  endpointGroup,
  noticeFor,
  paletteResults,
  recentGroup,
  recordActions,
  savedGroup,
  savedItemActions,
  viewActions,
  type PaletteContext,
  type PaletteItem,
} from './palette-items.ts';

const instance = { name: 'lab', url: 'http://lab.test', proxy: false, baseUrl: 'http://lab.test' };

function contextAt(path: string): { context: PaletteContext; visited: string[] } {
  const visited: string[] = [];
  const navigate = ((to: string) => {
    visited.push(to);
    return Promise.resolve();
  }) as NavigateFunction;
  const [pathname = '', search = ''] = path.split(/(?=\?)/);
  return {
    context: { instance, here: parseAppPath(pathname, search), navigate, queryClient: new QueryClient() },
    visited,
  };
}

const ids = (items: readonly PaletteItem[]): string[] => items.map((item) => item.id);
const lastNotice = (): string | undefined => getNotices().at(-1)?.message;

const viewOptions = {
  snippetsHere: false,
  colorScheme: 'light' as const,
  setColorScheme: () => undefined,
  onShowShortcuts: () => undefined,
};

describe('noticeFor', () => {
  it('says what happened to the save', () => {
    expect(noticeFor('saved', 'Query saved', 'Mice')).toBe('Query saved as “Mice”');
    expect(noticeFor('renamed', 'Query saved', 'Mice')).toBe('Already saved as “Mice”');
    expect(noticeFor('full', 'Record pinned', 'KS005')).toBe(
      'The list is full: remove one on the Saved page first',
    );
    expect(noticeFor('failed', 'Record pinned', 'KS005')).toBe('The browser refused to store it');
    expect(noticeFor('invalid', 'Record pinned', 'KS005')).toBe('The browser refused to store it');
  });
});

describe('recordActions', () => {
  it('offers New on a list and New and Edit on a record, which go to the forms', () => {
    const list = contextAt('/lab/subjects');
    expect(recordActions(list.context).map((item) => item.label)).toEqual(['New subjects record']);
    const record = contextAt('/lab/subjects/KS005');
    const actions = recordActions(record.context);
    expect(ids(actions)).toEqual(['new', 'edit']);
    for (const action of actions) void action.run();
    expect(record.visited).toEqual([paths.create('lab', 'subjects'), paths.edit('lab', 'subjects', 'KS005')]);
  });

  it('offers neither where there is no endpoint, nor New in the console', () => {
    expect(recordActions(contextAt('/lab').context)).toEqual([]);
    expect(
      recordActions(contextAt(paths.console('lab', { method: 'GET', path: '/subjects' })).context),
    ).toEqual([]);
  });
});

describe('savedItemActions', () => {
  beforeEach(() => localStorage.clear());

  it('saves the list query under its default name and says so', () => {
    const { context } = contextAt('/lab/sessions?subject=KS005');
    const [save, ...rest] = savedItemActions(context, [], []);
    expect(save?.id).toBe('save-query');
    expect(rest).toEqual([]);
    void save?.run();
    expect(readSavedQueries('lab').map((item) => [item.endpoint, item.query])).toEqual([
      ['sessions', 'subject=KS005'],
    ]);
    expect(lastNotice()).toMatch(/^Query saved as “.+”$/);
  });

  it('does not offer to save a query that is saved already', () => {
    const saved: SavedQuery[] = [{ name: 'KS005', endpoint: 'sessions', query: 'subject=KS005', savedAt: 1 }];
    expect(savedItemActions(contextAt('/lab/sessions?subject=KS005').context, saved, [])).toEqual([]);
  });

  it('pins a record under the title of its cached copy, and offers Unpin once pinned', () => {
    const { context } = contextAt('/lab/subjects/KS005');
    context.queryClient.setQueryData(detailQuery(instance, 'subjects', 'KS005').queryKey, {
      nickname: 'KS005',
      id: 'a1',
    });
    const [pin] = savedItemActions(context, [], []);
    expect(pin?.id).toBe('pin');
    void pin?.run();
    expect(readPinnedRecords('lab').map((item) => item.name)).toEqual(['KS005']);
    expect(lastNotice()).toBe('Record pinned as “KS005”');

    const [unpin] = savedItemActions(context, [], readPinnedRecords('lab'));
    expect(unpin?.id).toBe('unpin');
    void unpin?.run();
    expect(readPinnedRecords('lab')).toEqual([]);
  });
});

describe('viewActions', () => {
  it('lists the app-wide actions in order, and the snippets command only where the view has it', () => {
    const { context } = contextAt('/lab/subjects');
    const always = ['copy', 'console', 'history', 'saved', 'theme', 'shortcuts', 'home', 'logout'];
    expect(ids(viewActions(context, viewOptions))).toEqual(always);
    const withSnippets = viewActions(context, { ...viewOptions, snippetsHere: true });
    expect(withSnippets[0]?.label).toBe('Show code snippets for this view');
    const form = viewActions(contextAt(paths.create('lab', 'subjects')).context, {
      ...viewOptions,
      snippetsHere: true,
    });
    expect(form[0]?.label).toBe('Show this request as curl and ONE code');
  });

  it('switches to the other theme', () => {
    const chosen: string[] = [];
    const { context } = contextAt('/lab');
    const dark = viewActions(context, {
      ...viewOptions,
      colorScheme: 'dark',
      setColorScheme: (s) => chosen.push(s),
    });
    const theme = dark.find((item) => item.id === 'theme');
    expect(theme?.label).toBe('Switch to light theme');
    void theme?.run();
    expect(chosen).toEqual(['light']);
  });
});

describe('the groups', () => {
  it('go to the saved list, the pinned and recent records and the browsable endpoints', () => {
    const { context, visited } = contextAt('/lab');
    const saved: SavedQuery[] = [{ name: 'Mice', endpoint: 'subjects', query: 'sex=F', savedAt: 1 }];
    const pins: PinnedRecord[] = [{ name: 'KS005', endpoint: 'subjects', lookup: 'KS005', pinnedAt: 1 }];
    const groups = [
      ...savedGroup(context, saved, pins),
      ...recentGroup(context, [{ endpoint: 'sessions', lookup: 'abc' }]),
    ];
    expect(groups.map((item) => [item.kind, item.label])).toEqual([
      ['Saved query', 'Mice'],
      ['Pinned', 'KS005'],
      ['Recent', 'sessions / abc'],
    ]);
    for (const item of groups) void item.run();
    expect(visited).toEqual(['/lab/subjects?sex=F', '/lab/subjects/KS005', '/lab/sessions/abc']);

    const endpoints = endpointGroup(context, testApiModel());
    expect(endpoints.map((item) => item.label)).toContain('subjects');
    expect(endpoints.map((item) => item.label)).not.toContain('register-file');
    expect(endpointGroup(context, undefined)).toEqual([]);
  });
});

describe('paletteResults', () => {
  const item = (id: string, kind: PaletteItem['kind'], label = id): PaletteItem => ({
    id,
    label,
    kind,
    run: () => undefined,
  });
  const noGoTo = () => Promise.resolve(null);
  const groups = {
    actions: [
      item('theme', 'Action', 'Switch to dark theme'),
      item('console', 'Action', 'Open the request console'),
    ],
    saved: Array.from({ length: 7 }, (_, i) => item(`saved${i}`, 'Saved query', `query ${i}`)),
    recent: [item('recent', 'Recent', 'sessions / abc')],
    endpoints: Array.from({ length: 14 }, (_, i) => item(`endpoint${i}`, 'Endpoint', `endpoint ${i}`)),
  };

  it('shows a few of each group before anything is typed, the actions last', () => {
    const results = ids(paletteResults('', groups, noGoTo));
    expect(results.filter((id) => id.startsWith('saved'))).toHaveLength(5);
    expect(results.filter((id) => id.startsWith('endpoint'))).toHaveLength(6);
    expect(results.slice(-2)).toEqual(['theme', 'console']);
    expect(results).not.toContain('go-to');
  });

  it('runs a word that names an action first and looks it up last', () => {
    expect(ids(paletteResults('theme', groups, noGoTo))).toEqual(['theme', 'go-to']);
  });

  it('looks up any other word first, and searches every saved item and up to twelve endpoints', () => {
    const results = ids(paletteResults('endpoint', groups, noGoTo));
    expect(results[0]).toBe('go-to');
    expect(results.filter((id) => id.startsWith('endpoint'))).toHaveLength(12);
    expect(ids(paletteResults('query', groups, noGoTo)).filter((id) => id.startsWith('saved'))).toHaveLength(
      7,
    );
  });

  it('hands the typed text to goTo', async () => {
    const asked: string[] = [];
    const [goTo] = paletteResults(' KS005 ', groups, (text) => {
      asked.push(text);
      return Promise.resolve('not found');
    });
    expect(goTo?.label).toBe('Go to “KS005”');
    expect(await goTo?.run()).toBe('not found');
    expect(asked).toEqual([' KS005 ']);
  });
});
