/**
 * Wire pieces every contract slice and domain schema shares, defined once: identifiers, the
 * version a change is based on, text and date shapes, and the stated-reason rule.
 */
import { z } from 'zod';
import type { Channel } from './channels';

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);
/** Optional text that defaults to the empty string. */
export const optionalText = (max: number) => text(max).optional().default('');
/**
 * A calendar date, YYYY-MM-DD, that the calendar has: 2026-02-31 and 2026-02-29 are refused (zod's
 * date format checks month lengths and leap years). How far back or ahead a date may lie depends on
 * what it records and on today: `dateIssues` in dates.ts, applied by core with its clock.
 */
export const isoDate = z.iso.date({ message: 'date.invalid' });

/** Every record's identifier (cases, users, interviews, decisions…). */
export const Id = z.string().uuid();
/** The version of a record a change was based on: a stale one is refused. */
export const Version = z.number().int().positive();
/** A change to a case names the case and the version it was based on. */
export const CaseRef = z.object({ caseId: Id, version: Version });
/**
 * A list a caller sends: at most `max` items, duplicates dropped (the first kept), so a repeated id
 * can neither count twice nor make core do the same work many times.
 */
export function distinct<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .transform((items) => [...new Map(items.map((i) => [JSON.stringify(i), i])).values()]);
}

/** Channels that take no input. */
export const Empty = z.object({}).strict();

/** The fewest characters of a stated reason (REASON_MAX: the most). */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

/** Whether a free-text reason says enough to be recorded (trimmed length). */
export function isStatedReason(reason: string | undefined): boolean {
  return (reason?.trim().length ?? 0) >= REASON_MIN;
}

/**
 * Why a user reveals sealed information, overrides a safeguard or goes ahead despite a conflict.
 * Recorded in the audit trail: never reveal a sealed value or accept an override without one.
 */
export const Reason = z.string().trim().min(REASON_MIN, { message: 'case.reason.tooShort' }).max(REASON_MAX);

/** One feature's part of the contract: exactly the channels named `<prefix>:…`, each with its schemas. */
export type ContractSlice<P extends string> = {
  [C in Extract<Channel, `${P}:${string}`>]: { input: z.ZodType; output: z.ZodType };
};
