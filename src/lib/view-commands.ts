/**
 * Commands the palette sends to whatever view is showing (features do not import each other): a
 * view that can do one subscribes while it is mounted, and the palette offers the command only then.
 */
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';

export type ViewCommand = 'snippets';

const handlers = new Map<ViewCommand, Set<() => void>>();
const watchers = new Set<() => void>();

function changed(): void {
  for (const watcher of [...watchers]) watcher();
}

/** Runs the command in the views that offer it; false when none does. */
export function runViewCommand(command: ViewCommand): boolean {
  const current = [...(handlers.get(command) ?? [])];
  for (const handler of current) handler();
  return current.length > 0;
}

/** While mounted (and `enabled`), `handler` answers `command`. */
export function useViewCommand(command: ViewCommand, handler: () => void, enabled = true): void {
  const onCommand = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return undefined;
    const run = (): void => onCommand();
    const set = handlers.get(command) ?? new Set();
    handlers.set(command, set);
    set.add(run);
    changed();
    return () => {
      set.delete(run);
      changed();
    };
  }, [command, enabled]);
}

function subscribe(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => {
    watchers.delete(watcher);
  };
}

/** True while some mounted view answers `command`. */
export function useViewCommandAvailable(command: ViewCommand): boolean {
  const available = (): boolean => (handlers.get(command)?.size ?? 0) > 0;
  return useSyncExternalStore(subscribe, available, () => false);
}
