/**
 * keyslots.json: the random data key wrapped once per user and once for the recovery key.
 * The file holds no plaintext key and no user name (slots are found by a salted hash of it).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalisePassphrase, normaliseUsername } from '../../common/passphrase';
import { CoreError } from '../errors';
import { SCRYPT_PARAMS, hkdf, scryptKey, unwrapKey, wipe, wrapKey, type ScryptParams } from '../crypto/crypto';
import { writeFileAtomic } from '../db/files';

const WrappedSchema = z.object({ iv: z.string(), ct: z.string(), tag: z.string() });

const SlotSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: z.string(),
    userId: z.string(),
    lookup: z.string(),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
    wrapped: WrappedSchema,
  }),
  z.object({
    kind: z.literal('recovery'),
    id: z.string(),
    kdf: z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }),
    wrapped: WrappedSchema,
  }),
]);
export type Slot = z.infer<typeof SlotSchema>;

const KeyslotsFileSchema = z.object({
  format: z.literal(1),
  vaultId: z.string(),
  createdAt: z.string(),
  slots: z.array(SlotSchema),
});
export type KeyslotsFile = z.infer<typeof KeyslotsFileSchema>;

export function readKeyslots(path: string): KeyslotsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CoreError('VAULT_NOT_FOUND');
    throw e;
  }
  try {
    return KeyslotsFileSchema.parse(JSON.parse(text));
  } catch {
    throw new CoreError('VAULT_DAMAGED', 'keyslots.json is not readable');
  }
}

export function writeKeyslots(path: string, file: KeyslotsFile): void {
  writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
}

export function newKeyslotsFile(): KeyslotsFile {
  return { format: 1, vaultId: randomUUID(), createdAt: new Date().toISOString(), slots: [] };
}

/** The salted hash under which a user's slot is filed; the user name itself is not stored here. */
export function usernameLookup(vaultId: string, username: string): string {
  return createHash('sha256').update(`mamori-user\0${vaultId}\0${normaliseUsername(username)}`).digest('hex');
}

const aad = (vaultId: string, slotId: string, kind: string, userId: string) => `mamori-slot-v1\0${vaultId}\0${slotId}\0${kind}\0${userId}`;

export async function makeUserSlot(
  file: KeyslotsFile,
  userId: string,
  username: string,
  passphrase: string,
  dataKey: Buffer,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<Slot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = await scryptKey(normalisePassphrase(passphrase), salt, params);
  try {
    return {
      kind: 'user',
      id,
      userId,
      lookup: usernameLookup(file.vaultId, username),
      kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
      wrapped: wrapKey(dataKey, kek, aad(file.vaultId, id, 'user', userId)),
    };
  } finally {
    wipe(kek);
  }
}

export function makeRecoverySlot(file: KeyslotsFile, recoveryKey: Buffer, dataKey: Buffer): Slot {
  const id = randomUUID();
  const salt = randomBytes(16);
  // The recovery key carries 256 random bits, so a fast KDF is enough; scrypt would add nothing.
  const kek = hkdf(recoveryKey, salt.toString('base64'), 'mamori recovery slot v1');
  try {
    return { kind: 'recovery', id, kdf: { name: 'hkdf-sha256', salt: salt.toString('base64') }, wrapped: wrapKey(dataKey, kek, aad(file.vaultId, id, 'recovery', '')) };
  } finally {
    wipe(kek);
  }
}

export function findUserSlot(file: KeyslotsFile, username: string): Extract<Slot, { kind: 'user' }> | undefined {
  const lookup = usernameLookup(file.vaultId, username);
  return file.slots.find((s): s is Extract<Slot, { kind: 'user' }> => s.kind === 'user' && s.lookup === lookup);
}

/** Unwraps the data key from a user slot; null for a wrong passphrase. */
export async function openUserSlot(file: KeyslotsFile, slot: Extract<Slot, { kind: 'user' }>, passphrase: string): Promise<Buffer | null> {
  const kek = await scryptKey(normalisePassphrase(passphrase), Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    return unwrapKey(slot.wrapped, kek, aad(file.vaultId, slot.id, 'user', slot.userId));
  } finally {
    wipe(kek);
  }
}

export function openRecoverySlot(file: KeyslotsFile, recoveryKey: Buffer): Buffer | null {
  const slot = file.slots.find((s) => s.kind === 'recovery');
  if (!slot || slot.kind !== 'recovery') return null;
  const kek = hkdf(recoveryKey, slot.kdf.salt, 'mamori recovery slot v1');
  try {
    return unwrapKey(slot.wrapped, kek, aad(file.vaultId, slot.id, 'recovery', ''));
  } finally {
    wipe(kek);
  }
}

/** A dummy scrypt run so an unknown user name costs the same time as a wrong passphrase. */
export async function equaliseTiming(params: ScryptParams = SCRYPT_PARAMS): Promise<void> {
  wipe(await scryptKey('mamori-timing', Buffer.alloc(16), params));
}

/** Replaces (or adds) a user's slot wrapping `dataKey`, and writes the file atomically. */
export async function replaceUserSlot(path: string, file: KeyslotsFile, userId: string, username: string, passphrase: string, dataKey: Buffer): Promise<void> {
  const slot = await makeUserSlot(file, userId, username, passphrase, dataKey);
  file.slots = [...file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)), slot];
  writeKeyslots(path, file);
}
