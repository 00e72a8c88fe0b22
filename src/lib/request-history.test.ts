// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bufferRequestsUntilListened,
  reportRequestFinished,
  type FinishedRequest,
} from '../api/http/request-log.ts';
import { clearToken, setToken } from '../api/auth/token-store.ts';
import {
  addHistoryEntry,
  clearHistory,
  flushHistory,
  HISTORY_LIMIT,
  HISTORY_MAX_CHARS,
  historyEntryFor,
  readHistory,
  startRequestHistory,
  type HistoryEntry,
} from './request-history.ts';

const KEY = 'alyx-explorer:history:a';

function entry(path: string, at = 1_700_000_000_000): HistoryEntry {
  return { method: 'GET', path, status: 200, at, durationMs: 12, sizeBytes: 345 };
}

function finished(overrides: Partial<FinishedRequest>): FinishedRequest {
  return {
    instance: 'a',
    method: 'GET',
    path: '/sessions',
    status: 200,
    startedAt: 1_700_000_000_000,
    durationMs: 5,
    sizeBytes: 10,
    ...overrides,
  };
}

describe('request history storage', () => {
  beforeEach(() => {
    flushHistory();
    localStorage.clear();
  });

  it('keeps the newest first, per instance, at most HISTORY_LIMIT entries', () => {
    for (let index = 0; index < HISTORY_LIMIT + 20; index += 1) addHistoryEntry('a', entry(`/s/${index}`));
    const list = readHistory('a');
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.path).toBe(`/s/${HISTORY_LIMIT + 19}`);
    expect(list.at(-1)?.path).toBe('/s/20');
    expect(readHistory('b')).toEqual([]);
    clearHistory('a');
    expect(readHistory('a')).toEqual([]);
  });

  it('keeps the stored JSON under its character cap, dropping the oldest', () => {
    const long = `/sessions?q=${'x'.repeat(1900)}`;
    for (let index = 0; index < 200; index += 1)
      addHistoryEntry('a', entry(`${long}${index}`.slice(0, 1990)));
    flushHistory();
    const stored = localStorage.getItem(KEY) ?? '';
    expect(stored.length).toBeLessThanOrEqual(HISTORY_MAX_CHARS);
    const list = readHistory('a');
    expect(list.length).toBeGreaterThan(50);
    expect(list.length).toBeLessThan(200);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not an array', '{"method":"GET"}'],
    ['a string', '"GET /x"'],
  ])('reads %s as an empty history', (_label, raw) => {
    localStorage.setItem(KEY, raw);
    expect(readHistory('a')).toEqual([]);
  });

  it('drops hostile stored entries and fields, and masks what an older or foreign writer left unmasked', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        { ...entry('/subjects?token=abc123&limit=1'), authorization: 'Token abc123', extra: { a: 1 } },
        { ...entry('/subjects'), method: 'BREW' },
        { ...entry('https://evil.example.org/x') },
        { ...entry('/x'), status: '<img src=x onerror=alert(1)>' },
        { ...entry('/x'), durationMs: -1 },
        { ...entry('/x'), sizeBytes: 'big' },
        { ...entry('/auth-token'), method: 'POST', body: '{"username":"u","password":"p4ss"}' },
        { ...entry('/subjects/a'), method: 'PATCH', body: '{"password":"p4ss","x":1}' },
        null,
        ['GET', '/x'],
      ]).replace(
        /\]$/,
        ',{"__proto__":{"polluted":true},"method":"GET","path":"/ok","status":200,"at":1,"durationMs":1,"sizeBytes":1}]',
      ),
    );
    const list = readHistory('a');
    expect(list.map((item) => item.path)).toEqual([
      '/subjects?token=***&limit=1',
      '/auth-token',
      '/subjects/a',
      '/ok',
    ]);
    expect(JSON.stringify(list)).not.toMatch(/abc123|p4ss|authorization|extra|polluted/);
    expect(list[1]).not.toHaveProperty('body');
    expect(list[2]?.body).toBe('{"password":"***","x":1}');
  });
});

describe('historyEntryFor', () => {
  it('masks secret-named query values and body fields, and keeps no body for /auth-token', () => {
    expect(historyEntryFor(finished({ path: '/sessions?password=hunter2&subject=KS005' }))?.path).toBe(
      '/sessions?password=***&subject=KS005',
    );
    const login = historyEntryFor(
      finished({ method: 'POST', path: '/auth-token/', body: '{"username":"u","password":"hunter2"}' }),
    );
    expect(login).not.toHaveProperty('body');
    const write = historyEntryFor(
      finished({
        method: 'POST',
        path: '/users',
        body: '{"username":"u","password":"hunter2","api_key":"k"}',
      }),
    );
    expect(write?.body).toBe('{"username":"u","password":"***","api_key":"***"}');
    expect(historyEntryFor(finished({ method: 'POST', body: 'not json hunter2' }))).not.toHaveProperty(
      'body',
    );
    expect(historyEntryFor(finished({ method: 'GET', body: '{"a":1}' }))).not.toHaveProperty('body');
    expect(historyEntryFor(finished({ method: 'BREW' }))).toBeNull();
  });

  it('bounds a very long path', () => {
    const path = historyEntryFor(finished({ path: `/x/${'y'.repeat(10_000)}` }))?.path ?? '';
    expect(path.length).toBeLessThanOrEqual(2000);
  });
});

describe('startRequestHistory', () => {
  beforeEach(() => {
    flushHistory();
    localStorage.clear();
  });

  it('stores what the HTTP layer reports, until stopped', () => {
    const stop = startRequestHistory();
    reportRequestFinished(finished({ path: '/subjects?limit=1' }));
    stop();
    reportRequestFinished(finished({ path: '/after-stop' }));
    expect(readHistory('a').map((item) => item.path)).toEqual(['/subjects?limit=1']);
  });

  it('keeps nothing of a session after its logout, not even the requests the logout cancelled', () => {
    const stop = startRequestHistory();
    setToken('a', 'session-token');
    reportRequestFinished(finished({ path: '/sessions?subject=KS005' }));
    reportRequestFinished(finished({ path: '/weighings?subject=KS005', status: 'aborted' }));
    clearToken('a', 'logout');
    reportRequestFinished(finished({ path: '/datasets?subject=KS005', status: 'aborted' }));
    stop();
    expect(readHistory('a')).toEqual([]);
    // Signed in, a cancelled request is history like any other.
    setToken('a', 'next-token');
    const again = startRequestHistory();
    reportRequestFinished(finished({ path: '/subjects', status: 'aborted' }));
    expect(readHistory('a').map((item) => item.path)).toEqual(['/subjects']);
    again();
    clearHistory('a');
    clearToken('a', 'logout');
  });
});

describe('writing the history', () => {
  beforeEach(() => {
    flushHistory();
    localStorage.clear();
  });

  it('writes a burst of requests to localStorage once, shortly after, and reads them back meanwhile', () => {
    vi.useFakeTimers();
    try {
      const setItem = vi.spyOn(Storage.prototype, 'setItem');
      for (let index = 0; index < 50; index += 1) addHistoryEntry('a', entry(`/burst/${index}`));
      expect(readHistory('a')).toHaveLength(50);
      expect(setItem).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(setItem).toHaveBeenCalledTimes(1);
      setItem.mockRestore();
      const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as HistoryEntry[];
      expect(stored.map((item) => item.path)).toEqual(readHistory('a').map((item) => item.path));
    } finally {
      vi.useRealTimers();
    }
  });

  it('a clear drops entries not written yet', () => {
    addHistoryEntry('a', entry('/pending'));
    clearHistory('a');
    flushHistory();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(readHistory('a')).toEqual([]);
  });
});

describe('requests that end before the history store loads', () => {
  beforeEach(() => {
    flushHistory();
    localStorage.clear();
  });

  it('are kept when buffering was asked for and handed to the store when it starts', () => {
    bufferRequestsUntilListened();
    reportRequestFinished(finished({ path: '/before-1' }));
    reportRequestFinished(finished({ path: '/before-2' }));
    const stop = startRequestHistory();
    reportRequestFinished(finished({ path: '/after' }));
    stop();
    expect(readHistory('a').map((item) => item.path)).toEqual(['/after', '/before-2', '/before-1']);
  });

  it('are not kept without asking, so tests and scripts do not accumulate them', () => {
    reportRequestFinished(finished({ path: '/unheard' }));
    const stop = startRequestHistory();
    stop();
    expect(readHistory('a')).toEqual([]);
  });
});
