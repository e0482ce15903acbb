/**
 * The application core of one window: its session and its dispatcher. Trusts nothing it is given:
 * every input is parsed with the contract's schema and every channel passes the access policy
 * before its handler runs; every output is parsed again, which strips anything not in the contract.
 * Handlers live with their features (handlers.ts merges them); this file only dispatches, keeps the
 * idle lock, and emits events.
 */
import type { LockReason } from '../common/accounts';
import { isChannel, type Channel, type EventName } from '../common/channels';
import { contract, type EventPayload, type Result } from '../common/contract';
import { errorMessage, type Locale } from '../common/errors';
import { appendAudit } from './audit/audit.service';
import type { CoreEventListener, CoreOptions, MamoriCoreApi } from './core.types';
import { CoreError } from './errors';
import type { CoreEnv, SignedIn } from './handler';
import { handlers } from './handlers';
import { can, POLICY } from './policy';
import { endSession, sessionLocale, type Session } from './session/session.service';

type AnyHandler = (input: unknown, context: CoreEnv | SignedIn) => Promise<unknown>;

export class MamoriCore implements MamoriCoreApi {
  private session: Session | null = null;
  /** The lock under way, if any: closing the vault file may still be in progress after the session is gone. */
  private ending: Promise<void> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<CoreEventListener>();
  private readonly env: CoreEnv;
  private readonly locale: Locale;
  private readonly now: () => number;
  private lastDamage: { at: string; detail: string } | null = null;

  constructor(opts: CoreOptions) {
    this.locale = opts.locale ?? 'en';
    this.now = opts.now ?? Date.now;
    const current = () => this.session;
    const damage = () => this.lastDamage;
    this.env = {
      dataDir: opts.dataDir,
      now: this.now,
      get session() {
        return current();
      },
      begin: (session) => {
        this.session = session;
        this.armIdleTimer();
      },
      lock: (reason) => this.lock(reason),
      exportPlatform: opts.exportPlatform,
      backupDialogs: opts.backupDialogs,
      statisticsDialogs: opts.statisticsDialogs,
      clipboard: opts.clipboard,
      progress: (p) => this.emit('vault:progress', p),
      get lastDamage() {
        return damage();
      },
    };
  }

  /** The context of one signed-in request: its time, and one transaction with its audit entries as this user. */
  private signedIn(session: Session): SignedIn {
    const at = new Date(this.now()).toISOString();
    return {
      session,
      env: this.env,
      at,
      work: (fn) =>
        session.vault.db.transaction((tx) =>
          fn({ session, tx, at, audit: (e) => appendAudit(tx, session.vault.auditKey, { ...e, at, actorId: session.user.id, actorRole: session.user.role }, session.signer) }),
        ),
      read: (fn) => session.vault.db.read(fn),
    };
  }

  async dispatch(channel: unknown, input: unknown): Promise<Result<unknown>> {
    const locale = sessionLocale(this.session, this.locale);
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', locale);
    try {
      if (this.session && this.idleExpired()) {
        await this.lock('idle');
        if (channel !== 'session:current' && channel !== 'vault:status') throw new CoreError('SESSION_EXPIRED');
      }
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return { ok: false, error: { code: 'INVALID_INPUT', message: errorMessage('INVALID_INPUT', locale), issues } };
      }
      const value = await this.run(channel, parsed.data);
      // Parsing the output strips anything a handler returned beyond the contract.
      return { ok: true, value: contract[channel].output.parse(value) };
    } catch (e) {
      if (e instanceof CoreError && e.code === 'VAULT_DAMAGED') {
        // Remembered for the damaged-vault screen (codes only), and a session on a damaged file ends.
        this.lastDamage = { at: new Date(this.now()).toISOString(), detail: e.message };
        if (this.session) await this.lock('damaged').catch(() => undefined);
      }
      const loc = sessionLocale(this.session, locale);
      if (e instanceof CoreError) {
        return {
          ok: false,
          error: {
            code: e.code,
            message: errorMessage(e.code, loc),
            ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
            ...(e.issues ? { issues: e.issues } : {}),
          },
        };
      }
      // Never let an unexpected error's text (SQL, paths, values) reach the caller.
      return fail('INTERNAL', loc);
    }
  }

  /** Checks the policy, then runs the channel's handler: with the session for signed-in channels, with the environment otherwise. */
  private async run(channel: Channel, input: unknown): Promise<unknown> {
    const session = this.session;
    const decision = can(session ? { role: session.user.role, mustChangePassphrase: session.user.must_change_passphrase === 1 } : null, channel);
    if (decision !== 'allow') throw new CoreError(decision);
    const handler = handlers[channel] as AnyHandler;
    if (!POLICY[channel].signedIn) return handler(input, this.env);
    // The policy has required a session; this check only tells the type checker so.
    if (!session) throw new CoreError('NOT_SIGNED_IN');
    session.lastActivity = this.now();
    this.armIdleTimer();
    try {
      return await handler(input, this.signedIn(session));
    } finally {
      // A handler may have changed the idle limit (settings) or ended the session (lock).
      this.armIdleTimer();
    }
  }

  private idleExpired(): boolean {
    return !!this.session && this.now() - this.session.lastActivity >= this.session.settings.autoLockMinutes * 60_000;
  }

  private armIdleTimer(): void {
    clearTimeout(this.idleTimer);
    if (!this.session) return;
    const due = this.session.lastActivity + this.session.settings.autoLockMinutes * 60_000 - this.now();
    this.idleTimer = setTimeout(() => {
      if (this.idleExpired()) void this.lock('idle');
      else this.armIdleTimer();
    }, Math.max(0, due) + 50);
    this.idleTimer.unref?.();
  }

  async lock(reason: LockReason): Promise<void> {
    clearTimeout(this.idleTimer);
    const session = this.session;
    // Already locked: wait for a lock still closing the file, so a caller (quit) never races it.
    if (!session) return this.ending ?? undefined;
    this.session = null;
    const ending = (async () => {
      try {
        await endSession(session, reason, this.now());
      } finally {
        this.emit('session:locked', { reason });
      }
    })();
    this.ending = ending;
    try {
      await ending;
    } finally {
      if (this.ending === ending) this.ending = null;
    }
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  async close(): Promise<void> {
    await this.lock('sign-out');
    this.listeners.clear();
  }
}

function fail(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', locale: Locale): Result<never> {
  return { ok: false, error: { code, message: errorMessage(code, locale) } };
}
