/**
 * The application core of one window: its session, its handlers and its dispatcher.
 * Trusts nothing it is given: every input is parsed with the contract's schema and every
 * channel passes the access policy before a service runs.
 */
import { isChannel, type Channel, type EventName } from '../common/channels';
import { contract, type ChannelOutput, type EventPayload, type LockReason, type Result } from '../common/contract';
import { errorMessage, type Locale } from '../common/errors';
import { appendAudit, type AuditEntryInput } from './audit/audit.service';
import type { Tx } from './db/connection';
import type { CoreEventListener, CoreOptions, MamoriCoreApi } from './core.types';
import { CoreError } from './errors';
import { can } from './policy';
import { endSession, sessionInfo, sessionLocale, signIn, type Session } from './session/session.service';
import { readSettings, writeSettings } from './settings/settings.service';
import { setUserLocale } from './users/users.repository';
import { createVault, vaultExists } from './vault/vault.service';
import type { z } from 'zod';

type Input<C extends Channel> = z.output<(typeof contract)[C]['input']>;
type ActorlessEntry = Omit<AuditEntryInput, 'at' | 'actorId' | 'actorRole'>;
type Handler<C extends Channel> = (input: Input<C>, session: Session | null) => Promise<ChannelOutput<C>>;

export class MamoriCore implements MamoriCoreApi {
  private session: Session | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<CoreEventListener>();
  private readonly dataDir: string;
  private readonly locale: Locale;
  private readonly now: () => number;
  private readonly handlers: { [C in Channel]: Handler<C> };

  constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    this.locale = opts.locale ?? 'en';
    this.now = opts.now ?? Date.now;
    this.handlers = {
      'vault:status': async () => ({ exists: vaultExists(this.dataDir), unlocked: this.session !== null }),
      'vault:create': async (input) => {
        const { recoveryKey } = await createVault({ dataDir: this.dataDir, ...input, now: new Date(this.now()) });
        return { recoveryKey };
      },
      'session:current': async (_i, s) => (s ? sessionInfo(s) : null),
      'session:signIn': async (input) => {
        if (this.session) await this.lock('user');
        if (!vaultExists(this.dataDir)) throw new CoreError('VAULT_NOT_FOUND');
        this.session = await signIn(this.dataDir, input.username, input.passphrase, this.now());
        this.armIdleTimer();
        return sessionInfo(this.session);
      },
      'session:lock': async (input) => {
        await this.lock(input.reason);
        return null;
      },
      'session:signOut': async () => {
        await this.lock('sign-out');
        return null;
      },
      'session:touch': async () => null,
      'settings:get': async (_i, s) => s!.settings,
      'settings:update': async (input, s) => {
        const session = s!;
        const before = session.settings;
        await this.write(session, async (tx, audit) => {
          await writeSettings(tx, input);
          await audit({ action: 'settings.updated', details: { autoLockMinutesBefore: before.autoLockMinutes, autoLockMinutes: input.autoLockMinutes } });
        });
        session.settings = await session.vault.db.read(readSettings);
        this.armIdleTimer();
        return session.settings;
      },
      'users:setLocale': async (input, s) => {
        const session = s!;
        await this.write(session, async (tx, audit) => {
          await setUserLocale(tx, session.user.id, input.locale, new Date(this.now()).toISOString());
          await audit({ action: 'user.locale-changed', target: `user:${session.user.id}`, details: { locale: input.locale } });
        });
        session.user = { ...session.user, locale: input.locale };
        return null;
      },
    };
  }

  /** Runs a change and its audit entry in one transaction. */
  private write(session: Session, fn: (tx: Tx, audit: (e: ActorlessEntry) => Promise<unknown>) => Promise<void>): Promise<void> {
    const at = new Date(this.now()).toISOString();
    return session.vault.db.transaction((tx) =>
      fn(tx, (e) => appendAudit(tx, session.vault.auditKey, { ...e, at, actorId: session.user.id, actorRole: session.user.role })),
    );
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
      const decision = can(this.session ? { role: this.session.user.role } : null, channel);
      if (decision !== 'allow') throw new CoreError(decision);
      if (this.session) {
        this.session.lastActivity = this.now();
        this.armIdleTimer();
      }
      const handler = this.handlers[channel] as Handler<Channel>;
      const value = await handler(parsed.data as never, this.session);
      // Parsing the output strips anything a service returned beyond the contract.
      return { ok: true, value: contract[channel].output.parse(value) };
    } catch (e) {
      const loc = sessionLocale(this.session, locale);
      if (e instanceof CoreError) {
        return { ok: false, error: { code: e.code, message: errorMessage(e.code, loc), ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) } };
      }
      // Never let an unexpected error's text (SQL, paths, values) reach the caller.
      return fail('INTERNAL', loc);
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
    if (!session) return;
    this.session = null;
    try {
      await endSession(session, reason, this.now());
    } finally {
      this.emit('session:locked', { reason });
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

