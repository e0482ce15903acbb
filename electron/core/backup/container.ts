/**
 * The `.mamori-backup` file: one file, three parts, nothing readable without a key.
 *
 *   [16 bytes]  preamble: "MAMORI-BACKUP\n" + container version (uint16 BE)
 *   [keyslots]  keyslots.json as it was at backup time (wrapped keys only)
 *   [database]  the VACUUM INTO copy, encrypted by SQLCipher under the same data key
 *   [header]    JSON: format, vault id, where each part lies, and the sealed manifest
 *   [16 bytes]  trailer: header length (uint32 BE) + "MAMORI-END\n\0"
 *
 * The manifest (schema version, time, audit head, case count, SHA-256 and length of each part)
 * is sealed with AES-256-GCM under a key derived from the data key; the header's plain fields are
 * its associated data. So the tag is the manifest's MAC: it proves the manifest was written by
 * someone holding the data key, and each part's hash binds the parts to it. The header is at the
 * end so the file is written in one pass; a missing trailer means the file was cut short.
 */
import { createHash, createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { CoreError } from '../errors';
import { hkdf, wipe } from '../crypto/crypto';

export const BACKUP_EXTENSION = '.mamori-backup';
const MAGIC = Buffer.from('MAMORI-BACKUP\n', 'latin1');
const END = Buffer.from('MAMORI-END\n\0', 'latin1');
export const CONTAINER_VERSION = 1;
export const PREAMBLE_BYTES = 16;
const TRAILER_BYTES = 16;
const MAX_HEADER_BYTES = 64 * 1024;

export function preamble(): Buffer {
  const b = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(b, 0);
  b.writeUInt16BE(CONTAINER_VERSION, MAGIC.length);
  return b;
}

export function trailer(headerLength: number): Buffer {
  const b = Buffer.alloc(TRAILER_BYTES);
  b.writeUInt32BE(headerLength, 0);
  END.copy(b, 4);
  return b;
}

const PartSchema = z.object({ offset: z.number().int().min(0), length: z.number().int().min(0) }).strict();
const SealedSchema = z.object({ iv: z.string(), ct: z.string(), tag: z.string() }).strict();
const HeaderSchema = z
  .object({
    format: z.literal(1),
    vaultId: z.string().min(1).max(64),
    parts: z.object({ keyslots: PartSchema, database: PartSchema }).strict(),
    manifest: SealedSchema,
  })
  .strict();
export type BackupHeader = z.infer<typeof HeaderSchema>;
export type PartLocation = z.infer<typeof PartSchema>;

const DigestSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), length: z.number().int().min(0) }).strict();
export const ManifestSchema = z
  .object({
    format: z.literal(1),
    vaultId: z.string(),
    schemaVersion: z.number().int().min(1),
    createdAt: z.string(),
    createdBy: z.string(),
    generation: z.number().int().min(1),
    auditHead: z.object({ seq: z.number().int().min(0), mac: z.string() }).strict(),
    caseCount: z.number().int().min(0),
    parts: z.object({ keyslots: DigestSchema, database: DigestSchema }).strict(),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

/** What the manifest's tag also covers: every plain field of the header. */
const associated = (h: Pick<BackupHeader, 'format' | 'vaultId' | 'parts'>) =>
  Buffer.from(JSON.stringify(['mamori-backup-manifest-v1', h.format, h.vaultId, h.parts.keyslots, h.parts.database]), 'utf8');

/** The manifest key: derived from the data key, bound to the vault (key material; wipe it). */
const manifestKey = (dataKey: Buffer, vaultId: string) => hkdf(dataKey, vaultId, 'mamori backup manifest v1');

export function sealManifest(dataKey: Buffer, manifest: Manifest, parts: BackupHeader['parts']): BackupHeader {
  const key = manifestKey(dataKey, manifest.vaultId);
  const iv = randomBytes(12);
  try {
    const head = { format: 1 as const, vaultId: manifest.vaultId, parts };
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(associated(head));
    const ct = Buffer.concat([c.update(JSON.stringify(manifest), 'utf8'), c.final()]);
    return { ...head, manifest: { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') } };
  } finally {
    wipe(key);
  }
}

/** The manifest, or BACKUP_MANIFEST_ALTERED when its tag (over it and the header) fails under this data key. */
export function openManifest(dataKey: Buffer, header: BackupHeader): Manifest {
  const key = manifestKey(dataKey, header.vaultId);
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(header.manifest.iv, 'base64'));
    d.setAAD(associated(header));
    d.setAuthTag(Buffer.from(header.manifest.tag, 'base64'));
    const text = Buffer.concat([d.update(Buffer.from(header.manifest.ct, 'base64')), d.final()]).toString('utf8');
    const manifest = ManifestSchema.parse(JSON.parse(text));
    if (manifest.vaultId !== header.vaultId) throw new Error('vault id');
    return manifest;
  } catch {
    throw new CoreError('BACKUP_MANIFEST_ALTERED');
  } finally {
    wipe(key);
  }
}

/** An open backup file: its header read and checked for shape, its parts not yet trusted. */
export interface BackupFile {
  readonly path: string;
  readonly size: number;
  readonly header: BackupHeader;
  /** Reads a part fully (keyslots only: small). */
  readPart(part: PartLocation): Promise<Buffer>;
  /** Streams a part in chunks to `sink`, returning its SHA-256. */
  streamPart(part: PartLocation, sink: (chunk: Buffer) => Promise<void> | void, progress?: (done: number) => void): Promise<string>;
  close(): Promise<void>;
}

const CHUNK = 1 << 20;

async function readAt(fh: FileHandle, length: number, position: number): Promise<Buffer> {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(b, got, length - got, position + got);
    if (bytesRead <= 0) throw new CoreError('BACKUP_TRUNCATED');
    got += bytesRead;
  }
  return b;
}

/**
 * Opens a backup file and reads its header: BACKUP_UNREADABLE when it is not one, BACKUP_TRUNCATED
 * when it is one cut short. Parts are only located here; their hashes are checked by the caller.
 */
export async function openBackupFile(path: string): Promise<BackupFile> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    throw new CoreError('BACKUP_UNREADABLE', 'cannot open');
  }
  try {
    const size = (await fh.stat()).size;
    if (size < PREAMBLE_BYTES) throw new CoreError('BACKUP_UNREADABLE', 'too short');
    const start = await readAt(fh, PREAMBLE_BYTES, 0);
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw new CoreError('BACKUP_UNREADABLE', 'no preamble');
    if (start.readUInt16BE(MAGIC.length) > CONTAINER_VERSION) throw new CoreError('BACKUP_NEWER', 'container version');
    if (size < PREAMBLE_BYTES + TRAILER_BYTES) throw new CoreError('BACKUP_TRUNCATED');
    const end = await readAt(fh, TRAILER_BYTES, size - TRAILER_BYTES);
    if (!end.subarray(4).equals(END)) throw new CoreError('BACKUP_TRUNCATED');
    const headerLength = end.readUInt32BE(0);
    const headerStart = size - TRAILER_BYTES - headerLength;
    if (headerLength > MAX_HEADER_BYTES || headerStart < PREAMBLE_BYTES) throw new CoreError('BACKUP_MANIFEST_ALTERED', 'header length');
    const raw = await readAt(fh, headerLength, headerStart);
    let header: BackupHeader;
    try {
      header = HeaderSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      throw new CoreError('BACKUP_MANIFEST_ALTERED', 'header');
    }
    // The parts lie back to back between preamble and header; anything else is not what was written.
    const { keyslots, database } = header.parts;
    if (keyslots.offset !== PREAMBLE_BYTES || database.offset !== keyslots.offset + keyslots.length || database.offset + database.length !== headerStart) {
      throw new CoreError('BACKUP_MANIFEST_ALTERED', 'part layout');
    }
    return {
      path,
      size,
      header,
      readPart: (part) => readAt(fh, part.length, part.offset),
      async streamPart(part, sink, progress) {
        const hash = createHash('sha256');
        for (let done = 0; done < part.length; ) {
          const chunk = await readAt(fh, Math.min(CHUNK, part.length - done), part.offset + done);
          hash.update(chunk);
          await sink(chunk);
          done += chunk.length;
          progress?.(done);
        }
        return hash.digest('hex');
      },
      close: () => fh.close(),
    };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

export const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');
