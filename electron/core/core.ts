/**
 * The application core of one window: its session, its handlers and its dispatcher.
 * Trusts nothing it is given: every input is parsed with the contract's schema and every
 * channel passes the access policy before a service runs.
 */
import type { z } from 'zod';
import { isChannel, type Channel, type EventName } from '../common/channels';
import { contract, type ChannelOutput, type EventPayload, type Result } from '../common/contract';
import type { AuditEntry } from '../common/contract.audit';
import type { LockReason } from '../common/accounts';
import { errorMessage, type Locale } from '../common/errors';
import { toCsv } from './audit/audit.export';
import { listPage, type AuditListRow } from './audit/audit.repository';
import { appendAudit, verifyChain, type AuditEntryInput } from './audit/audit.service';
import type { CoreEventListener, CoreOptions, MamoriCoreApi } from './core.types';
import type { Tx } from './db/connection';
import { CoreError } from './errors';
import * as cases from './cases/cases.service';
import * as decisions from './decisions/decisions.service';
import * as protection from './protection/caseProtection.service';
import * as registry from './protection/protection.service';
import { listInterpreters } from './protection/protection.repository';
import { can } from './policy';
import { endSession, sessionInfo, sessionLocale, signIn, type Session } from './session/session.service';
import { readSettings, writeSettings } from './settings/settings.service';
import { getUser, listUsers, updateUser } from './users/users.repository';
import { changeOwnPassphrase, createAccount, disableAccount, listAccounts, resetPassphrase, unlockSignIn } from './users/users.service';
import { recoverAdministrator } from './vault/recovery.service';
import { createVault, vaultExists } from './vault/vault.service';

type Input<C extends Channel> = z.output<(typeof contract)[C]['input']>;
type Handler<C extends Channel> = (input: Input<C>, session: Session | null) => Promise<ChannelOutput<C>>;
type ActorlessEntry = Omit<AuditEntryInput, 'at' | 'actorId' | 'actorRole'>;
type Audit = (e: ActorlessEntry) => Promise<unknown>;

/** Rows the CSV export reads at most; beyond that the auditor narrows the filter. */
const EXPORT_LIMIT = 100_000;

function toAuditEntry(r: AuditListRow): AuditEntry & { mac: string } {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    caseRef: r.case_ref,
    target: r.target,
    details: JSON.parse(r.details),
    mac: r.mac,
  };
}

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
    // Handlers of signed-in channels receive a session: the policy has already required one.
    this.handlers = {
      'vault:status': async () => ({ exists: vaultExists(this.dataDir), unlocked: this.session !== null }),
      'vault:create': async (input) => {
        const { recoveryKey } = await createVault({ dataDir: this.dataDir, ...input, now: new Date(this.now()) });
        return { recoveryKey };
      },
      'vault:recover': async (input) => {
        if (this.session) throw new CoreError('VAULT_IN_USE');
        if (!vaultExists(this.dataDir)) throw new CoreError('VAULT_NOT_FOUND');
        await recoverAdministrator(this.dataDir, input.username, input.recoveryKey, input.newPassphrase, this.now());
        return null;
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
      'session:changePassphrase': async (input, s) => {
        const session = s!;
        try {
          session.user = await this.write(session, (tx, audit) => changeOwnPassphrase(session, tx, audit, input.currentPassphrase, input.newPassphrase, this.now()));
        } catch (e) {
          // Locked out by guessing from an open session: the session ends too.
          if (e instanceof CoreError && e.code === 'LOCKED_OUT') await this.lock('user');
          throw e;
        }
        return sessionInfo(session);
      },
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
        session.user = await this.write(session, async (tx, audit) => {
          await updateUser(tx, session.user.id, null, { locale: input.locale }, this.isoNow());
          await audit({ action: 'user.locale-changed', target: `user:${session.user.id}`, details: { locale: input.locale } });
          return (await getUser(tx, session.user.id))!;
        });
        return null;
      },
      'users:setLastView': async (input, s) => {
        const session = s!;
        // Where the user was is a preference, not a change to anyone's record: not audited.
        await session.vault.db.transaction((tx) => updateUser(tx, session.user.id, null, { last_view: input.view }, this.isoNow()));
        session.user = { ...session.user, last_view: input.view };
        return null;
      },
      'users:list': async (_i, s) => ({ users: await s!.vault.db.read((tx) => listAccounts(s!, tx, this.now())) }),
      'users:create': async (input, s) => this.write(s!, (tx, audit) => createAccount(s!, tx, audit, input, this.now())),
      'users:disable': async (input, s) => this.write(s!, (tx, audit) => disableAccount(s!, tx, audit, input.userId, input.version, this.now())),
      'users:resetPassphrase': async (input, s) => this.write(s!, (tx, audit) => resetPassphrase(s!, tx, audit, input.userId, input.version, this.now())),
      'users:unlockSignIn': async (input, s) => this.write(s!, (tx, audit) => unlockSignIn(s!, tx, audit, input.userId, this.now())),
      'cases:create': (input, s) => this.caseWork(s!, (ctx) => cases.createCase(ctx, input)),
      'cases:list': (input, s) =>
        this.caseWork(s!, async (ctx) => {
          const page = await cases.listForUser(ctx, input);
          // A new search or filter is recorded (without its text); scrolling the same list is not.
          if (input.offset === 0) await ctx.audit({ action: 'cases.listed', details: { searched: !!input.filter.query, results: page.total } });
          return page;
        }),
      'cases:get': (input, s) => this.caseWork(s!, (ctx) => cases.openCase(ctx, input.caseId)),
      'cases:update': (input, s) => this.caseWork(s!, (ctx) => cases.updateSections(ctx, input)),
      'cases:assign': (input, s) => this.caseWork(s!, (ctx) => cases.assign(ctx, input)),
      'cases:transition': (input, s) => this.caseWork(s!, (ctx) => cases.transition(ctx, input)),
      'cases:revealSealed': (input, s) => this.caseWork(s!, (ctx) => cases.revealSealed(ctx, input)),
      'cases:setSealed': (input, s) => this.caseWork(s!, (ctx) => cases.setSealed(ctx, input)),
      'cases:addNote': (input, s) => this.caseWork(s!, (ctx) => cases.addNote(ctx, input)),
      'cases:revealNote': (input, s) => this.caseWork(s!, (ctx) => cases.revealNote(ctx, input)),
      'cases:saveAdverseParty': (input, s) => this.caseWork(s!, (ctx) => cases.saveAdverseParty(ctx, input)),
      'cases:removeAdverseParty': (input, s) => this.caseWork(s!, (ctx) => cases.removeAdverseParty(ctx, input)),
      'cases:checkConflict': (input, s) => this.caseWork(s!, (ctx) => cases.checkConflict(ctx, input)),
      'cases:acknowledgeConflict': (input, s) => this.caseWork(s!, (ctx) => cases.acknowledgeConflict(ctx, input)),
      'cases:accessLog': (input, s) => this.caseWork(s!, (ctx) => cases.accessLog(ctx, input)),
      'cases:staff': (_i, s) => s!.vault.db.read(cases.staff),
      'interpreters:list': async (input, s) => ({
        interpreters: (await s!.vault.db.read((tx) => listInterpreters(tx, input.includeInactive))).map(registry.toInterpreter),
      }),
      'interpreters:checkConflict': (input, s) => this.caseWork(s!, (ctx) => registry.checkInterpreterConflict(ctx, input)),
      'interpreters:save': (input, s) => this.caseWork(s!, (ctx) => registry.saveInterpreter(ctx, input)),
      'interpreters:revealContact': (input, s) => this.caseWork(s!, (ctx) => registry.revealInterpreterContact(ctx, input)),
      'interviews:plan': (input, s) => this.caseWork(s!, (ctx) => protection.planInterview(ctx, input)),
      'interviews:override': (input, s) => this.caseWork(s!, (ctx) => protection.overrideInterview(ctx, input)),
      'interviews:start': (input, s) => this.caseWork(s!, (ctx) => protection.startInterview(ctx, input)),
      'interviews:record': (input, s) => this.caseWork(s!, (ctx) => protection.recordInterview(ctx, input)),
      'interviews:revealRecord': (input, s) => this.caseWork(s!, (ctx) => protection.revealInterviewRecord(ctx, input)),
      'protection:recordConsideration': (input, s) => this.caseWork(s!, (ctx) => protection.recordConsideration(ctx, input)),
      'protection:recordWish': (input, s) => this.caseWork(s!, (ctx) => protection.recordWish(ctx, input)),
      'protection:recordIomConsent': (input, s) => this.caseWork(s!, (ctx) => protection.recordIomConsent(ctx, input)),
      'work:mine': (_i, s) => this.caseWork(s!, (ctx) => protection.myWork(ctx, (mine, params) => decisions.decisionNotices(ctx.tx, ctx.session, ctx.at, mine, params))),
      'decisions:saveDraft': (input, s) => this.caseWork(s!, (ctx) => decisions.saveDraft(ctx, input)),
      'decisions:submit': (input, s) => this.caseWork(s!, (ctx) => decisions.submit(ctx, input)),
      'decisions:approve': (input, s) => this.caseWork(s!, (ctx) => decisions.approve(ctx, input)),
      'decisions:return': (input, s) => this.caseWork(s!, (ctx) => decisions.returnDecision(ctx, input)),
      'decisions:queue': (_i, s) => this.caseWork(s!, (ctx) => decisions.reviewQueue(ctx)),
      'audit:actors': async (_i, s) => ({
        actors: (await s!.vault.db.read(listUsers)).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role, status: u.status })),
      }),
      'audit:list': async (input, s) => {
        const rows = await s!.vault.db.read((tx) => listPage(tx, { ...input.filter, before: input.before, limit: input.limit }));
        return { entries: rows.map(toAuditEntry), nextBefore: rows.length === input.limit ? rows[rows.length - 1].seq : null };
      },
      'audit:verify': async (_i, s) => {
        const session = s!;
        const v = await verifyChain(session.vault.db, session.vault.auditKey);
        await this.write(session, (_tx, audit) =>
          audit({ action: 'audit.verified', details: v.intact ? { intact: true, entries: v.entries } : { intact: false, firstBroken: v.firstBroken.seq } }),
        );
        return v.intact
          ? { intact: true as const, entries: v.entries, headSeq: v.head.seq, headMacPrefix: v.head.mac.slice(0, 16) }
          : { intact: false as const, entries: v.entries, intactUpTo: v.intactUpTo, firstBroken: v.firstBroken };
      },
      'audit:export': async (input, s) => {
        const session = s!;
        const read = await session.vault.db.read((tx) => listPage(tx, { ...input.filter, limit: EXPORT_LIMIT + 1 }));
        const rows = read.slice(0, EXPORT_LIMIT);
        const truncated = read.length > EXPORT_LIMIT;
        await this.write(session, (_tx, audit) => audit({ action: 'audit.exported', details: { rows: rows.length, truncated, filter: JSON.stringify(input.filter) } }));
        const stamp = this.isoNow().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
        return { csv: toCsv(rows.map(toAuditEntry)), rows: rows.length, truncated, fileName: `mamori-audit-${stamp}.csv` };
      },
    };
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  /** Runs case work in one transaction with its audit entries (reads of cases are audited too). */
  private caseWork<T>(session: Session, fn: (ctx: cases.Ctx) => Promise<T>): Promise<T> {
    return this.write(session, (tx, audit) => fn({ session, tx, audit, at: this.isoNow() }));
  }

  /** Runs a change and its audit entry in one transaction. */
  private write<T>(session: Session, fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
    const at = this.isoNow();
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
      const s = this.session;
      const decision = can(s ? { role: s.user.role, mustChangePassphrase: s.user.must_change_passphrase === 1 } : null, channel);
      if (decision !== 'allow') throw new CoreError(decision);
      if (s) {
        s.lastActivity = this.now();
        this.armIdleTimer();
      }
      const handler = this.handlers[channel] as Handler<Channel>;
      const value = await handler(parsed.data as never, s);
      // Parsing the output strips anything a service returned beyond the contract.
      return { ok: true, value: contract[channel].output.parse(value) };
    } catch (e) {
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
