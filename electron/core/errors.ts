import type { ErrorCode } from '../common/errors';

/**
 * A failure core knows how to explain. Anything else that escapes a service is mapped to
 * INTERNAL by the dispatcher, so a stack trace or SQL text never leaves core.
 */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;
  /** Field-level problems for INVALID_INPUT: path → message key. */
  readonly issues?: { path: string; message: string }[];

  constructor(code: ErrorCode, detail?: string, extra?: { retryAfterMs?: number; issues?: { path: string; message: string }[] }) {
    super(detail ?? code);
    this.name = 'CoreError';
    this.code = code;
    this.retryAfterMs = extra?.retryAfterMs;
    this.issues = extra?.issues;
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
