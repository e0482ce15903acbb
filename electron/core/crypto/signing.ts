/** Ed25519 signing keys of accounts (audit entries are signed with them; see audit/signatures.ts). */
import type { KeyObject } from 'node:crypto';
import { publicKeyId, rawPublicKey } from './sealing';

/**
 * An account's audit signing key. The private half exists only while its session is open (key
 * material: never log it, never send it anywhere).
 */
export interface Signer {
  userId: string;
  /** Short id of the public key: the first 16 hex of its SHA-256. */
  keyId: string;
  /** Raw public key, base64. */
  publicKey: string;
  privateKey: KeyObject;
}

/** Short id of a signing key: the same as any public key's (crypto/sealing.ts). */
export const signingKeyId = publicKeyId;

export function signerFrom(userId: string, privateKey: KeyObject): Signer {
  const publicKey = rawPublicKey(privateKey);
  return { userId, keyId: signingKeyId(publicKey), publicKey, privateKey };
}
