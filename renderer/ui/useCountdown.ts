import { useCallback, useEffect, useState } from 'react';

interface Countdown {
  until: number;
  now: number;
}

/** Whole seconds left until a deadline set with `start(ms)`, ticking once a second; 0 when none. */
export function useCountdown(): { seconds: number; start: (ms: number) => void } {
  const [countdown, setCountdown] = useState<Countdown | null>(null);
  const until = countdown?.until;

  useEffect(() => {
    if (until === undefined) return undefined;
    const timer = setInterval(() => {
      const now = Date.now();
      setCountdown(now >= until ? null : { until, now });
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  const seconds = countdown ? Math.max(0, Math.ceil((countdown.until - countdown.now) / 1000)) : 0;
  const start = useCallback((ms: number) => {
    const now = Date.now();
    setCountdown(ms > 0 ? { until: now + ms, now } : null);
  }, []);
  return { seconds, start };
}
