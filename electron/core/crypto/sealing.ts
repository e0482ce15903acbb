/**
 * Public-key sealing (X25519) and value encryption (AES-256-GCM) for keys and sealed values inside
 * the vault. A secret sealed to a public key opens only with its private key: an ephemeral X25519
 * key pair, HKDF-SHA256 over the shared secret salted with both public keys, AES-256-GCM with the
 * caller's AAD, which binds the result to where it is stored.
 *
 * Every Buffer and KeyObject here that holds a key is key material: never log it, never send it.
 */
import { createCipheriv, createDecipheriv, createHash, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { hkdf, unwrapKey, wipe, wrapKey, type Wrapped } from './crypto';

export interface SealedSecret extends Wrapped {
  /** The ephemeral public key, raw, base64. */
  ephemeral: string;
}

/** The raw public half of an X25519 (or Ed25519) key, base64. */
export const rawPublicKey = (key: KeyObject): string => Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url').toString('base64');
const x25519PublicKey = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });

/** Short id of a public key: the first 16 hex of the SHA-256 of its raw bytes. */
export const publicKeyId = (publicKey: string) => createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);

export const newX25519Key = (): KeyObject => generateKeyPairSync('x25519').privateKey;

/** Seals `secret` to the raw X25519 public key `recipient` (base64). `info` names the use, `aad` the place. */
export function sealTo(recipient: string, secret: Buffer, info: string, aad: string): SealedSecret {
  const to = Buffer.from(recipient, 'base64');
  const eph = generateKeyPairSync('x25519');
  const ephemeral = Buffer.from(rawPublicKey(eph.privateKey), 'base64');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: x25519PublicKey(to) });
  const kek = hkdf(shared, Buffer.concat([ephemeral, to]).toString('hex'), info);
  try {
    return { ephemeral: ephemeral.toString('base64'), ...wrapKey(secret, kek, aad) };
  } finally {
    wipe(shared, kek);
  }
}

/** Opens what `sealTo` sealed to `privateKey` (whose raw public half is `recipient`); null if it does not open. */
export function openSealed(sealed: SealedSecret, privateKey: KeyObject, recipient: string, info: string, aad: string): Buffer | null {
  const ephemeral = Buffer.from(sealed.ephemeral, 'base64');
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: x25519PublicKey(ephemeral) });
  } catch {
    return null;
  }
  const kek = hkdf(shared, Buffer.concat([ephemeral, Buffer.from(recipient, 'base64')]).toString('hex'), info);
  try {
    return unwrapKey(sealed, kek, aad);
  } finally {
    wipe(shared, kek);
  }
}

/** Compact text form of a sealed secret, for one database column. */
export const sealedToText = (s: SealedSecret) => [s.ephemeral, s.iv, s.ct, s.tag].join('.');
export function sealedFromText(text: string): SealedSecret | null {
  const [ephemeral, iv, ct, tag, extra] = text.split('.');
  return ephemeral && iv && ct && tag && extra === undefined ? { ephemeral, iv, ct, tag } : null;
}

/** The prefix of a value encrypted by `encryptValue`; anything else is an older plaintext value. */
export const ENCRYPTED_PREFIX = 'mse1:';

export const isEncryptedValue = (stored: string) => stored.startsWith(ENCRYPTED_PREFIX);

/** Encrypts a text value under a 32-byte key, bound to `aad`: `mse1:` + base64(iv | tag | ciphertext). */
export function encryptValue(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return ENCRYPTED_PREFIX + Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64');
}

/** The plaintext of `encryptValue`'s output, or null when the key or the place (AAD) is wrong. */
export function decryptValue(key: Buffer, stored: string, aad: string): string | null {
  if (!isEncryptedValue(stored)) return null;
  const raw = Buffer.from(stored.slice(ENCRYPTED_PREFIX.length), 'base64');
  if (raw.length < 28) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
