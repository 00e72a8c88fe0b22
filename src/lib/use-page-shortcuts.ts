import { useShortcut } from './shortcut-registry.ts';

/** `j`/`]` next page, `k`/`[` previous page, for a list's pager; a missing move does nothing. */
export function usePageShortcuts<T>(
  moves: { previous: T | null; next: T | null },
  go: (target: T) => void,
): void {
  useShortcut({
    id: 'list.next',
    keys: ['j', ']'],
    description: 'Next page',
    group: 'List',
    run: () => moves.next !== null && go(moves.next),
  });
  useShortcut({
    id: 'list.previous',
    keys: ['k', '['],
    description: 'Previous page',
    group: 'List',
    run: () => moves.previous !== null && go(moves.previous),
  });
}
