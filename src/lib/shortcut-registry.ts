/**
 * One registry of keyboard shortcuts: views register what they offer while mounted, one global
 * listener runs them, and the help sheet lists them. Keys are written `mod+k` (Ctrl, or Cmd on a
 * Mac), single characters as typed (`?`, `[`, `e`) or two-key sequences (`g h`).
 */

import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface Shortcut {
  id: string;
  /** Alternatives, e.g. `['j', ']']`; each is a key or a space-separated sequence. */
  keys: readonly string[];
  description: string;
  group: 'General' | 'Navigation' | 'Record' | 'List' | 'Form';
  /** Also while typing in an input, textarea or code editor (only for `mod+…` chords). */
  whileTyping?: boolean;
  run: () => void;
}

let shortcuts: readonly Shortcut[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Adds a shortcut; the returned function removes it. A later registration of the same id wins. */
export function registerShortcut(shortcut: Shortcut): () => void {
  shortcuts = [...shortcuts.filter((item) => item.id !== shortcut.id), shortcut];
  emit();
  return () => {
    if (!shortcuts.includes(shortcut)) return;
    shortcuts = shortcuts.filter((item) => item !== shortcut);
    emit();
  };
}

export function listShortcuts(): readonly Shortcut[] {
  return shortcuts;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(subscribe, listShortcuts, listShortcuts);
}

/** Registers a shortcut while the calling component is mounted and `enabled`; `run` may change freely. */
export function useShortcut(shortcut: Omit<Shortcut, 'run'> & { run: () => void; enabled?: boolean }): void {
  const run = useRef(shortcut.run);
  useEffect(() => {
    run.current = shortcut.run;
  });
  const { id, description, group, whileTyping, enabled = true } = shortcut;
  const keys = shortcut.keys.join('|');
  useEffect(() => {
    if (!enabled) return undefined;
    return registerShortcut({
      id,
      keys: keys.split('|'),
      description,
      group,
      whileTyping,
      run: () => run.current(),
    });
  }, [id, keys, description, group, whileTyping, enabled]);
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** `mod+k` → matches Ctrl-K or Cmd-K; a plain key matches only without Ctrl, Cmd or Alt. */
export function matchesChord(press: KeyPress, chord: string): boolean {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const mod = parts.includes('mod');
  if (mod !== (press.ctrlKey || press.metaKey) || press.altKey) return false;
  return press.key.toLowerCase() === key.toLowerCase();
}

/** Whether the event comes from somewhere the user types: single-key shortcuts must not fire there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .cm-editor'))
    return true;
  return target.getAttribute('role') === 'textbox' || target.getAttribute('role') === 'combobox';
}

/**
 * Finds the shortcut for a key press given the previous key of a pending sequence (`g` of `g h`).
 * Returns the shortcut to run, or `pending` when the press starts a sequence.
 */
export function findShortcut(
  list: readonly Shortcut[],
  press: KeyPress,
  previous: string | null,
  typing: boolean,
): Shortcut | 'pending' | null {
  let starts = false;
  // Latest registration first: a view's shortcut wins over a global one with the same key.
  for (const shortcut of [...list].reverse()) {
    if (typing && !shortcut.whileTyping) continue;
    for (const combo of shortcut.keys) {
      const steps = combo.split(' ');
      if (steps.length === 2) {
        if (previous !== null && previous === steps[0] && matchesChord(press, steps[1]!)) return shortcut;
        if (matchesChord(press, steps[0]!)) starts = true;
      } else if (matchesChord(press, combo)) {
        return shortcut;
      }
    }
  }
  return starts ? 'pending' : null;
}

/** How a key combination is shown to the user: `mod` as Ctrl (or ⌘ on a Mac). */
export function keyLabel(combo: string, mac: boolean): string[] {
  return combo.split(' ').map((step) =>
    step
      .split('+')
      .map((part) => (part === 'mod' ? (mac ? '⌘' : 'Ctrl') : part))
      .join(' + '),
  );
}
