/** Test-only stand-in for the preload's `window.mamori`: scripted answers, recorded calls, emitted events. */
import type { Channel, EventName } from '../../electron/common/channels';
import type { ChannelInput, ChannelOutput, EventPayload, MamoriApi, Result } from '../../electron/common/contract';
import type { ErrorCode, MamoriError } from '../../electron/common/errors';

type Handler<C extends Channel> = (input: ChannelInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;
export type Handlers = { [C in Channel]?: Handler<C> };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, extra: Partial<MamoriError> = {}): Result<never> {
  return { ok: false, error: { code, message: `fake ${code}`, ...extra } };
}

const defaults: Handlers = {
  'vault:status': () => ok({ exists: true, unlocked: false }),
  'session:current': () => ok(null),
  'session:lock': () => ok(null),
  'session:signOut': () => ok(null),
  'session:touch': () => ok(null),
  'session:copied': () => ok(null),
  'users:setLocale': () => ok(null),
  'users:setLastView': () => ok(null),
  'sealing:status': () => ok({ status: 'granted', keyId: '0123456789abcdef', pending: [] }),
  // The case page's "Organisations involved" and the registry, empty unless a test says otherwise.
  'organisations:forCase': () => ok({ links: [] }),
  'organisations:search': () => ok({ rows: [], total: 0 }),
  // The routine check at an auditor's or administrator's sign-in: intact since a checkpoint, unless a test says otherwise.
  'audit:verify': () => intactRoutineCheck(),
};

/** What the routine check at sign-in answers when entries #101 to #120, after checkpoint #100, are intact. */
export function intactRoutineCheck(): Result<ChannelOutput<'audit:verify'>> {
  return ok({
    intact: true,
    entries: 120,
    macsFrom: 100,
    signed: 20,
    signaturesFrom: 100,
    checkpoint: { seq: 101, at: '2026-11-28T09:00:00.000Z', checkpointSeq: 100, actorName: 'Auditor Doi' },
    headSeq: 120,
    headMacPrefix: '0123456789abcdef',
    anchors: [],
  });
}

export interface FakeMamori {
  calls: { channel: Channel; input: unknown }[];
  callsTo(channel: Channel): unknown[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function installFakeMamori(handlers: Handlers = {}): FakeMamori {
  const all: Handlers = { ...defaults, ...handlers };
  const calls: FakeMamori['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  const api: MamoriApi = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = all[channel] as Handler<typeof channel> | undefined;
      return handler ? handler(input) : fail('UNKNOWN_CHANNEL');
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  (window as unknown as { mamori?: MamoriApi }).mamori = api;

  return {
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload as never)),
  };
}

export function removeFakeMamori(): void {
  delete (window as unknown as { mamori?: MamoriApi }).mamori;
}
