import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/** "Throttled, retrying in N s": counts down once a second and calls `onDone` at zero. */
export function ThrottleCountdown({ seconds, onDone }: { seconds: number; onDone?: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onDone?.();
      return undefined;
    }
    const timer = window.setTimeout(() => setLeft((value) => value - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left, onDone]);
  return (
    <Text role="timer" aria-live="polite">
      {onDone
        ? `Throttled, retrying in ${Math.max(left, 0)} s`
        : `Throttled, try again in ${Math.max(left, 0)} s`}
    </Text>
  );
}
