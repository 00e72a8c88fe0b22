// @vitest-environment jsdom
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearToken, getToken, setToken } from '../api/auth/token-store.ts';
import { getAccount, setAccount } from './account-store.ts';
import { onRemoteLogout, startTabHandover, tokenFromOtherTabs } from './tab-handover.ts';

// This module is one tab; a raw BroadcastChannel on the same name plays another tab of the origin.
const stop = startTabHandover();
const otherTab = new BroadcastChannel('alyx-explorer:tokens');
const heard: unknown[] = [];
otherTab.addEventListener('message', (event: MessageEvent<unknown>) => heard.push(event.data));

function next(type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<Record<string, unknown>>): void => {
      if (event.data.type !== type) return;
      otherTab.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    otherTab.addEventListener('message', onMessage);
  });
}

afterAll(() => {
  otherTab.close();
  stop();
});

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  heard.length = 0;
});

describe('token handover between tabs', () => {
  it('asks the other tabs and keeps the token they give in sessionStorage only', async () => {
    const asked = next('ask');
    const answer = tokenFromOtherTabs('sandbox', 2000);
    const ask = await asked;
    expect(ask).toMatchObject({ type: 'ask', instance: 'sandbox' });
    otherTab.postMessage({
      type: 'give',
      id: ask['id'],
      instance: 'sandbox',
      token: 'tok-1',
      account: { username: 'alice', readOnly: false },
    });
    expect(await answer).toBe('tok-1');
    expect(sessionStorage.getItem('alyx-explorer:token:sandbox')).toBe('tok-1');
    expect(Object.keys(localStorage)).toEqual([]);
    expect(getAccount('sandbox').username).toBe('alice');
  });

  it('gives up after the wait when no tab answers', async () => {
    const started = Date.now();
    expect(await tokenFromOtherTabs('sandbox', 150)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('ignores an answer to a question it did not ask', async () => {
    otherTab.postMessage({ type: 'give', id: 'forged', instance: 'sandbox', token: 'evil', account: {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getToken('sandbox')).toBeNull();
  });

  it('answers another tab that asks, with this tab’s token and account', async () => {
    setToken('sandbox', 'tok-2');
    setAccount('sandbox', { username: 'bob', readOnly: true });
    const given = next('give');
    otherTab.postMessage({ type: 'ask', id: 'q1', instance: 'sandbox' });
    expect(await given).toEqual({
      type: 'give',
      id: 'q1',
      instance: 'sandbox',
      token: 'tok-2',
      account: { username: 'bob', readOnly: true },
    });
  });

  it('tells the other tabs about a logout here, and applies a logout from there without echoing it', async () => {
    setToken('sandbox', 'tok-3');
    const told = next('logout');
    clearToken('sandbox');
    expect(await told).toEqual({ type: 'logout', instance: 'sandbox' });

    setToken('sandbox', 'tok-4');
    const loggedOut: string[] = [];
    const unsubscribe = onRemoteLogout((instance) => loggedOut.push(instance));
    heard.length = 0;
    otherTab.postMessage({ type: 'logout', instance: 'sandbox' });
    await expect.poll(() => getToken('sandbox')).toBeNull();
    expect(loggedOut).toEqual(['sandbox']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([]);
    unsubscribe();
  });
});
