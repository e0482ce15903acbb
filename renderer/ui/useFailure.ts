import { useCallback, useState } from 'react';
import type { ErrorCode } from '../../electron/common/errors';
import { ApiError, errorCodeOf } from '../api/mamori';
import { useCountdown } from './useCountdown';

export interface Failure {
  code: ErrorCode | null;
  /** Whole seconds until core accepts another attempt (it sent `retryAfterMs`); 0 when it may be tried now. */
  retrySeconds: number;
  /** Stable across renders, so effects may depend on it. */
  report: (error: unknown) => void;
  clear: () => void;
}

/** A form's last failure as a translatable code, with any wait core asked for counting down. */
export function useFailure(): Failure {
  const [code, setCode] = useState<ErrorCode | null>(null);
  const { seconds, start } = useCountdown();
  const report = useCallback(
    (error: unknown) => {
      setCode(errorCodeOf(error));
      // Only a delay core actually sent counts down; LOCKED_OUT has none, so nothing waits on it forever.
      start(error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0);
    },
    [start],
  );
  const clear = useCallback(() => {
    setCode(null);
    start(0);
  }, [start]);
  return { code, retrySeconds: seconds, report, clear };
}
