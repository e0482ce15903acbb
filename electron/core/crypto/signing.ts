/** Ed25519 signing keys of accounts (audit entries are signed with them; see audit/signatures.ts). */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

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

export const signingKeyId = (publicKey: string) => createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);

export function signerFrom(userId: string, privateKey: KeyObject): Signer {
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  return { userId, keyId: signingKeyId(publicKey), publicKey, privateKey };
}
