/**
 * The IPC contract: one map from channel to its input and output schemas, merged from one slice
 * per feature (`contract.<feature>.ts`, named after the channels' prefix). The preload bridge,
 * main's registration, the renderer's API type, core's handlers and the E2E binding are all
 * derived from it. A new capability starts by adding its channel to channels.ts and its slice.
 */
import type { z } from 'zod';
import type { LockReason } from './accounts';
import type { Channel, EventName } from './channels';
import { auditContract } from './contract.audit';
import { backupContract, type BackupProgress } from './contract.backup';
import { casesContract } from './contract.cases';
import { decisionsContract } from './contract.decisions';
import { exportsContract } from './contract.exports';
import { interpretersContract } from './contract.interpreters';
import { interviewsContract } from './contract.interviews';
import { protectionContract } from './contract.protection';
import { retentionContract } from './contract.retention';
import { sealingContract } from './contract.sealing';
import { organisationsContract } from './contract.organisations';
import { sessionContract } from './contract.session';
import { settingsContract } from './contract.settings';
import { statisticsContract } from './contract.statistics';
import { usersContract } from './contract.users';
import { vaultContract } from './contract.vault';
import { workContract } from './contract.work';
import type { MamoriError } from './errors';

export const contract = {
  ...vaultContract,
  ...sessionContract,
  ...settingsContract,
  ...usersContract,
  ...auditContract,
  ...casesContract,
  ...interpretersContract,
  ...interviewsContract,
  ...protectionContract,
  ...workContract,
  ...decisionsContract,
  ...exportsContract,
  ...backupContract,
  ...retentionContract,
  ...sealingContract,
  ...organisationsContract,
  ...statisticsContract,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

// Compile-time check that every contract key is a known channel (the `satisfies` above checks the reverse).
type _NoExtraChannels = keyof typeof contract extends Channel ? true : never;
export const _contractIsComplete: _NoExtraChannels = true;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: MamoriError };

export interface EventPayloads {
  'session:locked': { reason: LockReason };
  'vault:progress': BackupProgress;
}
export type EventPayload<E extends EventName> = EventPayloads[E];

/** What `window.mamori` offers the renderer: nothing but contract channels and events. */
export interface MamoriApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
