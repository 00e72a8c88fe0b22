import { useLayoutEffect, useState, type RefObject } from 'react';

const BOTTOM_GAP = 16;

/**
 * The height from the element's top (in the page, not the viewport) to the bottom of the window,
 * kept up to date as the window or the content above it (filters added, wrapped) change size.
 * Undefined until measured, and where there is no layout (jsdom).
 */
export function useSpaceBelow(ref: RefObject<HTMLElement | null>): number | undefined {
  const [space, setSpace] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      if (window.innerHeight === 0) return;
      setSpace(Math.round(window.innerHeight - top - BOTTOM_GAP));
    };
    measure();
    // The body changes size when anything above the element does (and when the element does: the
    // value then stays the same, so no loop).
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return space;
}
