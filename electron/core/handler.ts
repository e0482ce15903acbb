/**
 * How a feature serves its channels: one handler per channel, typed from the contract slice and
 * the access policy. By the time a handler runs, the dispatcher (core.ts) has parsed its input
 * with the contract and checked the policy: a handler of a signed-in channel receives the session,
 * never null, and asserts nothing.
 */
import type { z } from 'zod';
import type { LockReason } from '../common/accounts';
import type { Channel } from '../common/channels';
import type { ChannelOutput, Contract } from '../common/contract';
import type { Tx } from './db/connection';
import type { BackupDialogs } from './backup/backup.service';
import type { BackupProgress } from '../common/contract.backup';
import type { ExportPlatform } from './exports/exports.service';
import type { StatisticsDialogs } from './statistics/statistics.service';
import type { SignedInChannel } from './policy';
import type { Ctx, Session } from './session/session.service';

export type Input<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = ChannelOutput<C>;

/** What any handler may use of the core that runs it (one core per window). */
export interface CoreEnv {
  readonly dataDir: string;
  /** The injected clock, in ms. */
  now(): number;
  /** This window's session, if someone is signed in. */
  readonly session: Session | null;
  /** Makes `session` this window's session (sign-in) and starts its idle timer. */
  begin(session: Session): void;
  /** Locks now: audits the reason, closes the vault, wipes the keys, tells the renderer. */
  lock(reason: LockReason): Promise<void>;
  /** Renders and delivers printed summaries (absent where there is no display, e.g. the CLI). */
  readonly exportPlatform: ExportPlatform | undefined;
  /** The OS dialogs that choose backup files (absent where there is no display). */
  readonly backupDialogs: BackupDialogs | undefined;
  /** The OS save dialog for statistics exports (absent where there is no display). */
  readonly statisticsDialogs: StatisticsDialogs | undefined;
  /** Clears the clipboard 30 s after a copy (absent where there is no clipboard, e.g. the harness). */
  readonly clipboard: { copied(): void } | undefined;
  /** Tells the renderer how far a long vault operation has come ('vault:progress'). */
  progress(p: BackupProgress): void;
  /** Why the vault last failed to open as damaged, in this window (codes and sizes only). */
  readonly lastDamage: { at: string; detail: string } | null;
}

/** A request of a signed-in channel: who asks, when, and the transaction its work and audit entries share. */
export interface SignedIn {
  readonly session: Session;
  readonly env: CoreEnv;
  /** ISO time of this request. */
  readonly at: string;
  /** Runs `fn` in one transaction with the audit entries it appends as this user; any failure rolls back both. */
  work<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** A read outside any transaction, for long reads that must not hold the database (chain verification). */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type Handler<C extends Channel> = C extends SignedInChannel
  ? (input: Input<C>, request: SignedIn) => Promise<Output<C>>
  : (input: Input<C>, env: CoreEnv) => Promise<Output<C>>;

/** One feature's handlers: exactly the channels named `<prefix>:…` (merged in handlers.ts). */
export type HandlerSlice<P extends string> = { [C in Extract<Channel, `${P}:${string}`>]: Handler<C> };
