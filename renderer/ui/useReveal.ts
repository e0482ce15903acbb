import { useCallback, useEffect, useState } from 'react';

/** A revealed sealed value is shown this long, then hidden (DESIGN.md §3). */
export const REVEAL_MS = 60_000;

interface Shown<T> {
  value: T;
  until: number;
}

/**
 * Holds one revealed value in component state for 60 seconds. Never keep a revealed value after
 * it is hidden: `hide`, the timer and unmounting all drop it.
 */
export function useReveal<T>() {
  const [shown, setShown] = useState<Shown<T> | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const until = shown?.until;

  useEffect(() => {
    if (until === undefined) return undefined;
    const hideTimer = setTimeout(() => setShown(null), Math.max(0, until - Date.now()));
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(hideTimer);
      clearInterval(tick);
    };
  }, [until]);

  const show = useCallback((value: T) => {
    const at = Date.now();
    setNow(at);
    setShown({ value, until: at + REVEAL_MS });
  }, []);
  const hide = useCallback(() => setShown(null), []);
  const secondsLeft = shown ? Math.max(0, Math.ceil((shown.until - now) / 1000)) : 0;
  return { revealed: shown ? { value: shown.value } : null, secondsLeft, show, hide };
}
