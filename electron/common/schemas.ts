/**
 * Wire pieces every contract slice and domain schema shares, defined once: identifiers, the
 * version a change is based on, text and date shapes, and the stated-reason rule.
 */
import { z } from 'zod';
import type { Channel } from './channels';

/**
 * A message key with the numbers its text needs, as one string: 'text.tooLong?max=120&length=135'.
 * Issues cross the boundary as `{ path, message }`, so the values travel inside the message; the
 * renderer splits them off again (splitMessage) to fill in its translation.
 */
export function messageWith(key: string, values: Readonly<Record<string, number>>): string {
  const query = Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return query ? `${key}?${query}` : key;
}

/** The key and the values of a message made by messageWith; a plain key has none. */
export function splitMessage(message: string): { key: string; values: Record<string, number> } {
  const at = message.indexOf('?');
  if (at < 0) return { key: message, values: {} };
  const values: Record<string, number> = {};
  for (const pair of message.slice(at + 1).split('&')) {
    const [name, value] = pair.split('=');
    if (name && value !== undefined && /^\d+$/.test(value)) values[name] = Number(value);
  }
  return { key: message.slice(0, at), values };
}

/**
 * The refusal of a text over `max` characters names the limit and the text's length (trimmed, counted
 * as the limit counts), so the user knows how much to cut: 'text.tooLong?max=120&length=135'.
 */
export const tooLong = (max: number) => ({
  error: (issue: { input?: unknown }) => messageWith('text.tooLong', { max, length: typeof issue.input === 'string' ? issue.input.length : 0 }),
});

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max, tooLong(max));
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
export const Reason = z.string().trim().min(REASON_MIN, { message: 'case.reason.tooShort' }).max(REASON_MAX, tooLong(REASON_MAX));

/** One feature's part of the contract: exactly the channels named `<prefix>:…`, each with its schemas. */
export type ContractSlice<P extends string> = {
  [C in Extract<Channel, `${P}:${string}`>]: { input: z.ZodType; output: z.ZodType };
};
