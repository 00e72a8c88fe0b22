// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { clearToken, getToken, isTokenRemembered, setToken, subscribeTokens } from './token-store.ts';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('token store', () => {
  it('keeps a token for the session by default, per instance', () => {
    setToken('sandbox', 'abc');
    expect(getToken('sandbox')).toBe('abc');
    expect(getToken('alyx')).toBeNull();
    expect(isTokenRemembered('sandbox')).toBe(false);
    expect(localStorage.length).toBe(0);
  });

  it('logs in and out of one instance without touching another', () => {
    setToken('sandbox', 'abc');
    expect(getToken('coreapi')).toBeNull();
    setToken('coreapi', 'def', true);
    clearToken('sandbox');
    expect(getToken('sandbox')).toBeNull();
    expect(getToken('coreapi')).toBe('def');
  });

  it('remembers across browser restarts only when asked, and switching moves it', () => {
    setToken('sandbox', 'abc', true);
    expect(isTokenRemembered('sandbox')).toBe(true);
    expect(sessionStorage.length).toBe(0);
    setToken('sandbox', 'def', false);
    expect(getToken('sandbox')).toBe('def');
    expect(localStorage.length).toBe(0);
  });

  it('clears both storages and notifies subscribers', () => {
    const seen: string[] = [];
    const unsubscribe = subscribeTokens((instance) => seen.push(instance));
    setToken('sandbox', 'abc', true);
    clearToken('sandbox');
    expect(getToken('sandbox')).toBeNull();
    unsubscribe();
    setToken('alyx', 'x');
    expect(seen).toEqual(['sandbox', 'sandbox']);
  });

  it('hears logins from other tabs through storage events', () => {
    const seen: string[] = [];
    const unsubscribe = subscribeTokens((instance) => seen.push(instance));
    window.dispatchEvent(new StorageEvent('storage', { key: 'alyx-explorer:token:alyx' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else' }));
    unsubscribe();
    expect(seen).toEqual(['alyx']);
  });
});
