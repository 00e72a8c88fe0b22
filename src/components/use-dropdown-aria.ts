import { useCallback, useReducer } from 'react';

/**
 * The theme unmounts closed Combobox dropdowns (src/theme.ts: a mounted one costs a forced style
 * recalculation each). Mantine learns the listbox's id only when its options mount, and does not
 * render the input again after that, so a first opening would leave the input `aria-expanded="false"`
 * with no `aria-controls`. One more render once the options are in sets both.
 */
export function useDropdownAria(onOpen?: () => void): () => void {
  const [, renderAgain] = useReducer((count: number) => count + 1, 0);
  return useCallback(() => {
    onOpen?.();
    setTimeout(renderAgain, 0);
  }, [onOpen]);
}
