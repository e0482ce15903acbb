/**
 * Sign-in throttling, kept outside the database because it must work before any key is known.
 * Failed attempts wait here until the next successful sign-in writes them to the audit trail,
 * so a failed attempt leaves the database itself untouched. The file carries a MAC: a file that
 * is missing while the vault exists, or whose MAC fails, counts as tampering and throttles
 * every account at the longest delay until someone signs in.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { hkdf, hmacHex, safeEqualHex } from '../crypto/crypto';
import { writeFileAtomic } from '../db/files';

/** Free attempts before delays start, then 1 s, 2 s, 4 s … up to the cap. */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 5 * 60_000;
/** Failures after which the account is locked out until an administrator (or the recovery key) lifts it. */
export const LOCKOUT_AFTER = 10;

const ThrottleSchema = z.object({
  format: z.literal(1),
  accounts: z.record(z.string(), z.object({ failures: z.number().int().min(0), lastFailureAt: z.number(), lockedOut: z.boolean().optional() })),
  /** Failed attempts not yet in the audit trail. `userId` is null for an unknown user name (never store what was typed). */
  pending: z.array(z.object({ at: z.number(), userId: z.string().nullable(), lockedOut: z.boolean().optional() })),
  /** Set when the file was found missing or altered: every account waits MAX_DELAY_MS from then. */
  tamperedAt: z.number().optional(),
  mac: z.string(),
});
type ThrottleFile = Omit<z.infer<typeof ThrottleSchema>, 'mac'>;

export function delayFor(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export class Throttle {
  private readonly macKey: Buffer;

  constructor(
    private readonly path: string,
    vaultId: string,
  ) {
    this.macKey = hkdf(Buffer.from(vaultId, 'utf8'), 'mamori-throttle', 'throttle file mac v1');
  }

  private mac(data: ThrottleFile): string {
    return hmacHex(this.macKey, JSON.stringify([data.accounts, data.pending, data.tamperedAt ?? null]));
  }

  /** Reads the file; a missing or altered one is replaced by a fresh one marked tampered as of `now`. */
  read(now: number): ThrottleFile {
    try {
      const parsed = ThrottleSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
      const { mac, ...data } = parsed;
      if (!safeEqualHex(this.mac(data), mac)) throw new Error('mac');
      return data;
    } catch {
      const fresh: ThrottleFile = { format: 1, accounts: {}, pending: [], tamperedAt: now };
      this.write(fresh);
      return fresh;
    }
  }

  write(data: ThrottleFile): void {
    writeFileAtomic(this.path, JSON.stringify({ ...data, mac: this.mac(data) }) + '\n');
  }

  /** Whether the account is locked out, and how many milliseconds it must still wait (0 = may try now). */
  check(lookup: string, now: number): { lockedOut: boolean; waitMs: number } {
    const data = this.read(now);
    const acc = data.accounts[lookup];
    const accountWait = acc ? acc.lastFailureAt + delayFor(acc.failures) - now : 0;
    const tamperWait = data.tamperedAt !== undefined ? data.tamperedAt + MAX_DELAY_MS - now : 0;
    return { lockedOut: acc?.lockedOut === true, waitMs: Math.max(0, accountWait, tamperWait) };
  }

  /** Counts a failure; the LOCKOUT_AFTER-th locks the account out. Returns the next wait. */
  recordFailure(lookup: string, userId: string | null, now: number): { waitMs: number; lockedOut: boolean } {
    const data = this.read(now);
    const acc = data.accounts[lookup] ?? { failures: 0, lastFailureAt: 0 };
    acc.failures += 1;
    acc.lastFailureAt = now;
    acc.lockedOut = acc.failures >= LOCKOUT_AFTER;
    data.accounts[lookup] = acc;
    data.pending.push({ at: now, userId, ...(acc.lockedOut ? { lockedOut: true } : {}) });
    this.write(data);
    return { waitMs: delayFor(acc.failures), lockedOut: acc.lockedOut };
  }

  isLockedOut(lookup: string, now: number): boolean {
    return this.read(now).accounts[lookup]?.lockedOut === true;
  }

  /** An administrator (or the recovery key) lifts a lock-out: the account starts afresh. */
  clearAccount(lookup: string, now: number): void {
    const data = this.read(now);
    delete data.accounts[lookup];
    this.write(data);
  }

  /** After a successful sign-in: what was pending (to audit) and whether the file had been tampered with. */
  pendingForAudit(now: number): { pending: { at: number; userId: string | null; lockedOut?: boolean }[]; tamperedAt: number | null } {
    const data = this.read(now);
    return { pending: data.pending, tamperedAt: data.tamperedAt ?? null };
  }

  /** Clears the account's counter and the pending list, once they are in the audit trail. */
  recordSuccess(lookup: string, now: number): void {
    const data = this.read(now);
    delete data.accounts[lookup];
    this.write({ format: 1, accounts: data.accounts, pending: [] });
  }

  reset(): void {
    this.write({ format: 1, accounts: {}, pending: [] });
  }
}
