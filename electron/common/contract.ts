/**
 * The IPC contract: one map from channel to its input and output schemas.
 * The preload bridge, main's registration, the renderer's API type and the E2E binding
 * are all derived from it. A new capability starts by adding its channel here.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit';
import type { Channel, EventName } from './channels';
import { casesContract } from './contract.cases';
import { decisionsContract } from './contract.decisions';
import { protectionContract } from './contract.protection';
import { LOCALES, type MamoriError } from './errors';
import { PASSPHRASE_MAX_LENGTH, isAcceptablePassphrase } from './passphrase';

export const ROLES = ['officer', 'supervisor', 'auditor', 'administrator'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LocaleSchema = z.enum(LOCALES as ['en', 'ja']);

export const LOCK_REASONS = ['user', 'panic', 'idle', 'suspend', 'screen-lock', 'renderer-gone', 'sign-out'] as const;
export const LockReasonSchema = z.enum(LOCK_REASONS);
export type LockReason = z.infer<typeof LockReasonSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .min(2, { message: 'username.tooShort' })
  .max(64, { message: 'username.tooLong' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'username.characters' });

/** A passphrase as typed; length is checked after NFKC normalisation. */
export const NewPassphraseSchema = z
  .string()
  .max(PASSPHRASE_MAX_LENGTH * 4)
  .refine(isAcceptablePassphrase, { message: 'passphrase.tooShort' });

/** For sign-in we accept anything non-empty: policy is enforced when a passphrase is set. */
export const PassphraseSchema = z.string().min(1, { message: 'passphrase.required' }).max(PASSPHRASE_MAX_LENGTH * 4);

export const DisplayNameSchema = z.string().trim().min(1, { message: 'displayName.required' }).max(120);

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 30;
export const AutoLockMinutesSchema = z.number().int().min(AUTO_LOCK_MIN).max(AUTO_LOCK_MAX);

/** Where a user was when they last signed out (remembered per user, inside the vault). */
export const ViewSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const UserSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  locale: LocaleSchema.nullable(),
  lastView: ViewSchema.nullable(),
  mustChangePassphrase: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const SettingsSchema = z.object({
  autoLockMinutes: AutoLockMinutesSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SessionInfoSchema = z.object({
  user: UserSummarySchema,
  settings: SettingsSchema,
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const VaultStatusSchema = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
});

const Empty = z.object({}).strict();

export const UserIdSchema = z.string().uuid();

/** An account as administrators see it. */
export const UserAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  status: z.enum(['active', 'disabled']),
  mustChangePassphrase: z.boolean(),
  lockedOut: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserAccount = z.infer<typeof UserAccountSchema>;

/** A passphrase generated for handing over once; the user must replace it at first sign-in. */
export const TemporaryPassphraseSchema = z.object({ user: UserAccountSchema, temporaryPassphrase: z.string() });

export const AuditFilterSchema = z
  .object({
    actorId: z.string().max(64).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    caseRef: z.string().trim().max(32).optional(),
    /** Inclusive ISO date-times. */
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  caseRef: z.string().nullable(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ChainVerificationSchema = z.discriminatedUnion('intact', [
  z.object({ intact: z.literal(true), entries: z.number().int(), headSeq: z.number().int(), headMacPrefix: z.string() }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int(),
    intactUpTo: z.number().int(),
    firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['mac-mismatch', 'sequence-gap']) }),
  }),
]);
export type ChainVerificationResult = z.infer<typeof ChainVerificationSchema>;

export const contract = {
  /** Whether a vault exists in the data directory and whether this window is signed in. */
  'vault:status': { input: Empty, output: VaultStatusSchema },
  /**
   * First run: creates the vault and its first administrator. Returns the recovery key,
   * which is shown once and never stored in clear anywhere.
   */
  'vault:create': {
    input: z
      .object({
        username: UsernameSchema,
        displayName: DisplayNameSchema,
        passphrase: NewPassphraseSchema,
        locale: LocaleSchema,
      })
      .strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  /**
   * From the sign-in screen: the recovery key sets a new passphrase for an administrator
   * account (and lifts its sign-in lock). Audited.
   */
  'vault:recover': {
    input: z.object({ username: z.string().trim().min(1).max(64), recoveryKey: z.string().min(1).max(200), newPassphrase: NewPassphraseSchema }).strict(),
    output: z.null(),
  },
  /** The signed-in user of this window, or null. */
  'session:current': { input: Empty, output: SessionInfoSchema.nullable() },
  /** Username + passphrase → session. One error for unknown user and wrong passphrase. */
  'session:signIn': {
    input: z.object({ username: z.string().trim().min(1).max(64), passphrase: PassphraseSchema }).strict(),
    output: SessionInfoSchema,
  },
  /** Locks now (button, Ctrl/Cmd+L, idle timer); the reason is audited. */
  'session:lock': { input: z.object({ reason: LockReasonSchema }).strict(), output: z.null() },
  'session:signOut': { input: Empty, output: z.null() },
  /** The renderer reports user activity so core's idle deadline moves. */
  'session:touch': { input: Empty, output: z.null() },
  /** Replaces the signed-in user's own passphrase (rewraps their keyslot only). */
  'session:changePassphrase': {
    input: z.object({ currentPassphrase: PassphraseSchema, newPassphrase: NewPassphraseSchema }).strict(),
    output: SessionInfoSchema,
  },
  'settings:get': { input: Empty, output: SettingsSchema },
  /** Administrators only. */
  'settings:update': { input: z.object({ autoLockMinutes: AutoLockMinutesSchema }).strict(), output: SettingsSchema },
  /** The signed-in user's own interface language, remembered in the vault. */
  'users:setLocale': { input: z.object({ locale: LocaleSchema }).strict(), output: z.null() },
  /** The signed-in user's current view, restored at their next sign-in. */
  'users:setLastView': { input: z.object({ view: ViewSchema }).strict(), output: z.null() },
  /** Administrators: every account, active and disabled. */
  'users:list': { input: Empty, output: z.object({ users: z.array(UserAccountSchema) }) },
  /** Administrators: a new account with its own keyslot and a temporary passphrase. */
  'users:create': {
    input: z.object({ username: UsernameSchema, displayName: DisplayNameSchema, role: RoleSchema }).strict(),
    output: TemporaryPassphraseSchema,
  },
  /** Administrators: removes the account's keyslot; its history stays. */
  'users:disable': { input: z.object({ userId: UserIdSchema, version: z.number().int() }).strict(), output: UserAccountSchema },
  /** Administrators: a forgotten passphrase is replaced by a temporary one (new keyslot). */
  'users:resetPassphrase': { input: z.object({ userId: UserIdSchema, version: z.number().int() }).strict(), output: TemporaryPassphraseSchema },
  /** Administrators: lifts the lock-out after too many failed sign-ins. */
  'users:unlockSignIn': { input: z.object({ userId: UserIdSchema }).strict(), output: UserAccountSchema },
  /** Auditors and administrators: everyone who can appear in the trail, for the "who" filter (no case content). */
  'audit:actors': {
    input: Empty,
    output: z.object({ actors: z.array(z.object({ id: z.string(), displayName: z.string(), role: RoleSchema, status: z.enum(['active', 'disabled']) })) }),
  },
  /** Auditors and administrators: one page of the trail, newest first; `before` is the cursor. */
  'audit:list': {
    input: z
      .object({ filter: AuditFilterSchema, before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }),
  },
  /** Auditors and administrators: recomputes the whole chain. */
  'audit:verify': { input: Empty, output: ChainVerificationSchema },
  /** Auditors and administrators: the filtered trail as CSV (metadata only, never case content). */
  'audit:export': {
    input: z.object({ filter: AuditFilterSchema }).strict(),
    /** `truncated`: the filter matched more than the export limit; only the newest entries are in `csv`. */
    output: z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean(), fileName: z.string() }),
  },
  ...casesContract,
  ...protectionContract,
  ...decisionsContract,
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
}
export type EventPayload<E extends EventName> = EventPayloads[E];

/** What `window.mamori` offers the renderer: nothing but contract channels and events. */
export interface MamoriApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
