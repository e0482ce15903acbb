/**
 * The renderer's only door to core. It trusts nothing but `window.mamori`, which the preload
 * builds from the contract; every other module calls `call` and `onEvent` from here.
 */
import type { Channel, EventName } from '../../electron/common/channels';
import type { ChannelInput, ChannelOutput, EventPayload, MamoriApi } from '../../electron/common/contract';
import { ERROR_CODES, type ErrorCode, type MamoriError } from '../../electron/common/errors';

/** A field-level problem core found in the input: `path` is dotted ('username'), `message` a validation key. */
export type ApiIssue = NonNullable<MamoriError['issues']>[number];

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly issues: ApiIssue[] | undefined;

  constructor(error: MamoriError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = (ERROR_CODES as readonly string[]).includes(error.code) ? error.code : 'INTERNAL';
    this.retryAfterMs = typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
    this.issues = parseIssues(error.issues);
  }
}

// Checked field by field: whatever crosses the bridge is data to validate, not a promise about types.
function parseIssues(value: unknown): ApiIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (issue): issue is ApiIssue =>
      typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
}

// Read through a cast rather than augmenting `Window`, so this module does not clash with
// whatever global declaration the preload side makes.
function bridge(): MamoriApi {
  const api = (window as unknown as { mamori?: MamoriApi }).mamori;
  if (!api) throw new ApiError({ code: 'INTERNAL', message: 'window.mamori is not available' });
  return api;
}

/** Invokes a contract channel; resolves with its value or rejects with an `ApiError`. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await bridge().invoke(channel, input);
  } catch (error) {
    // A broken transport must look like any other failure to the screens, never like a stack trace.
    if (error instanceof ApiError) throw error;
    throw new ApiError({ code: 'INTERNAL', message: 'The request could not be delivered' });
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** Subscribes to a main→renderer event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, listener);
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'INTERNAL';
}
