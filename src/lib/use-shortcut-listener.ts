import { useEffect } from 'react';
import { findShortcut, isTypingTarget, listShortcuts } from './shortcut-registry.ts';

const SEQUENCE_MS = 1500;

/** True inside an open dialog: its own keys (and the help sheet's `?`) only, not the page's. */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}

/** The one keydown listener that runs registered shortcuts; mount it once, in the layout. */
export function useShortcutListener(): void {
  useEffect(() => {
    let previous: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (
        event.defaultPrevented ||
        event.isComposing ||
        ['Shift', 'Control', 'Meta', 'Alt'].includes(event.key)
      )
        return;
      const typing = isTypingTarget(event.target) || inDialog(event.target);
      const found = findShortcut(listShortcuts(), event, previous, typing);
      clearTimeout(timer);
      previous = null;
      if (found === null) return;
      if (found === 'pending') {
        previous = event.key.toLowerCase();
        timer = setTimeout(() => (previous = null), SEQUENCE_MS);
        return;
      }
      event.preventDefault();
      found.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
