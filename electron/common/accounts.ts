/**
 * Accounts, roles and the session as they cross the boundary (DESIGN.md §2–§3): who may sign in,
 * with which passphrase rules, and what the renderer learns about the signed-in user.
 */
import { z } from 'zod';
import { LOCALES } from './errors';
import { PASSPHRASE_MAX_LENGTH, isAcceptablePassphrase } from './passphrase';
import { tooLong } from './schemas';
import { StatisticsThresholdSchema } from './statistics';

export const ROLES = ['officer', 'supervisor', 'auditor', 'administrator'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LocaleSchema = z.enum(LOCALES as ['en', 'ja']);

export const LOCK_REASONS = ['user', 'panic', 'idle', 'suspend', 'screen-lock', 'renderer-gone', 'sign-out', 'restore', 'damaged'] as const;
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

export const DisplayNameSchema = z.string().trim().min(1, { message: 'displayName.required' }).max(120, tooLong(120));

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
  /** k of the statistics' small-cell suppression (electron/common/statistics.ts). */
  statisticsThreshold: StatisticsThresholdSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SessionInfoSchema = z.object({
  user: UserSummarySchema,
  settings: SettingsSchema,
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

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
