import { startTransition, useEffect, useState } from 'react';

/**
 * False for a view's first render, then true in a transition: what is not needed to orient or to
 * start typing (a form's later inputs, the overview's directory) is drawn a frame later (ADR 0034,
 * ADR 0037). `immediately` skips the wait when there is little to defer.
 */
export function useAfterFirstPaint(immediately = false): boolean {
  const [shown, setShown] = useState(immediately);
  useEffect(() => {
    if (!shown) startTransition(() => setShown(true));
  }, [shown]);
  return shown;
}
