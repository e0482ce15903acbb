/**
 * Key wrapping for keyslots. Every Buffer here that holds a key is key material:
 * never log it, never send it to the renderer, overwrite it when done.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 20 } as const;
export type ScryptParams = { N: number; r: number; p: number };

/** The cost of keyslots made from now on in this process: SCRYPT_PARAMS, unless a test lowered it. */
let newSlotParams: ScryptParams = SCRYPT_PARAMS;
export const newSlotScryptParams = (): ScryptParams => newSlotParams;

/**
 * Test suites only: makes keyslots (and the timing equaliser) cheaper to derive from here on, so the
 * integration suite does not spend most of its time in scrypt. A slot keeps the parameters it was
 * made with, so vaults made this way open anywhere. Refused inside Electron: the app never derives
 * a key at less than SCRYPT_PARAMS, whatever its code or environment says.
 */
export function lowerScryptCostForTests(params: ScryptParams): void {
  if (process.versions.electron) throw new Error('the key derivation cost cannot be lowered in the app');
  if (params.N > SCRYPT_PARAMS.N) throw new RangeError('not a lower cost');
  newSlotParams = params;
}

export function scryptKey(passphrase: string, salt: Buffer, params: ScryptParams = newSlotParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, { ...params, maxmem: SCRYPT_PARAMS.maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export function hkdf(ikm: Buffer, salt: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.from(salt, 'utf8'), Buffer.from(info, 'utf8'), 32));
}

export interface Wrapped {
  iv: string;
  ct: string;
  tag: string;
}

export function wrapKey(key: Buffer, kek: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(key), c.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

/** Returns the unwrapped key, or null when the KEK or the AAD is wrong (GCM tag fails). */
export function unwrapKey(w: Wrapped, kek: Buffer, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(w.ct, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

export function hmacHex(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Overwrites key material in place. */
export function wipe(...bufs: (Buffer | null | undefined)[]): void {
  for (const b of bufs) b?.fill(0);
}

// Crockford base32: no I, L, O, U, so a handwritten copy is unambiguous.
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 256 random bits as 13 groups of 4 characters (52 chars, 260 bits, top 4 bits zero). */
export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let s = '';
  for (let i = 0; i < 52; i++) {
    s = B32[Number(bits & 31n)] + s;
    bits >>= 5n;
  }
  return s.match(/.{4}/g)!.join('-');
}

/** Parses a typed recovery key (any case, spaces or dashes, O→0, I/L→1); null if malformed. */
export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{52}$/.test(clean)) return null;
  let bits = 0n;
  for (const ch of clean) bits = (bits << 5n) | BigInt(B32.indexOf(ch));
  if (bits >> 256n !== 0n) return null;
  const out = Buffer.alloc(32);
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(bits & 255n);
    bits >>= 8n;
  }
  return out;
}
