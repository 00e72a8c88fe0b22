// @vitest-environment jsdom
import '../testing/dom-setup.ts';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlyxError, type AlyxErrorInit } from '../api/http/errors.ts';
import { renderWithProviders } from '../testing/render.tsx';
import { ErrorState } from './ErrorState.tsx';

const failure = (init: Partial<AlyxErrorInit> & Pick<AlyxErrorInit, 'kind'>): AlyxError =>
  new AlyxError({ status: 500, path: '/sessions?limit=5', ...init });

afterEach(() => {
  vi.useRealTimers();
});

describe('ErrorState', () => {
  it('explains a server error with its detail and retries on demand', async () => {
    const onRetry = vi.fn();
    renderWithProviders(
      <ErrorState error={failure({ kind: 'server', detail: 'FieldError: bad lookup' })} onRetry={onRetry} />,
    );
    expect(await screen.findByText('Server error (500)')).toBeTruthy();
    expect(screen.getByText('FieldError: bad lookup')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('names the path that was not found and offers no retry', async () => {
    renderWithProviders(
      <ErrorState
        error={failure({ kind: 'not-found', status: 404, path: '/subjects/ghost' })}
        onRetry={() => {}}
      />,
    );
    expect(await screen.findByText('/subjects/ghost')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('calls a permission failure a read-only account', async () => {
    renderWithProviders(<ErrorState error={failure({ kind: 'forbidden', status: 403 })} />);
    expect(await screen.findByText(/Public accounts are read-only/)).toBeTruthy();
  });

  it('counts a throttle down and retries when it reaches zero', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onRetry = vi.fn();
    renderWithProviders(
      <ErrorState
        error={failure({ kind: 'throttled', status: 429, retryAfterSeconds: 3 })}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByText('Throttled, retrying in 3 s')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(screen.getByText('Throttled, retrying in 2 s')).toBeTruthy();
    for (const second of [1, 0]) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(screen.getByText(`Throttled, retrying in ${second} s`)).toBeTruthy();
    }
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers a login link for an expired token', async () => {
    renderWithProviders(
      <ErrorState
        error={failure({ kind: 'unauthorized', status: 403, detail: 'Invalid token.' })}
        loginHref="/sandbox/~/login"
      />,
    );
    expect((await screen.findByRole('link', { name: 'Log in again' })).getAttribute('href')).toBe(
      '/sandbox/~/login',
    );
  });
});
