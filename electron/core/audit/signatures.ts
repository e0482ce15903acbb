/**
 * Signed audit entries (issue 14.3). The MAC chain proves the trail was written by someone who
 * holds the vault's audit key, which every user's passphrase reaches offline; the signatures prove
 * who wrote each entry. Each entry written in a session is signed with its actor's Ed25519 key
 * over the entry and the MAC before it, so an entry can be neither forged in another user's name
 * nor removed from between other users' entries without a signature failing.
 *
 * Whose key is whose is itself in the trail: a `user.signing-key-registered` entry names the
 * account and its public key, and is accepted when signed by
 * - the account's own earlier key (a key change), or an administrator's key (a new account, a
 *   passphrase reset), the signer being the entry's actor; or
 * - the new key itself, only while the account has no key yet (trust on first use: the vault's
 *   creator, and accounts from before signatures existed, at their first sign-in). Only the
 *   first administrator so registered gets an administrator's authority; and
 * - `vault.recovered` registers the recovering administrator's new key, signed by that key (the
 *   recovery key replaces a forgotten passphrase, and with it the key the passphrase protected).
 * An unsigned entry is accepted only from no actor (the system), for failed sign-ins (written on
 * another account's behalf), or from an account with no registered key yet.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { signingKeyId, type Signer } from '../crypto/signing';
import type { AuditRow } from './audit.repository';

export type SignatureProblem = 'signature-invalid' | 'signer-not-actor' | 'unsigned' | 'key-not-authorised';

/** Actions written without a signature by design. */
const UNSIGNED_ACTIONS: ReadonlySet<string> = new Set(['session.sign-in-failed']);

export const REGISTRATION = 'user.signing-key-registered';

/** The bytes an entry's signature covers: the MAC'd form of the entry and the MAC before it. */
export const signedBytes = (canonicalEntry: string, previousMac: string) => Buffer.from(`${canonicalEntry}\n${previousMac}`, 'utf8');

export function signEntry(signer: Signer, canonicalEntry: string, previousMac: string): { signer_key: string; signature: string } {
  return { signer_key: signer.keyId, signature: sign(null, signedBytes(canonicalEntry, previousMac), signer.privateKey).toString('base64') };
}

const publicKeyOf = (raw: string): KeyObject | null => {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw, 'base64').toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
};

interface KnownKey {
  userId: string;
  admin: boolean;
  /**
   * The role the trail vouches for: the one an administrator registered the key with (carried
   * over to the account's own later keys), 'administrator' for the first administrator; null for
   * a key that only vouched for itself (trust on first use), whatever role it claimed.
   */
  role: string | null;
  key: KeyObject;
}

/** Follows the trail in order, learning keys from their registrations and checking every entry's signature. */
export class SignatureVerifier {
  private readonly keys = new Map<string, KnownKey>();
  private readonly usersWithKeys = new Set<string>();
  private adminRegistered = false;
  /** Entries that carried a valid signature. */
  signed = 0;

  /** The role the trail vouches for behind a known key (see KnownKey.role), or null. */
  vouchedRole(keyId: string | null): string | null {
    return keyId === null ? null : (this.keys.get(keyId)?.role ?? null);
  }

  /** The problem with `row`'s signature, or null. `canonicalEntry` is what the MAC covers. */
  check(row: AuditRow, canonicalEntry: string, previousMac: string): SignatureProblem | null {
    if (row.action === REGISTRATION || row.action === 'vault.recovered') {
      const details = safeDetails(row.details);
      const registered = row.action === REGISTRATION ? targetUser(row.target) : row.actor_id;
      if (registered !== null && typeof details.key === 'string') return this.registration(row, canonicalEntry, previousMac, registered, details);
    }
    if (row.signature === null || row.signer_key === null) {
      if (row.actor_id === null || UNSIGNED_ACTIONS.has(row.action) || !this.usersWithKeys.has(row.actor_id)) return null;
      return 'unsigned';
    }
    const known = this.keys.get(row.signer_key);
    if (!known) return 'key-not-authorised';
    if (known.userId !== row.actor_id) return 'signer-not-actor';
    if (!verifies(known.key, canonicalEntry, previousMac, row.signature)) return 'signature-invalid';
    this.signed++;
    return null;
  }

  private registration(row: AuditRow, canonicalEntry: string, previousMac: string, userId: string, details: Record<string, unknown>): SignatureProblem | null {
    const newKey = publicKeyOf(details.key as string);
    if (!newKey || row.signature === null || row.signer_key === null) return 'unsigned';
    const newId = signingKeyId(details.key as string);
    const asAdministrator = details.role === 'administrator';
    let admin: boolean;
    let role: string | null;
    if (row.signer_key === newId) {
      // Self-signed: a first key, or a recovery (which carries over the account's authority).
      if (!verifies(newKey, canonicalEntry, previousMac, row.signature)) return 'signature-invalid';
      if (row.actor_id !== userId) return 'signer-not-actor';
      const previous = [...this.keys.values()].filter((k) => k.userId === userId);
      if (row.action === 'vault.recovered') admin = previous.some((k) => k.admin) || (asAdministrator && !this.adminRegistered);
      else if (previous.length > 0) return 'key-not-authorised';
      else admin = asAdministrator && !this.adminRegistered;
      role = admin ? 'administrator' : (previous.findLast((k) => k.role !== null)?.role ?? null);
    } else {
      const signer = this.keys.get(row.signer_key);
      if (!signer) return 'key-not-authorised';
      if (signer.userId !== row.actor_id) return 'signer-not-actor';
      if (!verifies(signer.key, canonicalEntry, previousMac, row.signature)) return 'signature-invalid';
      if (signer.userId !== userId && !signer.admin) return 'key-not-authorised';
      admin = signer.userId === userId ? signer.admin : asAdministrator;
      role = signer.userId === userId ? signer.role : typeof details.role === 'string' ? details.role : null;
    }
    this.keys.set(newId, { userId, admin, role, key: newKey });
    this.usersWithKeys.add(userId);
    if (admin) this.adminRegistered = true;
    this.signed++;
    return null;
  }
}

function verifies(key: KeyObject, canonicalEntry: string, previousMac: string, signature: string): boolean {
  try {
    return verify(null, signedBytes(canonicalEntry, previousMac), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function safeDetails(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const targetUser = (target: string | null) => (target?.startsWith('user:') ? target.slice(5) : null);
