/**
 * Maintenance from the command line: status and verification of the vault, and of an exported
 * PDF against the export register. These open the vault with the user's own keyslot, through the
 * same throttle as sign-in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Role } from '../../common/accounts';
import type { AnchorCheck } from '../../common/contract.audit';
import { appendAudit, auditHead, checkAnchors, verificationDetails, verifyChain, type AuditHead, type ChainVerification, type SignatureScope } from '../audit/audit.service';
import { writeHead } from '../audit/head';
import { Db } from '../db/connection';
import { schemaVersion, SCHEMA_VERSION } from '../db/migrations';
import { CoreError } from '../errors';
import { exportsBySha256 } from '../exports/exports.repository';
import { endSession, signIn } from '../session/session.service';
import { countUsers, getUser } from '../users/users.repository';
import { wipe } from '../crypto/crypto';
import { vaultPaths } from '../db/files';
import { acquireWriterLock } from '../db/lockfile';
import { unwrapWithPassphrase } from '../vault/unlock';
import { openWithAny, vaultKeys } from '../vault/vault.service';

export interface VaultStatusReport {
  exists: boolean;
  schemaVersion?: number;
  appSchemaVersion: number;
  activeUsers?: number;
  auditHead?: AuditHead;
}

/** Signs in (audited), reads the status, signs out. */
export async function vaultStatusReport(dataDir: string, username: string, passphrase: string, now: number): Promise<VaultStatusReport> {
  if (!existsSync(vaultPaths(dataDir).keyslots)) return { exists: false, appSchemaVersion: SCHEMA_VERSION };
  const session = await signIn(dataDir, username, passphrase, now);
  try {
    requireRole(session.user.role, ['administrator', 'auditor']);
    const db = session.vault.db;
    return {
      exists: true,
      schemaVersion: await schemaVersion(db),
      appSchemaVersion: SCHEMA_VERSION,
      activeUsers: await db.read(countUsers),
      auditHead: await auditHead(db),
    };
  } finally {
    await endSession(session, 'sign-out', now);
  }
}

/** Signs in (audited), recomputes the audit chain and checks the anchors given (`SEQ:HASH`); the verification is audited. */
export async function auditVerifyReport(
  dataDir: string,
  username: string,
  passphrase: string,
  now: number,
  anchors: string[] = [],
  onProgress?: (done: number, total: number) => void,
  signatures: SignatureScope = 'since-checkpoint',
): Promise<{ chain: ChainVerification; anchors: AnchorCheck[] }> {
  const session = await signIn(dataDir, username, passphrase, now);
  try {
    requireRole(session.user.role, ['administrator', 'auditor']);
    const { db, auditKey } = session.vault;
    const chain = await verifyChain(db, auditKey, { onProgress, signatures });
    const checks = await checkAnchors(db, anchors);
    await db.transaction((tx) =>
      appendAudit(tx, auditKey, {
        at: new Date(now).toISOString(),
        actorId: session.user.id,
        actorRole: session.user.role,
        action: 'audit.verified',
        details: { via: 'command line', ...verificationDetails(chain, checks) },
      }, session.signer),
    );
    return { chain, anchors: checks };
  } finally {
    await endSession(session, 'sign-out', now);
  }
}

export interface VaultVerification {
  /** Pages whose HMAC failed, as SQLCipher names them; empty when every page is intact. */
  cipherProblems: string[];
  /** SQLite's integrity_check lines other than 'ok'. */
  integrityProblems: string[];
  chain: ChainVerification | null;
  /** Set when the file could not be read at all (e.g. its first page is damaged). */
  unreadable: boolean;
  intact: boolean;
}

/**
 * Checks every page's HMAC, SQLite's structure and the audit chain without writing anything:
 * a damaged file is examined, never "repaired". Needs an administrator or auditor passphrase.
 */
export async function verifyVault(dataDir: string, username: string, passphrase: string, now: number): Promise<VaultVerification> {
  const paths = vaultPaths(dataDir);
  const { file, userId, keys: dataKeys, signer } = await unwrapWithPassphrase(dataDir, username, passphrase, now);
  const lock = acquireWriterLock(paths.lock);
  let keys: { auditKey: Buffer; headKey: Buffer } | undefined;
  let db: Db | undefined;
  let dataKey: Buffer | undefined;
  try {
    try {
      ({ db, key: { key: dataKey } } = await openWithAny(paths.db, dataKeys));
    } catch (e) {
      if (e instanceof CoreError && e.code === 'VAULT_DAMAGED') {
        return { cipherProblems: [], integrityProblems: [], chain: null, unreadable: true, intact: false };
      }
      throw e;
    }
    const user = await db.read((tx) => getUser(tx, userId)).catch(() => undefined);
    // Administrators only: the check reads every page of the vault with the data key.
    if (user) requireRole(user.role, ['administrator']);
    const cipherProblems = (await db.pragma<Record<string, string>>('PRAGMA cipher_integrity_check').catch(() => [{ error: 'cipher_integrity_check failed' }]))
      .map((r) => Object.values(r).join(' '));
    const integrityProblems = (
      await db.pragma<{ integrity_check: string }>('PRAGMA integrity_check').catch(() => [{ integrity_check: 'integrity_check could not complete' }])
    )
      .map((r) => r.integrity_check)
      .filter((l) => l !== 'ok');
    keys = await vaultKeys(db, dataKey, file.vaultId).catch(() => undefined);
    const chain = keys ? await verifyChain(db, keys.auditKey).catch(() => null) : null;
    const intact = cipherProblems.length === 0 && integrityProblems.length === 0 && chain?.intact === true;
    // Recorded in the trail (and the head after it) when the file is sound; a damaged file is examined, never written to.
    if (intact && keys && user) {
      const at = new Date(now).toISOString();
      await db.transaction((tx) =>
        appendAudit(tx, keys!.auditKey, { at, actorId: user.id, actorRole: user.role, action: 'vault.verified', details: { via: 'command line', intact: true, entries: chain!.entries } }, signer),
      );
      writeHead(paths.head, keys.headKey, await auditHead(db), at);
    }
    return { cipherProblems, integrityProblems, chain, unreadable: false, intact };
  } finally {
    await db?.close().catch(() => undefined);
    wipe(keys?.auditKey, keys?.headKey, ...dataKeys.map((k) => k.key));
    lock.release();
  }
}

function requireRole(role: Role, allowed: Role[]): void {
  if (!allowed.includes(role)) throw new CoreError('FORBIDDEN');
}

export interface ExportMatch {
  number: string;
  caseReference: string;
  profile: string;
  medium: string;
  copy: number;
  exportedBy: string;
  exportedAt: string;
  pages: number;
  sealedItems: string[];
}

/**
 * Whether a PDF file is exactly one the export register recorded, and which (DESIGN.md §7): the
 * file's SHA-256 against the register. Supervisors and auditors; audited (the hash, not the file).
 */
export async function verifyExportFile(dataDir: string, username: string, passphrase: string, file: string, now: number): Promise<{ sha256: string; matches: ExportMatch[] }> {
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const session = await signIn(dataDir, username, passphrase, now);
  try {
    requireRole(session.user.role, ['supervisor', 'auditor']);
    const at = new Date(now).toISOString();
    const rows = await session.vault.db.transaction(async (tx) => {
      const found = await exportsBySha256(tx, sha256);
      await appendAudit(tx, session.vault.auditKey, {
        at,
        actorId: session.user.id,
        actorRole: session.user.role,
        action: 'export.verified',
        details: { sha256, matches: found.map((r) => r.number).join(',') },
      }, session.signer);
      return found;
    });
    return {
      sha256,
      matches: rows.map((r) => ({
        number: r.number,
        caseReference: r.case_ref,
        profile: r.profile,
        medium: r.medium,
        copy: r.copy,
        exportedBy: r.exported_by_name,
        exportedAt: r.exported_at,
        pages: r.pages,
        sealedItems: JSON.parse(r.sealed_items),
      })),
    };
  } finally {
    await endSession(session, 'sign-out', now);
  }
}
