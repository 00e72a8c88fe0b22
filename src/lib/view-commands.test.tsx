// @vitest-environment jsdom
import '../testing/dom-setup.ts';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { runViewCommand, useViewCommand, useViewCommandAvailable } from './view-commands.ts';

describe('view commands', () => {
  it('reach the mounted views that answer them, and are offered only while one is mounted', () => {
    const availability = renderHook(() => useViewCommandAvailable('snippets'));
    expect(availability.result.current).toBe(false);
    expect(runViewCommand('snippets')).toBe(false);

    const handler = vi.fn();
    const view = renderHook(({ enabled }) => useViewCommand('snippets', handler, enabled), {
      initialProps: { enabled: true },
    });
    expect(availability.result.current).toBe(true);
    act(() => {
      expect(runViewCommand('snippets')).toBe(true);
    });
    expect(handler).toHaveBeenCalledTimes(1);

    view.rerender({ enabled: false });
    expect(availability.result.current).toBe(false);
    view.rerender({ enabled: true });
    view.unmount();
    expect(availability.result.current).toBe(false);
    expect(runViewCommand('snippets')).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
