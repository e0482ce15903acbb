/**
 * keyslots.json: how each passphrase (and the recovery key) reaches the data key. The file holds
 * no plaintext key and no user name (slots are found by a salted hash of it).
 *
 * Format 2. Each user slot carries an X25519 key pair: the private key, in a small versioned
 * payload, is wrapped under a key derived from the passphrase (scrypt); the data key of every
 * generation is sealed to the public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM). So an
 * administrator can rotate the data key and re-seal it for everyone without knowing anyone's
 * passphrase, and a passphrase change still rewraps one slot. The recovery slot wraps one
 * generation's data key under the recovery key. Format 1 (the data key wrapped directly under the
 * passphrase key) is still read; such a slot becomes format 2 at its user's next sign-in.
 *
 * Every Buffer here that holds a key is key material: never log it, never send it anywhere.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalisePassphrase, normaliseUsername } from '../../common/passphrase';
import { CoreError } from '../errors';
import { hkdf, newSlotScryptParams, scryptKey, unwrapKey, wipe, wrapKey, type ScryptParams } from '../crypto/crypto';
import { openSealed, rawPublicKey, sealTo } from '../crypto/sealing';
import { writeFileAtomic } from '../db/files';
import { signerFrom, type Signer } from '../crypto/signing';

export type { Signer };

const WrappedSchema = z.object({ iv: z.string(), ct: z.string(), tag: z.string() }).strict();
/** A data key sealed to a slot's public key for one generation. */
const SealedSchema = WrappedSchema.extend({ generation: z.number().int().min(1), ephemeral: z.string() }).strict();
const ScryptSchema = z.object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }).strict();

const UserSlotSchema = z
  .object({
    kind: z.literal('user'),
    id: z.string(),
    userId: z.string(),
    lookup: z.string(),
    kdf: ScryptSchema,
    /** Raw X25519 public key, base64. */
    publicKey: z.string(),
    /** Raw Ed25519 public key (base64) that signs this account's audit entries; absent in older slots. */
    signingKey: z.string().optional(),
    /** The slot's private payload (versioned JSON), wrapped under the passphrase key. */
    secrets: WrappedSchema,
    dataKeys: z.array(SealedSchema),
  })
  .strict();
/** Format 1: the data key of generation 1 wrapped directly under the passphrase key. */
const LegacyUserSlotSchema = z
  .object({ kind: z.literal('user'), id: z.string(), userId: z.string(), lookup: z.string(), kdf: ScryptSchema, wrapped: WrappedSchema })
  .strict();
const RecoverySlotSchema = z
  .object({
    kind: z.literal('recovery'),
    id: z.string(),
    /** Absent in format 1 (generation 1, and that format's AAD). */
    generation: z.number().int().min(1).optional(),
    kdf: z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }).strict(),
    wrapped: WrappedSchema,
  })
  .strict();

const SlotSchema = z.union([UserSlotSchema, LegacyUserSlotSchema, RecoverySlotSchema]);
export type UserSlot = z.infer<typeof UserSlotSchema>;
export type LegacyUserSlot = z.infer<typeof LegacyUserSlotSchema>;
export type RecoverySlot = z.infer<typeof RecoverySlotSchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type AnyUserSlot = UserSlot | LegacyUserSlot;

const KeyslotsFileSchema = z.union([
  z.object({ format: z.literal(1), vaultId: z.string(), createdAt: z.string(), slots: z.array(SlotSchema) }).strict(),
  z
    .object({
      format: z.literal(2),
      vaultId: z.string(),
      createdAt: z.string(),
      /** The generation of the data key the database is keyed with. */
      generation: z.number().int().min(1),
      /** A key rotation under way: the next generation is sealed beside the current one until the database is rekeyed. */
      rotation: z.object({ to: z.number().int().min(2), startedAt: z.string() }).strict().optional(),
      slots: z.array(SlotSchema),
    })
    .strict(),
]);

export interface KeyslotsFile {
  format: 2;
  vaultId: string;
  createdAt: string;
  generation: number;
  rotation?: { to: number; startedAt: string };
  slots: Slot[];
}

/** A data key and the generation it belongs to. */
export interface GenerationKey {
  generation: number;
  /** Key material. */
  key: Buffer;
}

export function readKeyslots(path: string): KeyslotsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CoreError('VAULT_NOT_FOUND');
    throw e;
  }
  return parseKeyslots(text);
}

/** Parses keyslots.json text (format 1 is read as format 2, generation 1). */
export function parseKeyslots(text: string): KeyslotsFile {
  let parsed: z.infer<typeof KeyslotsFileSchema>;
  try {
    parsed = KeyslotsFileSchema.parse(JSON.parse(text));
  } catch {
    throw new CoreError('VAULT_DAMAGED', 'keyslots.json is not readable');
  }
  if (parsed.format === 1) return { format: 2, vaultId: parsed.vaultId, createdAt: parsed.createdAt, generation: 1, slots: parsed.slots };
  return parsed;
}

export function writeKeyslots(path: string, file: KeyslotsFile): void {
  writeFileAtomic(path, serialiseKeyslots(file));
}

export function serialiseKeyslots(file: KeyslotsFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

export function newKeyslotsFile(): KeyslotsFile {
  return { format: 2, vaultId: randomUUID(), createdAt: new Date().toISOString(), generation: 1, slots: [] };
}

/** What an administrator types to confirm replacing a vault: the first 8 characters of its ID. */
export function vaultCode(vaultId: string): string {
  return vaultId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** The salted hash under which a user's slot is filed; the user name itself is not stored here. */
export function usernameLookup(vaultId: string, username: string): string {
  return createHash('sha256').update(`mamori-user\0${vaultId}\0${normaliseUsername(username)}`).digest('hex');
}

export const isUserSlot = (s: Slot): s is AnyUserSlot => s.kind === 'user';
export const isLegacy = (s: AnyUserSlot): s is LegacyUserSlot => 'wrapped' in s;
export const recoveryGeneration = (s: RecoverySlot) => s.generation ?? 1;

const legacyAad = (vaultId: string, slotId: string, kind: string, userId: string) => `mamori-slot-v1\0${vaultId}\0${slotId}\0${kind}\0${userId}`;
const secretsAad = (vaultId: string, slotId: string, userId: string) => `mamori-slot-v2\0${vaultId}\0${slotId}\0user\0${userId}\0secrets`;
const sealedAad = (vaultId: string, slotId: string, generation: number) => `mamori-slot-v2\0${vaultId}\0${slotId}\0data-key\0${generation}`;
const recoveryAad = (vaultId: string, slotId: string, generation: number) => `mamori-slot-v2\0${vaultId}\0${slotId}\0recovery\0${generation}`;

/**
 * The private payload of a user slot: v1 the slot's X25519 key, v2 also the Ed25519 signing key,
 * v3 also the account's sealing key (X25519; case keys are sealed to it, see sealing/), which only
 * an account that set its own passphrase has.
 */
const SecretsSchema = z.union([
  z.object({ v: z.literal(1), x25519: z.string() }).strict(),
  z.object({ v: z.literal(2), x25519: z.string(), ed25519: z.string() }).strict(),
  z.object({ v: z.literal(3), x25519: z.string(), ed25519: z.string(), sealing: z.string().optional() }).strict(),
]);

/** The account keys a slot carries besides its own: kept across the owner's passphrase change. */
export interface AccountKeys {
  /** Ed25519; a new one when absent. */
  signing?: KeyObject;
  /** X25519; none when absent (an account whose passphrase an administrator set has none). */
  sealing?: KeyObject | null;
}

const der = (key: KeyObject) => key.export({ format: 'der', type: 'pkcs8' });
const fromDer = (b64: string) => {
  const raw = Buffer.from(b64, 'base64');
  try {
    return createPrivateKey({ key: raw, format: 'der', type: 'pkcs8' });
  } finally {
    wipe(raw);
  }
};


const DATA_KEY_INFO = 'mamori sealed data key v2';

/** Seals `dataKey` to a slot's public key (crypto/sealing.ts `sealTo`). */
function seal(vaultId: string, slot: Pick<UserSlot, 'id' | 'publicKey'>, generation: number, dataKey: Buffer): z.infer<typeof SealedSchema> {
  return { generation, ...sealTo(slot.publicKey, dataKey, DATA_KEY_INFO, sealedAad(vaultId, slot.id, generation)) };
}

function unseal(vaultId: string, slot: UserSlot, privateKey: KeyObject, sealed: z.infer<typeof SealedSchema>): Buffer | null {
  return openSealed(sealed, privateKey, slot.publicKey, DATA_KEY_INFO, sealedAad(vaultId, slot.id, sealed.generation));
}

/**
 * A new slot for a user: a fresh X25519 key pair, its private half wrapped under the passphrase,
 * and the given generations' data keys sealed to it; and the account's signing key, `signing`
 * when given (the owner keeps theirs across a passphrase change), else a new one.
 */
export async function makeUserSlot(
  file: KeyslotsFile,
  userId: string,
  username: string,
  passphrase: string,
  keys: readonly GenerationKey[],
  params: ScryptParams = newSlotScryptParams(),
  keep: AccountKeys = {},
): Promise<{ slot: UserSlot; signer: Signer }> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const pair = generateKeyPairSync('x25519');
  const signer = signerFrom(userId, keep.signing ?? generateKeyPairSync('ed25519').privateKey);
  const pkcs8 = der(pair.privateKey);
  const signingPkcs8 = der(signer.privateKey);
  const sealingPkcs8 = keep.sealing ? der(keep.sealing) : null;
  const payload = Buffer.from(
    JSON.stringify({ v: 3, x25519: pkcs8.toString('base64'), ed25519: signingPkcs8.toString('base64'), ...(sealingPkcs8 ? { sealing: sealingPkcs8.toString('base64') } : {}) }),
    'utf8',
  );
  const kek = await scryptKey(normalisePassphrase(passphrase), salt, params);
  try {
    const slot = {
      kind: 'user' as const,
      id,
      userId,
      lookup: usernameLookup(file.vaultId, username),
      kdf: { name: 'scrypt' as const, N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
      publicKey: rawPublicKey(pair.privateKey),
      signingKey: signer.publicKey,
      secrets: wrapKey(payload, kek, secretsAad(file.vaultId, id, userId)),
      dataKeys: [] as z.infer<typeof SealedSchema>[],
    };
    slot.dataKeys = keys.map((k) => seal(file.vaultId, slot, k.generation, k.key));
    return { slot, signer };
  } finally {
    wipe(kek, pkcs8, signingPkcs8, sealingPkcs8, payload);
  }
}

/** Seals one more generation's data key into a format-2 user slot (key rotation). */
export function sealGeneration(file: KeyslotsFile, slot: UserSlot, key: GenerationKey): UserSlot {
  return { ...slot, dataKeys: [...slot.dataKeys.filter((d) => d.generation !== key.generation), seal(file.vaultId, slot, key.generation, key.key)] };
}

export function makeRecoverySlot(file: KeyslotsFile, recoveryKey: Buffer, key: GenerationKey): RecoverySlot {
  const id = randomUUID();
  const salt = randomBytes(16);
  // The recovery key carries 256 random bits, so a fast KDF is enough; scrypt would add nothing.
  const kek = hkdf(recoveryKey, salt.toString('base64'), 'mamori recovery slot v1');
  try {
    return {
      kind: 'recovery',
      id,
      generation: key.generation,
      kdf: { name: 'hkdf-sha256', salt: salt.toString('base64') },
      wrapped: wrapKey(key.key, kek, recoveryAad(file.vaultId, id, key.generation)),
    };
  } finally {
    wipe(kek);
  }
}

export function findUserSlot(file: KeyslotsFile, username: string): AnyUserSlot | undefined {
  const lookup = usernameLookup(file.vaultId, username);
  return file.slots.filter(isUserSlot).find((s) => s.lookup === lookup);
}

/**
 * The data keys a passphrase reaches through its slot (the current generation's first, then the
 * next one while a rotation is under way), and the account's signing key where the slot has one.
 * Null for a wrong passphrase.
 */
export async function openUserSlot(
  file: KeyslotsFile,
  slot: AnyUserSlot,
  passphrase: string,
): Promise<{ keys: GenerationKey[]; signer: Signer | null; sealing: KeyObject | null } | null> {
  const kek = await scryptKey(normalisePassphrase(passphrase), Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    if (isLegacy(slot)) {
      const key = unwrapKey(slot.wrapped, kek, legacyAad(file.vaultId, slot.id, 'user', slot.userId));
      return key ? { keys: [{ generation: 1, key }], signer: null, sealing: null } : null;
    }
    const payload = unwrapKey(slot.secrets, kek, secretsAad(file.vaultId, slot.id, slot.userId));
    if (!payload) return null;
    let privateKey: KeyObject;
    let signer: Signer | null = null;
    let sealing: KeyObject | null = null;
    try {
      const secrets = SecretsSchema.parse(JSON.parse(payload.toString('utf8')));
      privateKey = fromDer(secrets.x25519);
      if (secrets.v >= 2) signer = signerFrom(slot.userId, fromDer((secrets as { ed25519: string }).ed25519));
      if (secrets.v === 3 && secrets.sealing) sealing = fromDer(secrets.sealing);
      // The public signing key sits beside the wrapped secrets, outside their tag: one that is not the
      // wrapped private key's is an edited file (the tamper suite's "signingKey edited" case).
      if (signer && slot.signingKey !== undefined && slot.signingKey !== signer.publicKey) throw new CoreError('VAULT_DAMAGED', 'keyslot signing key does not match its private key');
    } finally {
      wipe(payload);
    }
    const keys: GenerationKey[] = [];
    for (const generation of wantedGenerations(file)) {
      const sealed = slot.dataKeys.find((d) => d.generation === generation);
      const key = sealed ? unseal(file.vaultId, slot, privateKey, sealed) : null;
      if (key) keys.push({ generation, key });
    }
    // A passphrase that opens the slot but reaches no usable data key is, for the user, a slot that does not open.
    return keys.length > 0 ? { keys, signer, sealing } : null;
  } finally {
    wipe(kek);
  }
}

const wantedGenerations = (file: KeyslotsFile) => (file.rotation ? [file.generation, file.rotation.to] : [file.generation]);

/** The data keys the recovery key reaches (one recovery slot per generation while a rotation is under way). */
export function openRecoverySlot(file: KeyslotsFile, recoveryKey: Buffer): GenerationKey[] | null {
  const keys: GenerationKey[] = [];
  for (const generation of wantedGenerations(file)) {
    for (const slot of file.slots.filter((s): s is RecoverySlot => s.kind === 'recovery' && recoveryGeneration(s) === generation)) {
      const kek = hkdf(recoveryKey, slot.kdf.salt, 'mamori recovery slot v1');
      const aad = slot.generation === undefined ? legacyAad(file.vaultId, slot.id, 'recovery', '') : recoveryAad(file.vaultId, slot.id, generation);
      const key = unwrapKey(slot.wrapped, kek, aad);
      wipe(kek);
      if (key) keys.push({ generation, key });
    }
  }
  return keys.length > 0 ? keys : null;
}

/** A dummy scrypt run so an unknown user name costs the same time as a wrong passphrase. */
export async function equaliseTiming(params: ScryptParams = newSlotScryptParams()): Promise<void> {
  wipe(await scryptKey('mamori-timing', Buffer.alloc(16), params));
}

/** The file with `slot` in place of the user's slot (or added). */
export function withUserSlot(file: KeyslotsFile, slot: UserSlot): KeyslotsFile {
  return { ...file, slots: [...file.slots.filter((s) => !(isUserSlot(s) && s.userId === slot.userId)), slot] };
}

/** The file with one recovery slot, for `recoveryKey`, in place of any other. */
export function withRecoveryKey(file: KeyslotsFile, recoveryKey: Buffer, dataKey: Buffer): KeyslotsFile {
  return { ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), makeRecoverySlot(file, recoveryKey, { generation: file.generation, key: dataKey })] };
}

/** A slot sealing the vault's current data key to a fresh key pair under `passphrase` (the account's keys kept when given). */
export function currentUserSlot(
  file: KeyslotsFile,
  userId: string,
  username: string,
  passphrase: string,
  dataKey: Buffer,
  keep: AccountKeys = {},
): Promise<{ slot: UserSlot; signer: Signer }> {
  return makeUserSlot(file, userId, username, passphrase, [{ generation: file.generation, key: dataKey }], newSlotScryptParams(), keep);
}

/**
 * Replaces (or adds) a user's slot under the current data key and writes the file atomically.
 * Returns the slot's signer: a new key to register in the trail unless `keep.signing` was given.
 */
export async function replaceUserSlot(
  path: string,
  file: KeyslotsFile,
  userId: string,
  username: string,
  passphrase: string,
  dataKey: Buffer,
  keep: AccountKeys = {},
): Promise<Signer> {
  const { slot, signer } = await currentUserSlot(file, userId, username, passphrase, dataKey, keep);
  writeKeyslots(path, withUserSlot(file, slot));
  return signer;
}

/**
 * The file once a rotation is settled on `generation`: the other generation's sealed keys and
 * recovery slot go; format-1 slots cannot follow a rotation (their passphrase is unknown) and go
 * too when the new generation wins (their accounts need a passphrase reset).
 */
export function settledKeyslots(file: KeyslotsFile, generation: number): KeyslotsFile {
  const slots = file.slots.flatMap((s): Slot[] => {
    if (s.kind === 'recovery') return recoveryGeneration(s) === generation ? [s] : [];
    if (isLegacy(s)) return generation === 1 ? [s] : [];
    return [{ ...s, dataKeys: s.dataKeys.filter((d) => d.generation === generation) }];
  });
  return { format: 2, vaultId: file.vaultId, createdAt: file.createdAt, generation, slots };
}
