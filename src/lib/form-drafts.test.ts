// @vitest-environment jsdom
import '../testing/dom-setup.ts';
import { act, renderHook } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearToken, setToken } from '../api/auth/token-store.ts';
import { setAccount } from './account-store.ts';
import {
  DRAFT_SAVE_DELAY_MS,
  MAX_DRAFT_CHARS,
  discardDraft,
  discardInstanceDrafts,
  draftStorageKey,
  loadDraft,
  saveDraft,
  startDraftCleanup,
  useFormDraft,
  type DraftKey,
} from './form-drafts.ts';
import type { FormValues } from './edit-conflicts.ts';
import { startTabHandover } from './tab-handover.ts';

const EDIT: DraftKey = { instance: 'sandbox', endpoint: 'subjects', lookup: 'KS005', method: 'PATCH' };
const NEW: DraftKey = { instance: 'sandbox', endpoint: 'subjects', lookup: null, method: 'POST' };
const OPENED = { nickname: 'KS005', sex: 'M', description: '' };

function storedKeys(): string[] {
  return Array.from({ length: sessionStorage.length }, (_, index) => sessionStorage.key(index) ?? '');
}

describe('drafts in sessionStorage', () => {
  it('keeps values, the opened version and the time, per instance, endpoint, record and method', () => {
    expect(saveDraft(EDIT, { sex: 'F' }, OPENED, 1_700_000_000_000)).toBe(true);
    expect(loadDraft(EDIT)).toEqual({ values: { sex: 'F' }, original: OPENED, savedAt: 1_700_000_000_000 });
    expect(loadDraft({ ...EDIT, method: 'PUT' })).toBeNull();
    expect(loadDraft({ ...EDIT, lookup: 'KS006' })).toBeNull();
    expect(loadDraft({ ...EDIT, instance: 'openalyx' })).toBeNull();
    expect(loadDraft({ ...EDIT, endpoint: 'sessions' })).toBeNull();
    expect(loadDraft(NEW)).toBeNull();
    // A record looked up as "new" is not the create form.
    expect(draftStorageKey({ ...EDIT, lookup: 'new', method: 'POST' })).not.toBe(draftStorageKey(NEW));
    discardDraft(EDIT);
    expect(loadDraft(EDIT)).toBeNull();
  });

  it('never stores values of password, token or secret fields', () => {
    saveDraft(
      NEW,
      { nickname: 'x', password: 'hunter2', auth_token: 'abc123', client_secret: 's3', apiKey: 'k' },
      { password: 'old-pw', nickname: '' },
    );
    const raw = sessionStorage.getItem(draftStorageKey(NEW)) ?? '';
    for (const secret of ['hunter2', 'abc123', 's3', 'old-pw', '"k"']) expect(raw).not.toContain(secret);
    expect(loadDraft(NEW)?.values).toEqual({ nickname: 'x' });
  });

  it('ignores and removes hostile stored text: invalid JSON, wrong shapes, huge', () => {
    const key = draftStorageKey(EDIT);
    const good = { v: 1, values: { a: 1 }, original: null, savedAt: 1, account: null };
    const hostile = [
      '{not json',
      'null',
      '"a string"',
      '[1,2]',
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, values: [1, 2] }),
      JSON.stringify({ ...good, values: null }),
      JSON.stringify({ ...good, original: 'KS005' }),
      JSON.stringify({ ...good, savedAt: '10:42' }),
      JSON.stringify({ ...good, savedAt: -1 }),
      JSON.stringify({ ...good, account: 7 }),
      JSON.stringify({ ...good, values: { a: 'x'.repeat(MAX_DRAFT_CHARS) } }),
    ];
    for (const raw of hostile) {
      sessionStorage.setItem(key, raw);
      expect(loadDraft(EDIT), raw.slice(0, 60)).toBeNull();
      expect(sessionStorage.getItem(key)).toBeNull();
    }
    sessionStorage.setItem(key, JSON.stringify(good));
    expect(loadDraft(EDIT)).toEqual({ values: { a: 1 }, original: null, savedAt: 1 });
  });

  it('does not let a stored __proto__ key reach a prototype, and drops stored secrets too', () => {
    sessionStorage.setItem(
      draftStorageKey(EDIT),
      '{"v":1,"values":{"__proto__":{"polluted":true},"token":"t","sex":"F"},"original":null,"savedAt":5,"account":null}',
    );
    const draft = loadDraft(EDIT);
    expect(draft?.values).toEqual({ sex: 'F' });
    expect(Object.getPrototypeOf(draft?.values)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses to write a draft too big for a form (and does not throw on quota errors)', () => {
    expect(saveDraft(EDIT, { json: 'x'.repeat(MAX_DRAFT_CHARS) }, null)).toBe(false);
    expect(loadDraft(EDIT)).toBeNull();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      expect(saveDraft(EDIT, { sex: 'F' }, null)).toBe(false);
    } finally {
      setItem.mockRestore();
    }
  });

  it('does not offer a draft typed under another account of the instance', () => {
    setAccount('sandbox', { username: 'alice', readOnly: false });
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    setAccount('sandbox', { username: 'admin', readOnly: false });
    expect(loadDraft(EDIT)).toBeNull();
    setAccount('sandbox', { username: 'alice', readOnly: false });
    expect(loadDraft(EDIT)?.values).toEqual({ sex: 'F' });
  });

  it('drops all drafts of one instance and only those', () => {
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    saveDraft(NEW, { nickname: 'n' }, null);
    saveDraft({ ...EDIT, instance: 'sandbox2' }, { sex: 'U' }, OPENED);
    sessionStorage.setItem('alyx-explorer:token:sandbox', 'keep-me');
    discardInstanceDrafts('sandbox');
    expect(loadDraft(EDIT)).toBeNull();
    expect(loadDraft(NEW)).toBeNull();
    expect(loadDraft({ ...EDIT, instance: 'sandbox2' })?.values).toEqual({ sex: 'U' });
    expect(storedKeys()).toContain('alyx-explorer:token:sandbox');
  });
});

describe('drafts and logout', () => {
  const stopCleanup = startDraftCleanup();
  const stopHandover = startTabHandover();
  afterAll(() => {
    stopCleanup();
    stopHandover();
  });

  it('a logout here drops the instance drafts; a 401 (expired token) keeps them', () => {
    setToken('sandbox', 't1');
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    saveDraft({ ...EDIT, instance: 'other' }, { sex: 'F' }, OPENED);
    clearToken('sandbox', 'expired');
    expect(loadDraft(EDIT)?.values).toEqual({ sex: 'F' });
    setToken('sandbox', 't1');
    clearToken('sandbox');
    expect(loadDraft(EDIT)).toBeNull();
    expect(loadDraft({ ...EDIT, instance: 'other' })).not.toBeNull();
  });

  it('a logout broadcast by another tab drops this tab’s drafts', async () => {
    setToken('sandbox', 't1');
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    const otherTab = new BroadcastChannel('alyx-explorer:tokens');
    try {
      otherTab.postMessage({ type: 'logout', instance: 'sandbox' });
      await vi.waitFor(() => expect(loadDraft(EDIT)).toBeNull());
    } finally {
      otherTab.close();
    }
  });

  it('a remembered token removed by another tab (storage event) drops the drafts', () => {
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    window.dispatchEvent(new StorageEvent('storage', { key: 'alyx-explorer:token:sandbox', newValue: null }));
    expect(loadDraft(EDIT)).toBeNull();
  });

  it('a login in another tab (token still here) keeps them', () => {
    setToken('sandbox', 't1', true);
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    window.dispatchEvent(new StorageEvent('storage', { key: 'alyx-explorer:token:sandbox', newValue: 't1' }));
    expect(loadDraft(EDIT)).not.toBeNull();
  });
});

describe('useFormDraft', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function renderDraft(initial: { values: FormValues; enabled: boolean; key?: DraftKey }) {
    return renderHook(
      (props: { values: FormValues; enabled: boolean; key?: DraftKey }) =>
        useFormDraft(props.key ?? EDIT, props.values, { enabled: props.enabled, original: OPENED }),
      { initialProps: initial },
    );
  }

  it('saves a change after the debounce, not on every keystroke, and not while disabled', () => {
    const hook = renderDraft({ values: OPENED, enabled: false });
    expect(hook.result.current.draft).toBeNull();
    hook.rerender({ values: { ...OPENED, description: 'a' }, enabled: true });
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 50));
    hook.rerender({ values: { ...OPENED, description: 'ab' }, enabled: true });
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 50));
    expect(loadDraft(EDIT)).toBeNull();
    act(() => vi.advanceTimersByTime(100));
    expect(loadDraft(EDIT)).toMatchObject({ values: { description: 'ab' }, original: OPENED });
    hook.rerender({ values: { ...OPENED, description: 'abc' }, enabled: false });
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2));
    expect(loadDraft(EDIT)?.values.description).toBe('ab');
    hook.unmount();
    expect(loadDraft(EDIT)?.values.description).toBe('ab');
  });

  it('offers the stored draft on mount and does not overwrite it until restored or discarded', () => {
    saveDraft(EDIT, { ...OPENED, sex: 'F' }, OPENED, 1234);
    const hook = renderDraft({ values: OPENED, enabled: false });
    expect(hook.result.current.draft).toEqual({
      values: { ...OPENED, sex: 'F' },
      original: OPENED,
      savedAt: 1234,
    });
    hook.rerender({ values: { ...OPENED, description: 'typed meanwhile' }, enabled: true });
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2));
    expect(loadDraft(EDIT)?.values.sex).toBe('F');
    let restored: ReturnType<typeof hook.result.current.restore> = null;
    act(() => {
      restored = hook.result.current.restore();
    });
    expect(restored).toMatchObject({ values: { sex: 'F' }, savedAt: 1234 });
    expect(hook.result.current.draft).toBeNull();
    hook.rerender({ values: { ...OPENED, sex: 'F', description: 'more' }, enabled: true });
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS));
    expect(loadDraft(EDIT)?.values).toMatchObject({ sex: 'F', description: 'more' });
  });

  it('discard drops the stored draft and any pending save (after submit nothing comes back)', () => {
    saveDraft(EDIT, { sex: 'F' }, OPENED);
    const hook = renderDraft({ values: OPENED, enabled: false });
    act(() => hook.result.current.discard());
    expect(hook.result.current.draft).toBeNull();
    expect(loadDraft(EDIT)).toBeNull();
    hook.rerender({ values: { ...OPENED, sex: 'U' }, enabled: true });
    act(() => hook.result.current.discard());
    hook.unmount();
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2));
    expect(loadDraft(EDIT)).toBeNull();
  });

  it('flushes a pending save when the form unmounts or the page goes away', () => {
    const hook = renderDraft({ values: OPENED, enabled: false });
    hook.rerender({ values: { ...OPENED, sex: 'U' }, enabled: true });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(loadDraft(EDIT)?.values.sex).toBe('U');
    hook.rerender({ values: { ...OPENED, sex: 'F' }, enabled: true });
    hook.unmount();
    expect(loadDraft(EDIT)?.values.sex).toBe('F');
  });

  it('offers the draft of the other record when the key changes', () => {
    const other: DraftKey = { ...EDIT, lookup: 'KS006' };
    saveDraft(other, { sex: 'F' }, OPENED, 99);
    const hook = renderDraft({ values: OPENED, enabled: false });
    expect(hook.result.current.draft).toBeNull();
    hook.rerender({ values: OPENED, enabled: false, key: other });
    expect(hook.result.current.draft?.savedAt).toBe(99);
  });
});
